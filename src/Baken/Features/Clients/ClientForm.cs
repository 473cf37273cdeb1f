using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Clients;

/// <summary>The fields of the create form; every identifying field is optional.</summary>
public sealed class ClientForm
{
    public static readonly string[] Channels = ["phone", "email", "messenger", "infocentre"];

    public IdentityLevel? Level { get; set; }

    public string Alias { get; set; } = string.Empty;

    public string ContactChannel { get; set; } = string.Empty;

    public string ContactValue { get; set; } = string.Empty;

    public string LegalName { get; set; } = string.Empty;

    public string DateOfBirth { get; set; } = string.Empty;

    public string Bsn { get; set; } = string.Empty;

    public string Nationality { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Languages { get; set; } = string.Empty;

    public string GenderIdentity { get; set; } = string.Empty;

    /// <summary>Set after the user has seen the possible duplicates and still wants a new client.</summary>
    public bool ConfirmNew { get; set; }

    public ClientIdentity ToIdentity() => new()
    {
        Alias = Alias,
        ContactChannel = ContactChannel,
        ContactValue = ContactValue,
        LegalName = LegalName,
        DateOfBirth = DateOfBirth,
        Bsn = Bsn,
        Nationality = Nationality,
        Address = Address,
        Phone = Phone,
        Email = Email,
        Languages = Languages,
        GenderIdentity = GenderIdentity,
    };

    private bool HasPseudonymousFields => !string.IsNullOrWhiteSpace(ContactChannel) || !string.IsNullOrWhiteSpace(ContactValue);

    private bool HasIdentifiedFields => new[] { LegalName, DateOfBirth, Bsn, Nationality, Address, Phone, Email, Languages, GenderIdentity }
        .Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>True when some filled-in field belongs to a higher level than the chosen one.</summary>
    public bool HasFieldsAbove(IdentityLevel level) =>
        (level == IdentityLevel.Anonymous && (HasPseudonymousFields || HasIdentifiedFields))
        || (level == IdentityLevel.Pseudonymous && HasIdentifiedFields);

    public static ClientForm From(IdentityLevel level, ClientIdentity identity) => new()
    {
        Level = level,
        Alias = identity.Alias ?? string.Empty,
        ContactChannel = identity.ContactChannel ?? string.Empty,
        ContactValue = identity.ContactValue ?? string.Empty,
        LegalName = identity.LegalName ?? string.Empty,
        DateOfBirth = identity.DateOfBirth ?? string.Empty,
        Bsn = identity.Bsn ?? string.Empty,
        Nationality = identity.Nationality ?? string.Empty,
        Address = identity.Address ?? string.Empty,
        Phone = identity.Phone ?? string.Empty,
        Email = identity.Email ?? string.Empty,
        Languages = identity.Languages ?? string.Empty,
        GenderIdentity = identity.GenderIdentity ?? string.Empty,
    };

    public sealed class Validator : AbstractValidator<ClientForm>
    {
        /// <param name="t">Texts.</param>
        /// <param name="timeProvider">Today, for dates of birth.</param>
        /// <param name="allowFieldsAboveLevel">On correction, going down a level erases the fields above it after a confirmation.</param>
        public Validator(IStringLocalizer t, TimeProvider timeProvider, bool allowFieldsAboveLevel = false)
        {
            RuleFor(f => f.Level).NotNull().WithMessage(t["Client_LevelRequired"]).IsInEnum().WithMessage(t["Client_LevelRequired"]);
            RuleFor(f => f.Level).Must((form, level) => level is null || !form.HasFieldsAbove(level.Value))
                .When(_ => !allowFieldsAboveLevel)
                .WithMessage(t["Client_FieldsAboveLevel"]);
            RuleFor(f => f.ContactChannel).Must(c => string.IsNullOrEmpty(c) || Channels.Contains(c)).WithMessage(t["Client_ChannelInvalid"]);
            RuleFor(f => f.ContactValue).NotEmpty().When(f => f.ContactChannel is "phone" or "email" or "messenger").WithMessage(t["Client_ContactValueRequired"]);
            RuleFor(f => f.Bsn).Must(b => string.IsNullOrWhiteSpace(b) || Clients.Bsn.IsValid(b)).WithMessage(t["Client_BsnInvalid"]);
            RuleFor(f => f.DateOfBirth).Must(d => string.IsNullOrWhiteSpace(d) || IsPastDate(d, timeProvider)).WithMessage(t["Client_DateOfBirthInvalid"]);
            RuleFor(f => f.Email).EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.Email)).WithMessage(t["User_EmailInvalid"]);
            foreach (var field in new System.Linq.Expressions.Expression<Func<ClientForm, string>>[]
                { f => f.Alias, f => f.ContactValue, f => f.LegalName, f => f.Nationality, f => f.Address, f => f.Phone, f => f.Email, f => f.Languages, f => f.GenderIdentity })
            {
                RuleFor(field).MaximumLength(200).WithMessage(t["Field_TooLong", 200]);
            }
        }

        private static bool IsPastDate(string value, TimeProvider timeProvider) =>
            DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date <= DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime) && date.Year >= 1900;
    }
}
