using Baken.Infrastructure.Data;

namespace Baken.Features.ServiceDirectory.Import;

/// <summary>
/// Applies a checked import file to the tracked directory rows: new ids are added, existing ones updated where a
/// field differs, nothing is deleted. Places, languages and terms of a service are matched by content (which place,
/// which code). A place keeps being confidential when Baken has it so (HSDS has no field for it); a new place is
/// public. Organisation and service get a new last-modified time when they or anything of theirs changed.
/// </summary>
internal sealed class HsdsImportWriter(BakenDbContext db, ExistingDirectory existing, DateTime nowUtc)
{
    private readonly ImportReport _report = new();

    public ImportReport Write(ImportedDirectory file)
    {
        foreach (var organization in file.Organizations)
        {
            WriteOrganization(organization);
        }

        foreach (var location in file.Locations.DistinctBy(l => l.Id))
        {
            if (WriteLocation(location) && existing.Organizations.GetValueOrDefault(location.OrganizationId) is { } owner)
            {
                owner.LastModifiedUtc = nowUtc;
            }
        }

        foreach (var service in file.Services)
        {
            WriteService(service);
        }

        return _report;
    }

    private void WriteOrganization(ImportedOrganization o)
    {
        var row = Find(existing.Organizations, o.Id, () => new DirectoryOrganization { Id = o.Id, Name = o.Name, Description = o.Description });
        var change = Track(ImportKind.Organizations, row.Created, Changed(row.Item, x => (x.Name, x.AlternateName, x.Description, x.Email, x.Website), x =>
        {
            x.Name = o.Name;
            x.AlternateName = o.AlternateName;
            x.Description = o.Description;
            x.Email = o.Email;
            x.Website = o.Website;
        }));
        var children = o.Phones.Select(p => WritePhone(p, organizationId: o.Id, serviceId: null))
            .Concat(o.Contacts.Select(c => WriteContact(c, organizationId: o.Id, serviceId: null))).Count(changed => changed);
        if (change != ImportChange.Unchanged || children > 0)
        {
            row.Item.LastModifiedUtc = nowUtc;
        }

        (change == ImportChange.Created ? _report.CreatedOrganizations : change == ImportChange.Updated ? _report.UpdatedOrganizations : null)?.Add(o.Name);
    }

    private bool WriteLocation(ImportedLocation l)
    {
        var row = Find(existing.Locations, l.Id, () => new DirectoryLocation { Id = l.Id, OrganizationId = l.OrganizationId, Name = l.Name });
        return Track(ImportKind.Locations, row.Created, Changed(row.Item, x => (x.Type, x.Name, x.Description, x.Url, x.Address1, x.PostalCode, x.City, x.Province, x.Country), x =>
        {
            x.Type = l.Type;
            x.Name = l.Name;
            x.Description = l.Description;
            x.Url = l.Url;
            x.Address1 = l.Address1;
            x.PostalCode = l.PostalCode;
            x.City = l.City;
            x.Province = l.Province;
            x.Country = l.Country;
        })) != ImportChange.Unchanged;
    }

    private void WriteService(ImportedService s)
    {
        var row = Find(existing.Services, s.Id, () => new DirectoryService { Id = s.Id, OrganizationId = s.OrganizationId, Name = s.Name });
        var change = Track(ImportKind.Services, row.Created, Changed(row.Item, x => string.Join('\u001f', x.Name, x.Status, x.AlternateName, x.Description, x.Url, x.Email,
            x.InterpretationServices, x.ApplicationProcess, x.FeesDescription, x.EligibilityDescription, x.MinimumAge, x.MaximumAge), x =>
        {
            x.Name = s.Name;
            x.Status = s.Status;
            x.AlternateName = s.AlternateName;
            x.Description = s.Description;
            x.Url = s.Url;
            x.Email = s.Email;
            x.InterpretationServices = s.InterpretationServices;
            x.ApplicationProcess = s.ApplicationProcess;
            x.FeesDescription = s.FeesDescription;
            x.EligibilityDescription = s.EligibilityDescription;
            x.MinimumAge = s.MinimumAge;
            x.MaximumAge = s.MaximumAge;
        }));

        // The file's ids of its place links, mapped to the rows they became (an existing link to the same place keeps its id).
        var places = new Dictionary<Guid, Guid>();
        var children = 0;
        foreach (var place in s.Places)
        {
            var link = existing.Places.FirstOrDefault(x => x.ServiceId == s.Id && x.LocationId == place.LocationId);
            var created = link is null;
            if (link is null)
            {
                link = new DirectoryServiceAtLocation { Id = FreeId(place.Id), ServiceId = s.Id, LocationId = place.LocationId };
                existing.Places.Add(link);
                db.Add(link);
            }

            places[place.Id] = link.Id;
            children += Counted(ImportKind.Places, created, Changed(link, x => x.Description, x => x.Description = place.Description));
        }

        foreach (var h in s.Schedules)
        {
            var schedule = Find(existing.Schedules, h.Id, () => new DirectorySchedule { Id = h.Id, ServiceId = s.Id, ByDay = h.ByDay });
            var at = h.PlaceId is { } p ? places.GetValueOrDefault(p, p) : (Guid?)null;
            children += Counted(ImportKind.Schedules, schedule.Created, Changed(schedule.Item,
                x => (x.ByDay, x.OpensAt, x.ClosesAt, x.ValidFrom, x.ValidTo, x.WalkIn, x.Description, x.ServiceAtLocationId), x =>
                {
                    x.ByDay = h.ByDay;
                    x.OpensAt = h.Opens;
                    x.ClosesAt = h.Closes;
                    x.ValidFrom = h.ValidFrom;
                    x.ValidTo = h.ValidTo;
                    x.WalkIn = h.WalkIn;
                    x.Description = h.Description;
                    x.ServiceAtLocationId = at;
                }));
        }

        children += s.Phones.Select(p => WritePhone(p, organizationId: null, serviceId: s.Id))
            .Concat(s.Contacts.Select(c => WriteContact(c, organizationId: null, serviceId: s.Id))).Count(changed => changed);
        foreach (var language in s.Languages)
        {
            var stored = existing.Languages.FirstOrDefault(l => l.ServiceId == s.Id && l.Code == language.Code);
            var created = stored is null;
            if (stored is null)
            {
                stored = new DirectoryLanguage { Id = FreeId(language.Id), ServiceId = s.Id, Code = language.Code, Name = language.Name };
                existing.Languages.Add(stored);
                db.Add(stored);
            }

            children += Counted(ImportKind.Languages, created, Changed(stored, x => x.Name, x => x.Name = language.Name));
        }

        foreach (var term in s.Terms.Select(x => existing.TermsByCode[x.Code]).DistinctBy(x => x.Id))
        {
            var created = existing.Terms.All(x => x.ServiceId != s.Id || x.TermId != term.Id);
            if (created)
            {
                var link = new ServiceTerm { ServiceId = s.Id, TermId = term.Id };
                existing.Terms.Add(link);
                db.Add(link);
            }

            children += Counted(ImportKind.Terms, created, false);
        }

        if (change != ImportChange.Unchanged || children > 0)
        {
            row.Item.LastModifiedUtc = nowUtc;
        }

        (change == ImportChange.Created ? _report.CreatedServices : change == ImportChange.Updated ? _report.UpdatedServices : null)?.Add(s.Name);
    }

    private bool WritePhone(ImportedPhone p, Guid? organizationId, Guid? serviceId)
    {
        var row = Find(existing.Phones, p.Id, () => new DirectoryPhone { Id = p.Id, OrganizationId = organizationId, ServiceId = serviceId, Number = p.Number });
        return Counted(ImportKind.Phones, row.Created, Changed(row.Item, x => (x.Number, x.Type, x.Description), x =>
        {
            x.Number = p.Number;
            x.Type = p.Type;
            x.Description = p.Description;
        })) > 0;
    }

    /// <summary>Only the title: a name or e-mail address Baken holds for a contact point is left as it is.</summary>
    private bool WriteContact(ImportedContact c, Guid? organizationId, Guid? serviceId)
    {
        var row = Find(existing.Contacts, c.Id, () => new DirectoryContact { Id = c.Id, OrganizationId = organizationId, ServiceId = serviceId });
        return Counted(ImportKind.Contacts, row.Created, Changed(row.Item, x => x.Title, x => x.Title = c.Title)) > 0;
    }

    /// <summary>The stored row with this id, or a new one (added to the context and to the lookup, so a repeat finds it).</summary>
    private (T Item, bool Created) Find<T>(Dictionary<Guid, T> rows, Guid id, Func<T> create)
        where T : class
    {
        if (rows.TryGetValue(id, out var row))
        {
            return (row, false);
        }

        row = create();
        rows.Add(id, row);
        db.Add(row);
        return (row, true);
    }

    /// <summary>The file's id for a new link or language, unless another row already has it.</summary>
    private Guid FreeId(Guid? id) => id is { } wanted && existing.TakenIds.Add(wanted) ? wanted : Guid.CreateVersion7();

    private static bool Changed<T, TValue>(T row, Func<T, TValue> snapshot, Action<T> apply)
    {
        var before = snapshot(row);
        apply(row);
        return !EqualityComparer<TValue>.Default.Equals(before, snapshot(row));
    }

    private ImportChange Track(ImportKind kind, bool created, bool changed)
    {
        var change = created ? ImportChange.Created : changed ? ImportChange.Updated : ImportChange.Unchanged;
        _report.Count(kind, change);
        return change;
    }

    private int Counted(ImportKind kind, bool created, bool changed) => Track(kind, created, changed) == ImportChange.Unchanged ? 0 : 1;
}
