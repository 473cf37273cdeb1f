using System.Globalization;
using Baken.Features.ServiceDirectory;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory.Services;

/// <summary>
/// The fields of a service, shared by the create and edit pages: the service itself, its topics and target groups
/// (term codes) and the languages it is offered in. Ages are text, so a wrong value gets our own Dutch message.
/// </summary>
public sealed class ServiceForm
{
    public string Name { get; set; } = string.Empty;

    public string? AlternateName { get; set; }

    public string? Description { get; set; }

    public string? Url { get; set; }

    public string? Email { get; set; }

    public ServiceStatus Status { get; set; } = ServiceStatus.Active;

    public string? InterpretationServices { get; set; }

    public string? ApplicationProcess { get; set; }

    public string? FeesDescription { get; set; }

    public string? EligibilityDescription { get; set; }

    public string? MinimumAge { get; set; }

    public string? MaximumAge { get; set; }

    public List<string> Topics { get; set; } = [];

    public List<string> Groups { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    public static ServiceForm From(DirectoryService s) => new()
    {
        Name = s.Name,
        AlternateName = s.AlternateName,
        Description = s.Description,
        Url = s.Url,
        Email = s.Email,
        Status = s.Status,
        InterpretationServices = s.InterpretationServices,
        ApplicationProcess = s.ApplicationProcess,
        FeesDescription = s.FeesDescription,
        EligibilityDescription = s.EligibilityDescription,
        MinimumAge = s.MinimumAge?.ToString(CultureInfo.InvariantCulture),
        MaximumAge = s.MaximumAge?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Copies the (validated) fields of the service itself; true when anything changed.</summary>
    public bool ApplyTo(DirectoryService s)
    {
        var before = Snapshot(s);
        s.Name = DirectoryRules.Clean(Name) ?? string.Empty;
        s.AlternateName = DirectoryRules.Clean(AlternateName);
        s.Description = DirectoryRules.Clean(Description);
        s.Url = DirectoryRules.Clean(Url);
        s.Email = DirectoryRules.Clean(Email);
        s.Status = Status;
        s.InterpretationServices = DirectoryRules.Clean(InterpretationServices);
        s.ApplicationProcess = DirectoryRules.Clean(ApplicationProcess);
        s.FeesDescription = DirectoryRules.Clean(FeesDescription);
        s.EligibilityDescription = DirectoryRules.Clean(EligibilityDescription);
        s.MinimumAge = Age(MinimumAge);
        s.MaximumAge = Age(MaximumAge);
        return before != Snapshot(s);
    }

    private static string Snapshot(DirectoryService s) =>
        string.Join('\u001f', s.Name, s.AlternateName, s.Description, s.Url, s.Email, s.Status, s.InterpretationServices, s.ApplicationProcess,
            s.FeesDescription, s.EligibilityDescription, s.MinimumAge, s.MaximumAge);

    /// <summary>A valid age (0 to 150), or null for empty or invalid text.</summary>
    public static int? Age(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age <= DirectoryRules.MaximumAge ? age : null;

    public sealed class Validator : AbstractValidator<ServiceForm>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(f => f.Name).Must(v => DirectoryRules.Clean(v) is not null).WithMessage(t["Directory_NameRequired"])
                .Must(v => v.Trim().Length <= DirectoryRules.NameLength).WithMessage(t["Field_TooLong", DirectoryRules.NameLength]);
            MaxLength(f => f.AlternateName, DirectoryRules.NameLength, t);
            MaxLength(f => f.Description, DirectoryRules.ServiceDescriptionLength, t);
            MaxLength(f => f.InterpretationServices, DirectoryRules.ServiceTextLength, t);
            MaxLength(f => f.ApplicationProcess, DirectoryRules.ServiceTextLength, t);
            MaxLength(f => f.FeesDescription, DirectoryRules.ServiceTextLength, t);
            MaxLength(f => f.EligibilityDescription, DirectoryRules.ServiceTextLength, t);
            RuleFor(f => f.Email).Must(v => DirectoryRules.IsEmail(v!.Trim())).When(f => !string.IsNullOrWhiteSpace(f.Email))
                .WithMessage(t["Directory_EmailInvalid"]);
            RuleFor(f => f.Url).Must(v => v!.Trim().Length <= DirectoryRules.UrlLength && DirectoryRules.IsHttpsUrl(v.Trim()))
                .When(f => !string.IsNullOrWhiteSpace(f.Url)).WithMessage(t["Directory_UrlInvalid"]);
            RuleFor(f => f.Status).IsInEnum().WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.MinimumAge).Must(v => Age(v) is not null).When(f => !string.IsNullOrWhiteSpace(f.MinimumAge)).WithMessage(t["Directory_AgeInvalid"]);
            RuleFor(f => f.MaximumAge).Must(v => Age(v) is not null).When(f => !string.IsNullOrWhiteSpace(f.MaximumAge)).WithMessage(t["Directory_AgeInvalid"])
                .Must((f, v) => Age(f.MinimumAge) is not { } min || Age(v) is not { } max || min <= max).WithMessage(t["Directory_AgeOrder"]);
            RuleFor(f => f.Topics).Must(codes => codes.All(c => DirectoryDefaults.Terms.Any(x => x.Kind == TaxonomyKind.Topic && x.Code == c)))
                .WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.Groups).Must(codes => codes.All(c => DirectoryDefaults.Terms.Any(x => x.Kind == TaxonomyKind.TargetGroup && x.Code == c)))
                .WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.Languages).Must(codes => codes.All(DirectoryRules.IsLanguageCode)).WithMessage(t["Form_InvalidChoice"]);
        }

        private void MaxLength(System.Linq.Expressions.Expression<Func<ServiceForm, string?>> field, int max, IStringLocalizer t) =>
            RuleFor(field).Must(v => v is null || v.Trim().Length <= max).WithMessage(t["Field_TooLong", max]);
    }
}
