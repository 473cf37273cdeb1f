using Baken.Features.ServiceDirectory;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory;

/// <summary>A phone number of an organisation or a service.</summary>
public sealed class PhoneForm
{
    public string Number { get; set; } = string.Empty;

    public string Type { get; set; } = "voice";

    public string? Description { get; set; }

    public sealed class Validator : AbstractValidator<PhoneForm>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(f => f.Number).Must(v => DirectoryRules.Clean(v) is not null).WithMessage(t["Directory_PhoneRequired"])
                .Must(v => v.Trim().Length <= DirectoryRules.PhoneNumberLength).WithMessage(t["Field_TooLong", DirectoryRules.PhoneNumberLength]);
            RuleFor(f => f.Type).Must(DirectoryRules.PhoneTypes.Contains).WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.Description).Must(v => v is null || v.Trim().Length <= DirectoryRules.NoteLength).WithMessage(t["Field_TooLong", DirectoryRules.NoteLength]);
        }
    }
}

/// <summary>
/// A contact point: a function or desk ("Intake"). Only the title is published; a name and e-mail address of a
/// staff member of a partner are for Baken's staff screens only, and best left empty.
/// </summary>
public sealed class ContactForm
{
    public string Title { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? Email { get; set; }

    public sealed class Validator : AbstractValidator<ContactForm>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(f => f.Title).Must(v => DirectoryRules.Clean(v) is not null).WithMessage(t["Directory_TitleRequired"])
                .Must(v => v.Trim().Length <= DirectoryRules.NameLength).WithMessage(t["Field_TooLong", DirectoryRules.NameLength]);
            RuleFor(f => f.Name).Must(v => v is null || v.Trim().Length <= DirectoryRules.NameLength).WithMessage(t["Field_TooLong", DirectoryRules.NameLength]);
            RuleFor(f => f.Email).Must(v => DirectoryRules.IsEmail(v!.Trim())).When(f => !string.IsNullOrWhiteSpace(f.Email))
                .WithMessage(t["Directory_EmailInvalid"]);
        }
    }
}
