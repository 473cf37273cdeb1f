using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Users;

/// <summary>The fields of a staff account shared by the create and edit pages.</summary>
public class UserForm
{
    public string DisplayName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public Guid? OrganisationId { get; set; }

    public List<string> Roles { get; set; } = [];

    public class Validator<T> : AbstractValidator<T>
        where T : UserForm
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(f => f.DisplayName).NotEmpty().WithMessage(t["User_NameRequired"])
                .MaximumLength(200).WithMessage(t["Field_TooLong", 200]);
            RuleFor(f => f.Email).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(t["User_EmailRequired"])
                .EmailAddress().WithMessage(t["User_EmailInvalid"])
                .MaximumLength(256).WithMessage(t["Field_TooLong", 256]);
            RuleFor(f => f.OrganisationId).NotEmpty().WithMessage(t["User_OrganisationRequired"]);
            RuleFor(f => f.Roles).NotEmpty().WithMessage(t["User_RolesRequired"])
                .Must(roles => roles.All(Admin.Roles.All.Contains)).WithMessage(t["User_RolesRequired"]);
        }
    }
}

public sealed class NewUserForm : UserForm
{
    public string Password { get; set; } = string.Empty;

    public sealed class Validator : Validator<NewUserForm>
    {
        public Validator(IStringLocalizer t)
            : base(t) =>
            RuleFor(f => f.Password).MinimumLength(12).WithMessage(t["User_PasswordLength"]).MaximumLength(512);
    }
}
