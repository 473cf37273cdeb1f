using Baken.Features.Clients;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Plan;

/// <summary>The fields of a goal, for adding and editing.</summary>
public sealed class GoalForm
{
    public Guid? DomainId { get; set; }

    public string Text { get; set; } = string.Empty;

    public TeamRole? OwnerRole { get; set; }

    public DateOnly? TargetDate { get; set; }

    public GoalStatus Status { get; set; } = GoalStatus.Open;

    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<GoalForm>
    {
        public Validator(IStringLocalizer t, DateOnly earliestTarget, bool isNew)
        {
            RuleFor(g => g.DomainId).NotNull().When(_ => isNew).WithMessage(t["Goal_DomainRequired"]);
            RuleFor(g => g.Text).Must(text => text.Trim().Length >= 3).WithMessage(t["Goal_TextRequired"]);
            RuleFor(g => g.Text).MaximumLength(1000).WithMessage(t["Field_TooLong", 1000]);
            RuleFor(g => g.OwnerRole).IsInEnum().When(g => g.OwnerRole is not null).WithMessage(t["Form_InvalidChoice"]);
            RuleFor(g => g.Status).IsInEnum().WithMessage(t["Form_InvalidChoice"]);
            RuleFor(g => g.TargetDate).Must(d => d >= earliestTarget).When(g => g.TargetDate is not null && isNew).WithMessage(t["Goal_TargetInPast"]);
        }
    }
}
