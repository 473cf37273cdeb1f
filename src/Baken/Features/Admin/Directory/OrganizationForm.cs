using Baken.Features.ServiceDirectory;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory;

/// <summary>The fields of a directory organisation, shared by the create and edit pages.</summary>
public sealed class OrganizationForm
{
    public string Name { get; set; } = string.Empty;

    public string? AlternateName { get; set; }

    public string Description { get; set; } = string.Empty;

    public string? Email { get; set; }

    public string? Website { get; set; }

    public PartnerType PartnerType { get; set; } = PartnerType.Other;

    /// <summary>The Baken organisation this entry is, if any: referrals to it land in that organisation's intake queue.</summary>
    public Guid? OrganisationId { get; set; }

    public static OrganizationForm From(DirectoryOrganization o) => new()
    {
        Name = o.Name,
        AlternateName = o.AlternateName,
        Description = o.Description,
        Email = o.Email,
        Website = o.Website,
        PartnerType = o.PartnerType,
        OrganisationId = o.OrganisationId,
    };

    /// <summary>Copies the (validated) fields; true when anything changed.</summary>
    public bool ApplyTo(DirectoryOrganization o)
    {
        var before = From(o);
        o.Name = DirectoryRules.Clean(Name) ?? string.Empty;
        o.AlternateName = DirectoryRules.Clean(AlternateName);
        o.Description = DirectoryRules.Clean(Description) ?? string.Empty;
        o.Email = DirectoryRules.Clean(Email);
        o.Website = DirectoryRules.Clean(Website);
        o.PartnerType = PartnerType;
        o.OrganisationId = OrganisationId;
        var after = From(o);
        return (before.Name, before.AlternateName, before.Description, before.Email, before.Website, before.PartnerType, before.OrganisationId)
            != (after.Name, after.AlternateName, after.Description, after.Email, after.Website, after.PartnerType, after.OrganisationId);
    }

    public sealed class Validator : AbstractValidator<OrganizationForm>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(f => f.Name).Must(v => DirectoryRules.Clean(v) is not null).WithMessage(t["Directory_NameRequired"])
                .Must(v => v.Trim().Length <= DirectoryRules.NameLength).WithMessage(t["Field_TooLong", DirectoryRules.NameLength]);
            RuleFor(f => f.AlternateName).Must(v => v!.Trim().Length <= DirectoryRules.NameLength).When(f => f.AlternateName is not null)
                .WithMessage(t["Field_TooLong", DirectoryRules.NameLength]);
            RuleFor(f => f.Description).Must(v => DirectoryRules.Clean(v) is not null).WithMessage(t["Directory_DescriptionRequired"])
                .Must(v => v.Trim().Length <= DirectoryRules.OrganizationDescriptionLength).WithMessage(t["Field_TooLong", DirectoryRules.OrganizationDescriptionLength]);
            RuleFor(f => f.Email).Must(v => DirectoryRules.IsEmail(v!.Trim())).When(f => !string.IsNullOrWhiteSpace(f.Email))
                .WithMessage(t["Directory_EmailInvalid"]);
            RuleFor(f => f.Website).Must(v => v!.Trim().Length <= DirectoryRules.UrlLength && DirectoryRules.IsHttpsUrl(v.Trim()))
                .When(f => !string.IsNullOrWhiteSpace(f.Website)).WithMessage(t["Directory_UrlInvalid"]);
            RuleFor(f => f.PartnerType).IsInEnum().WithMessage(t["Form_InvalidChoice"]);
        }
    }
}
