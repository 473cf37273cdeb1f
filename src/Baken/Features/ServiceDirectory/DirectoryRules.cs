using System.Globalization;
using System.Net.Mail;

namespace Baken.Features.ServiceDirectory;

/// <summary>
/// What a directory value must look like, in one place: the management pages and the HSDS import check the same
/// rules, so a file cannot bring in what a form would refuse (an http or javascript link, an unknown day code).
/// The lengths mirror the column limits in <see cref="DirectoryConfiguration"/> (a test compares them).
/// </summary>
public static class DirectoryRules
{
    public const int NameLength = 200;
    public const int OrganizationDescriptionLength = 4000;
    public const int ServiceDescriptionLength = 4000;
    public const int ServiceTextLength = 2000;
    public const int LocationDescriptionLength = 2000;
    public const int UrlLength = 500;
    public const int EmailLength = 254;
    public const int AddressLength = 200;
    public const int PostalCodeLength = 20;
    public const int CityLength = 100;
    public const int ProvinceLength = 100;
    public const int PhoneNumberLength = 40;
    public const int NoteLength = 500;
    public const int LanguageNameLength = 60;
    public const int TranslationLength = 4000;
    public const int MaximumAge = 150;

    /// <summary>HSDS phone types.</summary>
    public static readonly IReadOnlyList<string> PhoneTypes = ["voice", "cell", "text", "fax", "video", "pager", "textphone"];

    /// <summary>Languages directory text is translated into (Dutch is the original), in the order the portal offers them.</summary>
    public static readonly IReadOnlyList<string> TranslationLanguages = ["en", "es", "ro", "pl", "bg", "pt", "th"];

    /// <summary>The translated fields (<see cref="DirectoryTranslation.Field"/>).</summary>
    public static readonly IReadOnlyList<string> TranslatedFields = [nameof(DirectoryService.Name), nameof(DirectoryService.Description)];

    /// <summary>Languages a service can be offered in, with their Dutch names (stored as the HSDS language name).</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Languages =
    [
        new("nl", "Nederlands"), new("en", "Engels"), new("es", "Spaans"), new("ro", "Roemeens"), new("pl", "Pools"),
        new("bg", "Bulgaars"), new("pt", "Portugees"), new("th", "Thai"), new("hu", "Hongaars"), new("fr", "Frans"),
        new("de", "Duits"), new("ar", "Arabisch"), new("tr", "Turks"), new("ru", "Russisch"), new("uk", "Oekraïens"),
        new("zh", "Chinees"), new("sk", "Slowaaks"), new("cs", "Tsjechisch"), new("lt", "Litouws"), new("lv", "Lets"),
    ];

    /// <summary>The Dutch name of a language code, or the code itself when it is not in the list.</summary>
    public static string LanguageName(string code) =>
        Languages.FirstOrDefault(l => l.Key == code) is { Key: not null } known ? known.Value : code;

    /// <summary>An ISO 639-1 code: two lower-case letters.</summary>
    public static bool IsLanguageCode(string value) => value.Length == 2 && value.All(char.IsAsciiLetterLower);

    /// <summary>An ISO 3166-1 alpha-2 country code: two upper-case letters.</summary>
    public static bool IsCountryCode(string value) => value.Length == 2 && value.All(char.IsAsciiLetterUpper);

    /// <summary>An absolute https address with a host: never http, javascript: or data:, since the portal links to it.</summary>
    public static bool IsHttpsUrl(string value) =>
        !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;

    /// <summary>A plain e-mail address (no display name, no spaces).</summary>
    public static bool IsEmail(string value) =>
        value.Length <= EmailLength && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) && value.IndexOf('@', StringComparison.Ordinal) > 0
        && MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>
    /// iCal BYDAY as Baken stores it: day codes (MO … SU) separated by commas, each once, no numbers (monthly
    /// rules such as 1MO are not supported). Returns the value upper-cased without spaces, or null.
    /// </summary>
    public static string? ByDay(string value)
    {
        var codes = value.Split(',', StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).ToList();
        return codes.Count > 0 && codes.All(c => PublicDirectory.Day(c) is not null) && codes.Distinct().Count() == codes.Count
            ? string.Join(',', codes)
            : null;
    }

    /// <summary>Day codes in week order, Monday first (for forms and lists).</summary>
    public static IEnumerable<string> WeekOrder => PublicDirectory.DayCodes.Skip(1).Append(PublicDirectory.DayCodes[0]);

    /// <summary>A time as a form or a file gives it: "HH:mm" or "HH:mm:ss".</summary>
    public static bool TryTime(string value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The HSDS status of a service, as the API writes it.</summary>
    public static ServiceStatus? Status(string value) => value switch
    {
        "active" => ServiceStatus.Active,
        "inactive" => ServiceStatus.Inactive,
        "defunct" => ServiceStatus.Defunct,
        "temporarily closed" => ServiceStatus.TemporarilyClosed,
        _ => null,
    };

    public static LocationType? LocationKind(string value) => value switch
    {
        "physical" => LocationType.Physical,
        "postal" => LocationType.Postal,
        "virtual" => LocationType.Virtual,
        _ => null,
    };

    /// <summary>A place with an address is only whole with street, postal code and city (the API publishes no less).</summary>
    public static bool HasAddress(string? address1, string? postalCode, string? city) =>
        !string.IsNullOrWhiteSpace(address1) && !string.IsNullOrWhiteSpace(postalCode) && !string.IsNullOrWhiteSpace(city);

    /// <summary>
    /// Trimmed text without control characters (other than line breaks and tabs), or null when nothing is left:
    /// optional fields store null rather than "", and PostgreSQL cannot store a NUL character at all.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? new string([.. value.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t')])
            : value;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
