using Baken.Features.ServiceDirectory;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory.Locations;

/// <summary>
/// The fields of a place, shared by the create and edit pages. A physical place needs a whole address unless it is
/// confidential (a shelter's address may be left out altogether); an online place needs an https address.
/// </summary>
public sealed class LocationForm
{
    public LocationType Type { get; set; } = LocationType.Physical;

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string? Url { get; set; }

    public bool IsConfidential { get; set; }

    public string? Address1 { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? Province { get; set; }

    public string Country { get; set; } = "NL";

    public static LocationForm From(DirectoryLocation l) => new()
    {
        Type = l.Type,
        Name = l.Name,
        Description = l.Description,
        Url = l.Url,
        IsConfidential = l.IsConfidential,
        Address1 = l.Address1,
        PostalCode = l.PostalCode,
        City = l.City,
        Province = l.Province,
        Country = l.Country,
    };

    /// <summary>Copies the (validated) fields; true when anything changed.</summary>
    public bool ApplyTo(DirectoryLocation l)
    {
        var before = Snapshot(l);
        l.Type = Type;
        l.Name = DirectoryRules.Clean(Name) ?? string.Empty;
        l.Description = DirectoryRules.Clean(Description);
        l.Url = DirectoryRules.Clean(Url);
        l.IsConfidential = IsConfidential;
        l.Address1 = DirectoryRules.Clean(Address1);
        l.PostalCode = DirectoryRules.Clean(PostalCode);
        l.City = DirectoryRules.Clean(City);
        l.Province = DirectoryRules.Clean(Province);
        l.Country = Country.Trim().ToUpperInvariant();
        return before != Snapshot(l);
    }

    private static string Snapshot(DirectoryLocation l) =>
        string.Join('\u001f', l.Type, l.Name, l.Description, l.Url, l.IsConfidential, l.Address1, l.PostalCode, l.City, l.Province, l.Country);

    public sealed class Validator : AbstractValidator<LocationForm>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(f => f.Type).IsInEnum().WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.Name).Must(v => DirectoryRules.Clean(v) is not null).WithMessage(t["Directory_NameRequired"])
                .Must(v => v.Trim().Length <= DirectoryRules.NameLength).WithMessage(t["Field_TooLong", DirectoryRules.NameLength]);
            RuleFor(f => f.Description).Must(v => v is null || v.Trim().Length <= DirectoryRules.LocationDescriptionLength)
                .WithMessage(t["Field_TooLong", DirectoryRules.LocationDescriptionLength]);

            RuleFor(f => f.Url).Must(v => DirectoryRules.Clean(v) is not null).When(f => f.Type == LocationType.Virtual)
                .WithMessage(t["Directory_VirtualNeedsUrl"]);
            RuleFor(f => f.Url).Must(v => v!.Trim().Length <= DirectoryRules.UrlLength && DirectoryRules.IsHttpsUrl(v.Trim()))
                .When(f => !string.IsNullOrWhiteSpace(f.Url)).WithMessage(t["Directory_UrlInvalid"]);

            // A part of an address is no address: street, postal code and city go together.
            RuleFor(f => f.Address1).Must(v => DirectoryRules.Clean(v) is not null).When(AnyAddress).WithMessage(t["Directory_AddressIncomplete"]);
            RuleFor(f => f.PostalCode).Must(v => DirectoryRules.Clean(v) is not null).When(AnyAddress).WithMessage(t["Directory_AddressIncomplete"]);
            RuleFor(f => f.City).Must(v => DirectoryRules.Clean(v) is not null).When(AnyAddress).WithMessage(t["Directory_AddressIncomplete"]);
            RuleFor(f => f.Address1).Must(v => DirectoryRules.Clean(v) is not null)
                .When(f => !AnyAddress(f) && (f.Type == LocationType.Postal || (f.Type == LocationType.Physical && !f.IsConfidential)))
                .WithMessage(f => f.Type == LocationType.Postal ? t["Directory_PostalNeedsAddress"] : t["Directory_PhysicalNeedsAddress"]);
            RuleFor(f => f.Address1).Must(v => v is null || v.Trim().Length <= DirectoryRules.AddressLength).WithMessage(t["Field_TooLong", DirectoryRules.AddressLength]);
            RuleFor(f => f.PostalCode).Must(v => v is null || v.Trim().Length <= DirectoryRules.PostalCodeLength).WithMessage(t["Field_TooLong", DirectoryRules.PostalCodeLength]);
            RuleFor(f => f.City).Must(v => v is null || v.Trim().Length <= DirectoryRules.CityLength).WithMessage(t["Field_TooLong", DirectoryRules.CityLength]);
            RuleFor(f => f.Province).Must(v => v is null || v.Trim().Length <= DirectoryRules.ProvinceLength).WithMessage(t["Field_TooLong", DirectoryRules.ProvinceLength]);
            RuleFor(f => f.Country).Must(v => DirectoryRules.IsCountryCode(v.Trim().ToUpperInvariant())).WithMessage(t["Directory_CountryInvalid"]);
        }

        private static bool AnyAddress(LocationForm f) =>
            DirectoryRules.Clean(f.Address1) is not null || DirectoryRules.Clean(f.PostalCode) is not null || DirectoryRules.Clean(f.City) is not null;
    }
}
