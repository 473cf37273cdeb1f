using System.Globalization;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.ServiceDirectory.Hsds;

/// <summary>
/// Reads the directory as HSDS 3.0. Only public data leaves here: confidential locations (a shelter) are left out
/// everywhere, with their addresses, and so are the services' links to them.
/// </summary>
public sealed class HsdsQueries(BakenDbContext db, TimeProvider timeProvider)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public async Task<HsdsPage<HsdsService>> ServicesAsync(int page, int perPage, string? search, Guid? organizationId, Guid? termId, CancellationToken cancellationToken)
    {
        var services = db.Set<DirectoryService>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            services = services.Where(s => s.Name.ToLower().Contains(term) || (s.Description != null && s.Description.ToLower().Contains(term)));
        }

        if (organizationId is { } organization)
        {
            services = services.Where(s => s.OrganizationId == organization);
        }

        if (termId is { } t)
        {
            services = services.Where(s => db.Set<ServiceTerm>().Any(x => x.ServiceId == s.Id && x.TermId == t));
        }

        var total = await services.CountAsync(cancellationToken);
        var rows = Beyond(page, perPage, total) ? []
            : await services.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(cancellationToken);
        return Page(page, perPage, total, [.. rows.Select(s => Service(s))]);
    }

    public async Task<HsdsPage<HsdsOrganization>> OrganizationsAsync(int page, int perPage, string? search, CancellationToken cancellationToken)
    {
        var organizations = db.Set<DirectoryOrganization>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            organizations = organizations.Where(o => o.Name.ToLower().Contains(term) || o.Description.ToLower().Contains(term));
        }

        var total = await organizations.CountAsync(cancellationToken);
        var rows = Beyond(page, perPage, total) ? []
            : await organizations.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(cancellationToken);
        return Page(page, perPage, total, [.. rows.Select(o => Organization(o))]);
    }

    /// <summary>One service, fully nested (organization, phones, schedules, public locations, languages, contacts, terms).</summary>
    public async Task<HsdsService?> ServiceAsync(Guid id, CancellationToken cancellationToken)
    {
        var service = await db.Set<DirectoryService>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null)
        {
            return null;
        }

        var organization = await db.Set<DirectoryOrganization>().AsNoTracking().FirstAsync(o => o.Id == service.OrganizationId, cancellationToken);
        var phones = await db.Set<DirectoryPhone>().AsNoTracking().Where(p => p.ServiceId == id).OrderBy(p => p.Number).ToListAsync(cancellationToken);
        var places = await db.Set<DirectoryServiceAtLocation>().AsNoTracking().Where(x => x.ServiceId == id)
            .Join(db.PublicLocations(), x => x.LocationId, l => l.Id, (x, l) => new { At = x, Location = l })
            .OrderBy(x => x.Location.Name).ToListAsync(cancellationToken);
        var publicPlaces = places.Select(p => p.At.Id).ToHashSet();
        var schedules = (await db.Set<DirectorySchedule>().AsNoTracking().Where(s => s.ServiceId == id).ToListAsync(cancellationToken))
            .Where(s => s.ServiceAtLocationId is null || publicPlaces.Contains(s.ServiceAtLocationId.Value))
            .OrderBy(s => s.OpensAt).ToList();
        var languages = await db.Set<DirectoryLanguage>().AsNoTracking().Where(l => l.ServiceId == id).OrderBy(l => l.Code).ToListAsync(cancellationToken);
        var contacts = await db.Set<DirectoryContact>().AsNoTracking().Where(c => c.ServiceId == id).ToListAsync(cancellationToken);
        var terms = await db.Set<ServiceTerm>().AsNoTracking().Where(t => t.ServiceId == id)
            .Join(db.Set<TaxonomyTerm>(), x => x.TermId, t => t.Id, (x, t) => new { Link = x, Term = t }).OrderBy(x => x.Term.Code).ToListAsync(cancellationToken);
        return Service(service) with
        {
            Organization = Organization(organization),
            Phones = [.. phones.Select(Phone)],
            Schedules = [.. schedules.Select(Schedule)],
            ServiceAtLocations = [.. places.Select(p => new HsdsServiceAtLocation(Str(p.At.Id), Str(id), Str(p.Location.Id), Location(p.Location), p.At.Description))],
            Languages = [.. languages.Select(l => new HsdsLanguage(Str(l.Id), Str(id), l.Name, l.Code))],
            Contacts = [.. contacts.Select(Contact)],
            Attributes = [.. terms.Select(x => new HsdsTermLink(Str(x.Link.Id), Str(id), Str(x.Term.Id), x.Term.Kind == TaxonomyKind.Topic ? "topic" : "audience", "service", Term(x.Term)))],
        };
    }

    /// <summary>One organization with its phones, public locations and contacts.</summary>
    public async Task<HsdsOrganization?> OrganizationAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await db.Set<DirectoryOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return null;
        }

        var phones = await db.Set<DirectoryPhone>().AsNoTracking().Where(p => p.OrganizationId == id).OrderBy(p => p.Number).ToListAsync(cancellationToken);
        var locations = await db.PublicLocations().AsNoTracking().Where(l => l.OrganizationId == id).OrderBy(l => l.Name).ToListAsync(cancellationToken);
        var contacts = await db.Set<DirectoryContact>().AsNoTracking().Where(c => c.OrganizationId == id).ToListAsync(cancellationToken);
        var services = await db.Set<DirectoryService>().AsNoTracking().Where(s => s.OrganizationId == id).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return Organization(organization) with
        {
            Services = [.. services.Select(s => Service(s))],
            Phones = [.. phones.Select(Phone)],
            Locations = [.. locations.Select(Location)],
            Contacts = [.. contacts.Select(Contact)],
        };
    }

    /// <summary>A page past the last one is empty without a query (and without overflowing the offset).</summary>
    private static bool Beyond(int page, int perPage, int total) => (long)(page - 1) * perPage >= total;

    private static HsdsPage<T> Page<T>(int page, int perPage, int total, IReadOnlyList<T> contents)
    {
        var pages = Math.Max(1, (total + perPage - 1) / perPage);
        return new HsdsPage<T>(total, pages, page, contents.Count, page == 1, page >= pages, total == 0, contents);
    }

    private static string Str(Guid id) => id.ToString();

    private static HsdsOrganization Organization(DirectoryOrganization o) =>
        new(Str(o.Id), o.Name, o.Description, o.AlternateName, o.Email, o.Website);

    private static HsdsService Service(DirectoryService s) =>
        new(Str(s.Id), Str(s.OrganizationId), s.Name, Status(s.Status), DateTime.SpecifyKind(s.LastModifiedUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            s.AlternateName, s.Description, s.Url, s.Email, s.InterpretationServices, s.ApplicationProcess, s.FeesDescription, s.EligibilityDescription, s.MinimumAge, s.MaximumAge);

    public static string Status(ServiceStatus status) => status switch
    {
        ServiceStatus.Inactive => "inactive",
        ServiceStatus.Defunct => "defunct",
        ServiceStatus.TemporarilyClosed => "temporarily closed",
        _ => "active",
    };

    private static HsdsLocation Location(DirectoryLocation l)
    {
        var type = l.Type switch { LocationType.Virtual => "virtual", LocationType.Postal => "postal", _ => "physical" };
        HsdsAddress[]? addresses = l.Address1 is { } street && l.City is { } city && l.PostalCode is { } postalCode
            ? [new HsdsAddress(Str(AddressId(l.Id)), Str(l.Id), street, city, l.Province ?? string.Empty, postalCode, l.Country, type == "virtual" ? "physical" : type)]
            : null;
        return new HsdsLocation(Str(l.Id), type, Str(l.OrganizationId), l.Name, l.Description, l.Url, addresses);
    }

    /// <summary>An address is stored with its location; its own stable id is the location's with the last byte flipped.</summary>
    private static Guid AddressId(Guid locationId)
    {
        var bytes = locationId.ToByteArray();
        bytes[15] ^= 0xFF;
        return new Guid(bytes);
    }

    /// <summary>
    /// Times are local (Europe/Amsterdam); HSDS reads times without a zone as UTC, so each carries today's offset,
    /// and the notes name the zone (the offset changes with summer time).
    /// </summary>
    private HsdsSchedule Schedule(DirectorySchedule s) =>
        new(Str(s.Id), Str(s.ServiceId), "WEEKLY", s.ByDay, Local(s.OpensAt), Local(s.ClosesAt),
            s.ServiceAtLocationId is { } at ? Str(at) : null,
            s.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            s.Description, s.WalkIn ? "walk-in" : null, Offset.TotalHours, "Times are local time in Europe/Amsterdam.");

    private TimeSpan Offset => Baken.Infrastructure.Web.DisplayTime.Zone.GetUtcOffset(timeProvider.GetUtcNow());

    private string Local(TimeOnly time) =>
        time.ToString("HH:mm", CultureInfo.InvariantCulture) + (Offset < TimeSpan.Zero ? "-" : "+") + Offset.ToString("hh\\:mm", CultureInfo.InvariantCulture);

    private static HsdsPhone Phone(DirectoryPhone p) =>
        new(Str(p.Id), p.Number, p.Type, p.OrganizationId is { } o ? Str(o) : null, p.ServiceId is { } s ? Str(s) : null, p.Description);

    /// <summary>A contact point by its function only: a staff member's name and address are not published.</summary>
    private static HsdsContact Contact(DirectoryContact c) =>
        new(Str(c.Id), c.OrganizationId is { } o ? Str(o) : null, c.ServiceId is { } s ? Str(s) : null, Title: c.Title);

    private static HsdsTaxonomyTerm Term(TaxonomyTerm t) =>
        new(Str(t.Id), t.Code, t.Name, t.Description, t.Kind == TaxonomyKind.Topic ? "baken-topics" : "baken-target-groups");
}
