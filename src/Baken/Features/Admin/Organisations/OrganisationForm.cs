using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Organisations;

/// <summary>The fields of an organisation, shared by the create and edit pages.</summary>
public sealed class OrganisationForm
{
    public string Name { get; set; } = string.Empty;

    public OrganisationKind Kind { get; set; } = OrganisationKind.CareProvider;

    public sealed class Validator : AbstractValidator<OrganisationForm>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(f => f.Name).NotEmpty().WithMessage(t["Organisation_NameRequired"])
                .MaximumLength(200).WithMessage(t["Field_TooLong", 200]);
            RuleFor(f => f.Kind).IsInEnum().WithMessage(t["Organisation_KindRequired"]);
        }
    }
}
