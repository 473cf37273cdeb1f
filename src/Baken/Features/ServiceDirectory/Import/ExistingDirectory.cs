using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.ServiceDirectory.Import;

/// <summary>
/// The rows of the directory an import file touches, loaded once and tracked, so the checks can compare and the
/// writer can change them in place: by id for most kinds, and for the services in the file also their places,
/// languages and terms (matched by content).
/// </summary>
internal sealed class ExistingDirectory
{
    public required Dictionary<Guid, DirectoryOrganization> Organizations { get; init; }

    public required Dictionary<Guid, DirectoryService> Services { get; init; }

    public required Dictionary<Guid, DirectoryLocation> Locations { get; init; }

    public required Dictionary<Guid, DirectoryPhone> Phones { get; init; }

    public required Dictionary<Guid, DirectoryContact> Contacts { get; init; }

    public required Dictionary<Guid, DirectorySchedule> Schedules { get; init; }

    /// <summary>Links of the file's services to places.</summary>
    public required List<DirectoryServiceAtLocation> Places { get; init; }

    public required List<DirectoryLanguage> Languages { get; init; }

    public required List<ServiceTerm> Terms { get; init; }

    public required Dictionary<string, TaxonomyTerm> TermsByCode { get; init; }

    /// <summary>Ids of place links and languages in the file that are already used by another row (a new row then gets a new id).</summary>
    public required HashSet<Guid> TakenIds { get; init; }

    public static async Task<ExistingDirectory> LoadAsync(BakenDbContext db, ImportedDirectory file, CancellationToken cancellationToken)
    {
        var services = file.Services.ToList();
        var organizationIds = file.Organizations.Select(o => o.Id).Concat(file.Locations.Select(l => l.OrganizationId)).Distinct().ToList();
        var serviceIds = services.Select(s => s.Id).Distinct().ToList();
        var locationIds = file.Locations.Select(l => l.Id).Concat(services.SelectMany(s => s.Places).Select(p => p.LocationId)).Distinct().ToList();
        var phoneIds = file.Organizations.SelectMany(o => o.Phones).Concat(services.SelectMany(s => s.Phones)).Select(p => p.Id).Distinct().ToList();
        var contactIds = file.Organizations.SelectMany(o => o.Contacts).Concat(services.SelectMany(s => s.Contacts)).Select(c => c.Id).Distinct().ToList();
        var scheduleIds = services.SelectMany(s => s.Schedules).Select(s => s.Id).Distinct().ToList();
        var placeIds = services.SelectMany(s => s.Places).Select(p => p.Id).Distinct().ToList();
        var languageIds = services.SelectMany(s => s.Languages).Select(l => l.Id).OfType<Guid>().Distinct().ToList();

        var places = await db.Set<DirectoryServiceAtLocation>().Where(x => serviceIds.Contains(x.ServiceId)).ToListAsync(cancellationToken);
        var languages = await db.Set<DirectoryLanguage>().Where(l => serviceIds.Contains(l.ServiceId)).ToListAsync(cancellationToken);
        var taken = await db.Set<DirectoryServiceAtLocation>().AsNoTracking().Where(x => placeIds.Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken);
        taken.AddRange(await db.Set<DirectoryLanguage>().AsNoTracking().Where(l => languageIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken));
        return new ExistingDirectory
        {
            Organizations = await db.Set<DirectoryOrganization>().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken),
            Services = await db.Set<DirectoryService>().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken),
            Locations = await db.Set<DirectoryLocation>().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken),
            Phones = await db.Set<DirectoryPhone>().Where(p => phoneIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken),
            Contacts = await db.Set<DirectoryContact>().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken),
            Schedules = await db.Set<DirectorySchedule>().Where(s => scheduleIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken),
            Places = places,
            Languages = languages,
            Terms = await db.Set<ServiceTerm>().Where(x => serviceIds.Contains(x.ServiceId)).ToListAsync(cancellationToken),
            TermsByCode = await db.Set<TaxonomyTerm>().AsNoTracking().ToDictionaryAsync(x => x.Code, cancellationToken),
            TakenIds = [.. taken],
        };
    }
}
