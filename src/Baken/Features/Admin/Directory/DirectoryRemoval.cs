using Baken.Features.Referrals;
using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.Directory;

/// <summary>
/// Deleting from the directory. A service that referrals point to cannot go (the referral keeps saying where the
/// client was sent): such a service is set inactive instead. Links of services to a place are removed explicitly
/// (the database refuses to drop a place that is still linked), and translations go with their entry.
/// </summary>
public static class DirectoryRemoval
{
    /// <summary>How many referrals point to any of these services (a count only: no client data is read).</summary>
    public static Task<int> ReferralsAsync(BakenDbContext db, IReadOnlyCollection<Guid> serviceIds, CancellationToken cancellationToken) =>
        db.Set<Referral>().CountAsync(r => serviceIds.Contains(r.ServiceId), cancellationToken);

    /// <summary>Marks an organisation with all its services, places and their links and translations for deletion.</summary>
    public static async Task RemoveOrganizationAsync(BakenDbContext db, DirectoryOrganization organization, CancellationToken cancellationToken)
    {
        var services = await db.Set<DirectoryService>().Where(s => s.OrganizationId == organization.Id).ToListAsync(cancellationToken);
        var locations = await db.Set<DirectoryLocation>().Where(l => l.OrganizationId == organization.Id).ToListAsync(cancellationToken);
        var serviceIds = services.Select(s => s.Id).ToList();
        var locationIds = locations.Select(l => l.Id).ToList();
        await RemoveLinksAsync(db, serviceIds, locationIds, cancellationToken);
        await RemoveTranslationsAsync(db, [organization.Id, .. serviceIds, .. locationIds], cancellationToken);
        db.RemoveRange(services);
        db.RemoveRange(locations);
        db.Remove(organization);
    }

    public static async Task RemoveServiceAsync(BakenDbContext db, DirectoryService service, CancellationToken cancellationToken)
    {
        await RemoveLinksAsync(db, [service.Id], [], cancellationToken);
        await RemoveTranslationsAsync(db, [service.Id], cancellationToken);
        db.Remove(service);
    }

    public static async Task RemoveLocationAsync(BakenDbContext db, DirectoryLocation location, CancellationToken cancellationToken)
    {
        await RemoveLinksAsync(db, [], [location.Id], cancellationToken);
        await RemoveTranslationsAsync(db, [location.Id], cancellationToken);
        db.Remove(location);
    }

    /// <summary>Links of these services, and links to these places (hours held there go with them, by cascade).</summary>
    private static async Task RemoveLinksAsync(BakenDbContext db, List<Guid> serviceIds, List<Guid> locationIds, CancellationToken cancellationToken) =>
        db.RemoveRange(await db.Set<DirectoryServiceAtLocation>()
            .Where(x => serviceIds.Contains(x.ServiceId) || locationIds.Contains(x.LocationId)).ToListAsync(cancellationToken));

    private static async Task RemoveTranslationsAsync(BakenDbContext db, List<Guid> entityIds, CancellationToken cancellationToken) =>
        db.RemoveRange(await db.Set<DirectoryTranslation>().Where(x => entityIds.Contains(x.EntityId)).ToListAsync(cancellationToken));
}
