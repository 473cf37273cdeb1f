using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.Directory.Services;

/// <summary>Deletes a service after confirmation; refused while referrals point to it (set it inactive instead).</summary>
public sealed class DeleteModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider) : PageModel
{
    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public Guid OrganizationId { get; private set; }

    public int Referrals { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var service = await db.Set<DirectoryService>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }

        await LoadAsync(service, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var service = await db.Set<DirectoryService>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }

        await LoadAsync(service, cancellationToken);
        if (Referrals > 0)
        {
            return Page();
        }

        await DirectoryRemoval.RemoveServiceAsync(db, service, cancellationToken);
        var organization = await db.Set<DirectoryOrganization>().FirstAsync(o => o.Id == service.OrganizationId, cancellationToken);
        organization.LastModifiedUtc = timeProvider.GetUtcNow().UtcDateTime;
        audit.Record("DirectoryServiceDeleted", nameof(DirectoryService), id, $"organization={service.OrganizationId}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Admin/Directory/Edit", new { id = service.OrganizationId, saved = true });
    }

    private async Task LoadAsync(DirectoryService service, CancellationToken cancellationToken)
    {
        Id = service.Id;
        Name = service.Name;
        OrganizationId = service.OrganizationId;
        Referrals = await DirectoryRemoval.ReferralsAsync(db, [service.Id], cancellationToken);
    }
}
