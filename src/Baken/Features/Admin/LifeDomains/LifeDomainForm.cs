using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.LifeDomains;

public sealed class LifeDomainForm
{
    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public int SortOrder { get; set; }

    public sealed class Validator : AbstractValidator<LifeDomainForm>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(f => f.Name).Must(n => n.Trim().Length >= 2).WithMessage(t["LifeDomain_NameRequired"]);
            RuleFor(f => f.Name).MaximumLength(100).WithMessage(t["Field_TooLong", 100]);
            RuleFor(f => f.Description).MaximumLength(500).WithMessage(t["Field_TooLong", 500]);
            RuleFor(f => f.SortOrder).InclusiveBetween(0, 999).WithMessage(t["LifeDomain_OrderRange"]);
        }
    }
}
