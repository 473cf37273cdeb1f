using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.Directory;

/// <summary>
/// Deletes an organisation with its services and places, after confirmation; refused while referrals point to
/// one of its services (set those services inactive instead, so the referrals keep their recipient).
/// </summary>
public sealed class DeleteModel(BakenDbContext db, AuditLog audit) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public Guid Id { get; private set; }

    public int Services { get; private set; }

    public int Locations { get; private set; }

    public int Referrals { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await db.Set<DirectoryOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return NotFound();
        }

        await LoadAsync(organization, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await db.Set<DirectoryOrganization>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return NotFound();
        }

        await LoadAsync(organization, cancellationToken);
        if (Referrals > 0)
        {
            return Page();
        }

        await DirectoryRemoval.RemoveOrganizationAsync(db, organization, cancellationToken);
        audit.Record("DirectoryOrganizationDeleted", nameof(DirectoryOrganization), id, $"services={Services};locations={Locations}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Index", new { deleted = true });
    }

    private async Task LoadAsync(DirectoryOrganization organization, CancellationToken cancellationToken)
    {
        Id = organization.Id;
        Name = organization.Name;
        var services = await db.Set<DirectoryService>().AsNoTracking().Where(s => s.OrganizationId == Id).Select(s => s.Id).ToListAsync(cancellationToken);
        Services = services.Count;
        Locations = await db.Set<DirectoryLocation>().CountAsync(l => l.OrganizationId == Id, cancellationToken);
        Referrals = await DirectoryRemoval.ReferralsAsync(db, services, cancellationToken);
    }
}
