using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Baken.Features.ServiceDirectory.Import;

/// <summary>
/// Reads an HSDS 3.0 file into <see cref="ImportedDirectory"/>: a list of organizations, the paged list shape
/// (<c>{"contents": [...]}</c>) or one organization, each with nested services, places, hours, phones, contacts,
/// languages and taxonomy terms. Checks everything that needs no database; fields Baken does not keep are skipped.
/// </summary>
internal sealed class HsdsImportReader(IStringLocalizer t)
{
    private static readonly string[] Statuses = ["active", "inactive", "defunct", "temporarily closed"];
    private static readonly string[] LocationTypes = ["physical", "postal", "virtual"];
    private static readonly string[] Frequencies = ["WEEKLY"];

    private readonly JsonFields _f = new(t);

    public List<ImportError> Errors => _f.Errors;

    public ImportedDirectory Read(JsonElement root)
    {
        var file = new ImportedDirectory();
        IEnumerable<(JsonElement Item, string Path)> organizations = root.ValueKind switch
        {
            JsonValueKind.Array => Items(root, "$"),
            JsonValueKind.Object when root.TryGetProperty("contents", out _) => _f.Objects(root, "$", "contents"),
            JsonValueKind.Object => [(root, "$")],
            _ => Refuse(),
        };
        foreach (var (item, path) in organizations)
        {
            ReadOrganization(file, item, path);
        }

        if (file.Organizations.Count == 0 && Errors.Count == 0)
        {
            _f.Error("$", t["DirectoryImport_NoOrganizations"]);
        }

        return file;
    }

    private List<(JsonElement, string)> Refuse()
    {
        _f.Error("$", t["DirectoryImport_Shape"]);
        return [];
    }

    private IEnumerable<(JsonElement, string)> Items(JsonElement array, string path)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            if (item.ValueKind == JsonValueKind.Object)
            {
                yield return (item, at);
            }
            else
            {
                _f.Error(at, t["DirectoryImport_NotObject"]);
            }
        }
    }

    private void ReadOrganization(ImportedDirectory file, JsonElement e, string path)
    {
        var id = _f.Id(e, path, "id");
        var organization = new ImportedOrganization(path, id ?? Guid.Empty,
            _f.Text(e, path, "name", DirectoryRules.NameLength, required: true) ?? string.Empty,
            _f.Text(e, path, "alternate_name", DirectoryRules.NameLength),
            _f.Text(e, path, "description", DirectoryRules.OrganizationDescriptionLength, required: true, multiline: true) ?? string.Empty,
            _f.Email(e, path, "email"),
            _f.Url(e, path, "website"));
        file.Organizations.Add(organization);
        organization.Phones.AddRange(_f.Objects(e, path, "phones").Select(x => ReadPhone(x.Item, x.Path, "organization_id", id)));
        organization.Contacts.AddRange(_f.Objects(e, path, "contacts").Select(x => ReadContact(x.Item, x.Path, "organization_id", id)));
        foreach (var (item, at) in _f.Objects(e, path, "locations"))
        {
            _f.Parent(item, at, "organization_id", id);
            file.Locations.Add(ReadLocation(item, at, id ?? Guid.Empty));
        }

        foreach (var (item, at) in _f.Objects(e, path, "services"))
        {
            organization.Services.Add(ReadService(file, item, at, id));
        }
    }

    private ImportedService ReadService(ImportedDirectory file, JsonElement e, string path, Guid? organizationId)
    {
        _f.Parent(e, path, "organization_id", organizationId);
        var id = _f.Id(e, path, "id");
        var minimum = _f.Whole(e, path, "minimum_age", 0, DirectoryRules.MaximumAge);
        var maximum = _f.Whole(e, path, "maximum_age", 0, DirectoryRules.MaximumAge);
        if (minimum > maximum)
        {
            _f.Error(JsonFields.At(path, "minimum_age"), t["DirectoryImport_AgeRange"]);
        }

        var service = new ImportedService(path, id ?? Guid.Empty, organizationId ?? Guid.Empty,
            _f.Text(e, path, "name", DirectoryRules.NameLength, required: true) ?? string.Empty,
            DirectoryRules.Status(_f.Choice(e, path, "status", Statuses, required: true) ?? string.Empty) ?? ServiceStatus.Active,
            _f.Text(e, path, "alternate_name", DirectoryRules.NameLength),
            _f.Text(e, path, "description", DirectoryRules.ServiceDescriptionLength, multiline: true),
            _f.Url(e, path, "url"),
            _f.Email(e, path, "email"),
            _f.Text(e, path, "interpretation_services", DirectoryRules.ServiceTextLength, multiline: true),
            _f.Text(e, path, "application_process", DirectoryRules.ServiceTextLength, multiline: true),
            _f.Text(e, path, "fees_description", DirectoryRules.ServiceTextLength, multiline: true),
            _f.Text(e, path, "eligibility_description", DirectoryRules.ServiceTextLength, multiline: true),
            minimum, maximum);
        service.Phones.AddRange(_f.Objects(e, path, "phones").Select(x => ReadPhone(x.Item, x.Path, "service_id", id)));
        service.Contacts.AddRange(_f.Objects(e, path, "contacts").Select(x => ReadContact(x.Item, x.Path, "service_id", id)));
        foreach (var (item, at) in _f.Objects(e, path, "service_at_locations"))
        {
            _f.Parent(item, at, "service_id", id);
            var locationId = _f.Id(item, at, "location_id");
            service.Places.Add(new ImportedPlace(at, _f.Id(item, at, "id") ?? Guid.Empty, locationId ?? Guid.Empty,
                _f.Text(item, at, "description", DirectoryRules.LocationDescriptionLength, multiline: true)));
            if (_f.Object(item, at, "location") is { } nested)
            {
                // A place given in full with the link: stored like an organisation's own place, under its organisation.
                var locationAt = JsonFields.At(at, "location");
                var owner = _f.Id(nested, locationAt, "organization_id", required: false) ?? organizationId ?? Guid.Empty;
                var location = ReadLocation(nested, locationAt, owner);
                if (locationId is { } expected && location.Id != Guid.Empty && location.Id != expected)
                {
                    _f.Error(JsonFields.At(locationAt, "id"), t["DirectoryImport_WrongParent"]);
                }

                file.Locations.Add(location);
            }
        }

        service.Schedules.AddRange(_f.Objects(e, path, "schedules").Select(x => ReadSchedule(x.Item, x.Path, id)));
        foreach (var (item, at) in _f.Objects(e, path, "languages"))
        {
            _f.Parent(item, at, "service_id", id);
            var code = _f.Text(item, at, "code", 8, required: true)?.ToLowerInvariant();
            if (code is not null && !DirectoryRules.IsLanguageCode(code))
            {
                _f.Error(JsonFields.At(at, "code"), t["DirectoryImport_LanguageCode"]);
            }

            var name = _f.Text(item, at, "name", DirectoryRules.LanguageNameLength);
            service.Languages.Add(new ImportedLanguage(at, _f.Id(item, at, "id", required: false), code ?? string.Empty, name ?? DirectoryRules.LanguageName(code ?? string.Empty)));
        }

        foreach (var (item, at) in _f.Objects(e, path, "attributes"))
        {
            if (_f.Object(item, at, "taxonomy_term", required: true) is { } term)
            {
                service.Terms.Add(new ImportedTerm(at, _f.Text(term, JsonFields.At(at, "taxonomy_term"), "code", 60, required: true) ?? string.Empty));
            }
        }

        return service;
    }

    private ImportedLocation ReadLocation(JsonElement e, string path, Guid organizationId)
    {
        var id = _f.Id(e, path, "id");
        var type = DirectoryRules.LocationKind(_f.Choice(e, path, "location_type", LocationTypes, required: true) ?? string.Empty);
        var url = _f.Url(e, path, "url");
        if (type == LocationType.Virtual && url is null)
        {
            _f.Error(JsonFields.At(path, "url"), t["DirectoryImport_NeedsUrl"]);
        }

        string? street = null, city = null, postalCode = null, province = null, country = null;
        var addresses = _f.Objects(e, path, "addresses").ToList();
        if (addresses.Count > 1)
        {
            _f.Error(JsonFields.At(path, "addresses"), t["DirectoryImport_OneAddress"]);
        }
        else if (addresses is [var (address, at)])
        {
            street = _f.Text(address, at, "address_1", DirectoryRules.AddressLength, required: true);
            city = _f.Text(address, at, "city", DirectoryRules.CityLength, required: true);
            postalCode = _f.Text(address, at, "postal_code", DirectoryRules.PostalCodeLength, required: true);
            province = _f.Text(address, at, "state_province", DirectoryRules.ProvinceLength);
            country = _f.Text(address, at, "country", 2, required: true);
            if (country is not null && !DirectoryRules.IsCountryCode(country))
            {
                _f.Error(JsonFields.At(at, "country"), t["DirectoryImport_Country"]);
            }
        }

        return new ImportedLocation(path, id ?? Guid.Empty, organizationId, type ?? LocationType.Physical,
            _f.Text(e, path, "name", DirectoryRules.NameLength, required: true) ?? string.Empty,
            _f.Text(e, path, "description", DirectoryRules.LocationDescriptionLength, multiline: true),
            url, street, postalCode, city, province, country ?? "NL");
    }

    private ImportedSchedule ReadSchedule(JsonElement e, string path, Guid? serviceId)
    {
        _f.Parent(e, path, "service_id", serviceId);
        _f.Choice(e, path, "freq", Frequencies);
        var days = _f.Text(e, path, "byday", 40, required: true);
        var byDay = days is null ? null : DirectoryRules.ByDay(days);
        if (days is not null && byDay is null)
        {
            _f.Error(JsonFields.At(path, "byday"), t["DirectoryImport_ByDay", JsonFields.Quote(days)]);
        }

        var opens = _f.Time(e, path, "opens_at");
        var closes = _f.Time(e, path, "closes_at");
        if (opens is not null && opens == closes)
        {
            _f.Error(JsonFields.At(path, "closes_at"), t["DirectoryImport_SameTimes"]);
        }

        var from = _f.Date(e, path, "valid_from");
        var to = _f.Date(e, path, "valid_to");
        if (from > to)
        {
            _f.Error(JsonFields.At(path, "valid_to"), t["DirectoryImport_DatesOrder"]);
        }

        var attending = _f.Text(e, path, "attending_type", 100);
        return new ImportedSchedule(path, _f.Id(e, path, "id") ?? Guid.Empty, _f.Id(e, path, "service_at_location_id", required: false),
            byDay ?? string.Empty, opens ?? default, closes ?? default, from, to, string.Equals(attending, "walk-in", StringComparison.OrdinalIgnoreCase),
            _f.Text(e, path, "description", DirectoryRules.NoteLength, multiline: true));
    }

    private ImportedPhone ReadPhone(JsonElement e, string path, string parentField, Guid? parent)
    {
        _f.Parent(e, path, parentField, parent);
        return new ImportedPhone(path, _f.Id(e, path, "id") ?? Guid.Empty,
            _f.Text(e, path, "number", DirectoryRules.PhoneNumberLength, required: true) ?? string.Empty,
            _f.Choice(e, path, "type", DirectoryRules.PhoneTypes) ?? "voice",
            _f.Text(e, path, "description", DirectoryRules.NoteLength, multiline: true));
    }

    private ImportedContact ReadContact(JsonElement e, string path, string parentField, Guid? parent)
    {
        _f.Parent(e, path, parentField, parent);
        return new ImportedContact(path, _f.Id(e, path, "id") ?? Guid.Empty, _f.Text(e, path, "title", DirectoryRules.NameLength, required: true) ?? string.Empty);
    }
}
