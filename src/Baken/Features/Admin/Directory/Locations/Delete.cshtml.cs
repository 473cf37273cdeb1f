using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.Directory.Locations;

/// <summary>Deletes a place after confirmation; services offered there lose that place, and hours held there go with it.</summary>
public sealed class DeleteModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider) : PageModel
{
    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public Guid OrganizationId { get; private set; }

    public IReadOnlyList<string> Services { get; private set; } = [];

    public int Hours { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var location = await db.Set<DirectoryLocation>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (location is null)
        {
            return NotFound();
        }

        Id = id;
        Name = location.Name;
        OrganizationId = location.OrganizationId;
        var links = db.Set<DirectoryServiceAtLocation>().Where(x => x.LocationId == id);
        Services = await links.Join(db.Set<DirectoryService>(), x => x.ServiceId, s => s.Id, (x, s) => s.Name).OrderBy(n => n).ToListAsync(cancellationToken);
        Hours = await db.Set<DirectorySchedule>().CountAsync(s => s.ServiceAtLocationId != null && links.Select(x => x.Id).Contains(s.ServiceAtLocationId.Value), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var location = await db.Set<DirectoryLocation>().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (location is null)
        {
            return NotFound();
        }

        await DirectoryRemoval.RemoveLocationAsync(db, location, cancellationToken);
        (await db.Set<DirectoryOrganization>().FirstAsync(o => o.Id == location.OrganizationId, cancellationToken)).LastModifiedUtc = timeProvider.GetUtcNow().UtcDateTime;
        audit.Record("DirectoryLocationDeleted", nameof(DirectoryLocation), id, $"organization={location.OrganizationId}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Admin/Directory/Edit", new { id = location.OrganizationId, saved = true });
    }
}
