using Microsoft.Extensions.Localization;

namespace Baken.Features.ServiceDirectory.Import;

/// <summary>
/// The checks of an import file against itself and the directory: ids used twice, an id that belongs to another
/// organisation or service in Baken, links to places that exist nowhere, taxonomy codes Baken does not know, and
/// physical places without an address (unless the place is already confidential in Baken).
/// </summary>
internal sealed class HsdsImportChecks(IStringLocalizer t, List<ImportError> errors)
{
    public void Check(ImportedDirectory file, ExistingDirectory existing)
    {
        var services = file.Services.ToList();
        Unique(file.Organizations.Select(o => (o.Id, o.Path)));
        Unique(services.Select(s => (s.Id, s.Path)));
        Unique(file.Organizations.SelectMany(o => o.Phones).Concat(services.SelectMany(s => s.Phones)).Select(p => (p.Id, p.Path)));
        Unique(file.Organizations.SelectMany(o => o.Contacts).Concat(services.SelectMany(s => s.Contacts)).Select(c => (c.Id, c.Path)));
        Unique(services.SelectMany(s => s.Schedules).Select(s => (s.Id, s.Path)));
        Unique(services.SelectMany(s => s.Places).Select(p => (p.Id, p.Path)));
        CheckLocations(file, existing);

        foreach (var organization in file.Organizations)
        {
            foreach (var phone in organization.Phones)
            {
                Owner(phone.Path, existing.Phones.GetValueOrDefault(phone.Id) is { } p && p.OrganizationId != organization.Id);
            }

            foreach (var contact in organization.Contacts)
            {
                Owner(contact.Path, existing.Contacts.GetValueOrDefault(contact.Id) is { } c && c.OrganizationId != organization.Id);
            }
        }

        var locations = file.Locations.Select(l => l.Id).ToHashSet();
        foreach (var service in services)
        {
            CheckService(service, existing, locations);
        }
    }

    private void CheckService(ImportedService service, ExistingDirectory existing, HashSet<Guid> locations)
    {
        Owner(service.Path, existing.Services.GetValueOrDefault(service.Id) is { } s && s.OrganizationId != service.OrganizationId);
        foreach (var phone in service.Phones)
        {
            Owner(phone.Path, existing.Phones.GetValueOrDefault(phone.Id) is { } p && p.ServiceId != service.Id);
        }

        foreach (var contact in service.Contacts)
        {
            Owner(contact.Path, existing.Contacts.GetValueOrDefault(contact.Id) is { } c && c.ServiceId != service.Id);
        }

        foreach (var place in service.Places)
        {
            if (place.LocationId != Guid.Empty && !locations.Contains(place.LocationId) && !existing.Locations.ContainsKey(place.LocationId))
            {
                Error(JsonFields.At(place.Path, "location_id"), t["DirectoryImport_UnknownLocation"]);
            }
        }

        foreach (var twice in service.Places.GroupBy(p => p.LocationId).Where(g => g.Key != Guid.Empty && g.Count() > 1))
        {
            Error(JsonFields.At(twice.Last().Path, "location_id"), t["DirectoryImport_DuplicateLink"]);
        }

        var placeIds = service.Places.Select(p => p.Id).Concat(existing.Places.Where(x => x.ServiceId == service.Id).Select(x => x.Id)).ToHashSet();
        foreach (var schedule in service.Schedules)
        {
            Owner(schedule.Path, existing.Schedules.GetValueOrDefault(schedule.Id) is { } h && h.ServiceId != service.Id);
            if (schedule.PlaceId is { } place && !placeIds.Contains(place))
            {
                Error(JsonFields.At(schedule.Path, "service_at_location_id"), t["DirectoryImport_UnknownPlaceLink"]);
            }
        }

        foreach (var twice in service.Languages.GroupBy(l => l.Code).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            Error(JsonFields.At(twice.Last().Path, "code"), t["DirectoryImport_DuplicateLink"]);
        }

        foreach (var term in service.Terms.Where(x => x.Code.Length > 0 && !existing.TermsByCode.ContainsKey(x.Code)))
        {
            Error(JsonFields.At(JsonFields.At(term.Path, "taxonomy_term"), "code"), t["DirectoryImport_UnknownTerm", JsonFields.Quote(term.Code)]);
        }
    }

    /// <summary>
    /// A place may appear more than once (with an organisation and nested in a link), but then the same each time.
    /// Its organisation must exist, it may not move to another, and a physical or postal place needs an address
    /// unless Baken already keeps it confidential.
    /// </summary>
    private void CheckLocations(ImportedDirectory file, ExistingDirectory existing)
    {
        var organizations = file.Organizations.Select(o => o.Id).ToHashSet();
        var seen = new Dictionary<Guid, ImportedLocation>();
        foreach (var location in file.Locations.Where(l => l.Id != Guid.Empty))
        {
            if (seen.TryGetValue(location.Id, out var first))
            {
                if (first with { Path = string.Empty } != location with { Path = string.Empty })
                {
                    Error(JsonFields.At(location.Path, "id"), t["DirectoryImport_DuplicateId", first.Path]);
                }

                continue;
            }

            seen.Add(location.Id, location);
            var stored = existing.Locations.GetValueOrDefault(location.Id);
            if (stored is not null && stored.OrganizationId != location.OrganizationId)
            {
                Owner(location.Path, true);
            }
            else if (location.OrganizationId != Guid.Empty && !organizations.Contains(location.OrganizationId) && !existing.Organizations.ContainsKey(location.OrganizationId))
            {
                Error(JsonFields.At(location.Path, "organization_id"), t["DirectoryImport_UnknownOrganization"]);
            }

            if (location.Type != LocationType.Virtual && !DirectoryRules.HasAddress(location.Address1, location.PostalCode, location.City) && stored?.IsConfidential != true)
            {
                Error(JsonFields.At(location.Path, "addresses"), t["DirectoryImport_NeedsAddress"]);
            }
        }
    }

    private void Unique(IEnumerable<(Guid Id, string Path)> items)
    {
        var seen = new Dictionary<Guid, string>();
        foreach (var (id, path) in items.Where(i => i.Id != Guid.Empty))
        {
            if (!seen.TryAdd(id, path))
            {
                Error(JsonFields.At(path, "id"), t["DirectoryImport_DuplicateId", seen[id]]);
            }
        }
    }

    /// <summary>An id Baken already has for a row of another organisation or service: an import does not move rows.</summary>
    private void Owner(string path, bool elsewhere)
    {
        if (elsewhere)
        {
            Error(JsonFields.At(path, "id"), t["DirectoryImport_OtherOwner"]);
        }
    }

    private void Error(string path, string message) => errors.Add(new ImportError(path, message));
}
