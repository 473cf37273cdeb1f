using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory;

/// <summary>
/// An organisation of the directory: its fields, and the overview of its services and places. The example flag
/// of the demo network is shown, not edited: example entries stay recognisable as such.
/// </summary>
public sealed class EditModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record ServiceRow(Guid Id, string Name, ServiceStatus Status);

    public sealed record LocationRow(Guid Id, string Name, LocationType Type, bool IsConfidential, string? City);

    [BindProperty]
    public OrganizationForm Input { get; set; } = new();

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public bool IsExample { get; private set; }

    public bool Saved { get; private set; }

    public IReadOnlyList<ServiceRow> Services { get; private set; } = [];

    public IReadOnlyList<LocationRow> Locations { get; private set; } = [];

    public int ContactPoints { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved = false, CancellationToken cancellationToken = default)
    {
        var organization = await db.Set<DirectoryOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return NotFound();
        }

        Input = OrganizationForm.From(organization);
        Saved = saved;
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

        if (!await OrganizationPages.ValidateAsync(db, Input, ModelState, t, cancellationToken))
        {
            await LoadAsync(organization, cancellationToken);
            return Page();
        }

        if (Input.ApplyTo(organization))
        {
            organization.LastModifiedUtc = timeProvider.GetUtcNow().UtcDateTime;
            audit.Record("DirectoryOrganizationChanged", nameof(DirectoryOrganization), id, $"partnerType={organization.PartnerType}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage("Edit", new { id, saved = true });
    }

    private async Task LoadAsync(DirectoryOrganization organization, CancellationToken cancellationToken)
    {
        Id = organization.Id;
        Name = organization.Name;
        IsExample = organization.IsExample;
        Services = await db.Set<DirectoryService>().AsNoTracking().Where(s => s.OrganizationId == Id).OrderBy(s => s.Name)
            .Select(s => new ServiceRow(s.Id, s.Name, s.Status)).ToListAsync(cancellationToken);
        Locations = await db.Set<DirectoryLocation>().AsNoTracking().Where(l => l.OrganizationId == Id).OrderBy(l => l.Name)
            .Select(l => new LocationRow(l.Id, l.Name, l.Type, l.IsConfidential, l.City)).ToListAsync(cancellationToken);
        ContactPoints = await db.Set<DirectoryPhone>().CountAsync(p => p.OrganizationId == Id, cancellationToken)
            + await db.Set<DirectoryContact>().CountAsync(c => c.OrganizationId == Id, cancellationToken);
        await OrganizationPages.LoadOptionsAsync(db, ViewData, cancellationToken);
    }
}
