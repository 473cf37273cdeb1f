using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Trajectories;

/// <summary>The intake fields as posted by the start and intake pages.</summary>
public sealed class IntakeForm
{
    public ReferralRoute? ReferralRoute { get; set; }

    public Guid? ReferringOrganisationId { get; set; }

    public DateOnly? ReferralDate { get; set; }

    public bool HousingNeed { get; set; }

    public VictimStatus? VictimStatus { get; set; }

    public GenderIdentity? GenderIdentity { get; set; }

    public string GenderSelfDescription { get; set; } = string.Empty;

    public string Languages { get; set; } = string.Empty;

    public SexWorkMotive? Motive { get; set; }

    public MigrationSituation? MigrationSituation { get; set; }

    public TrajectoryIntake ToIntake() => new()
    {
        ReferralRoute = ReferralRoute,
        ReferringOrganisationId = ReferringOrganisationId,
        ReferralDate = ReferralDate,
        HousingNeed = HousingNeed,
        VictimStatus = VictimStatus,
        GenderIdentity = GenderIdentity,
        GenderSelfDescription = GenderSelfDescription,
        Languages = Languages,
        Motive = Motive,
        MigrationSituation = MigrationSituation,
    };

    public static IntakeForm From(TrajectoryIntake intake) => new()
    {
        ReferralRoute = intake.ReferralRoute,
        ReferringOrganisationId = intake.ReferringOrganisationId,
        ReferralDate = intake.ReferralDate,
        HousingNeed = intake.HousingNeed,
        VictimStatus = intake.VictimStatus,
        GenderIdentity = intake.GenderIdentity,
        GenderSelfDescription = intake.GenderSelfDescription ?? string.Empty,
        Languages = intake.Languages ?? string.Empty,
        Motive = intake.Motive,
        MigrationSituation = intake.MigrationSituation,
    };

    public sealed class Validator : AbstractValidator<IntakeForm>
    {
        public Validator(IStringLocalizer t, TimeProvider timeProvider)
        {
            var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
            RuleFor(f => f.ReferralRoute).NotNull().IsInEnum().WithMessage(t["Intake_RouteRequired"]);
            RuleFor(f => f.ReferralDate).Must(d => d <= today.AddDays(1)).When(f => f.ReferralDate is not null).WithMessage(t["Intake_DateInFuture"]);
            RuleFor(f => f.ReferralDate).Must(d => d >= new DateOnly(1990, 1, 1)).When(f => f.ReferralDate is not null).WithMessage(t["Intake_DateTooEarly"]);
            RuleFor(f => f.VictimStatus).IsInEnum().When(f => f.VictimStatus is not null).WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.GenderIdentity).IsInEnum().When(f => f.GenderIdentity is not null).WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.Motive).IsInEnum().When(f => f.Motive is not null).WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.MigrationSituation).IsInEnum().When(f => f.MigrationSituation is not null).WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.GenderSelfDescription).Must(v => !string.IsNullOrWhiteSpace(v))
                .When(f => f.GenderIdentity == Trajectories.GenderIdentity.SelfDescribed).WithMessage(t["Intake_SelfDescriptionRequired"]);
            RuleFor(f => f.GenderSelfDescription).MaximumLength(100).WithMessage(t["Field_TooLong", 100]);
            RuleFor(f => f.Languages).MaximumLength(200).WithMessage(t["Field_TooLong", 200]);
        }
    }
}
