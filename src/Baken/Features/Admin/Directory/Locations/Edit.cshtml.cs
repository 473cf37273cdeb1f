using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory.Locations;

/// <summary>Changes a place, including whether its address is confidential (then never published, not even in the API).</summary>
public sealed class EditModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public LocationForm Input { get; set; } = new();

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public Guid OrganizationId { get; private set; }

    public string OrganizationName { get; private set; } = string.Empty;

    public IReadOnlyList<string> Services { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved = false, CancellationToken cancellationToken = default)
    {
        var location = await db.Set<DirectoryLocation>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (location is null)
        {
            return NotFound();
        }

        Input = LocationForm.From(location);
        Saved = saved;
        await LoadAsync(location, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var location = await db.Set<DirectoryLocation>().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (location is null)
        {
            return NotFound();
        }

        await LoadAsync(location, cancellationToken);
        if (!ModelState.AddValidationResult(new LocationForm.Validator(t).Validate(Input)) || !ModelState.IsValid)
        {
            return Page();
        }

        if (Input.ApplyTo(location))
        {
            (await db.Set<DirectoryOrganization>().FirstAsync(o => o.Id == location.OrganizationId, cancellationToken)).LastModifiedUtc = timeProvider.GetUtcNow().UtcDateTime;
            audit.Record("DirectoryLocationChanged", nameof(DirectoryLocation), id, $"confidential={location.IsConfidential}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage("Edit", new { id, saved = true });
    }

    private async Task LoadAsync(DirectoryLocation location, CancellationToken cancellationToken)
    {
        Id = location.Id;
        Name = location.Name;
        OrganizationId = location.OrganizationId;
        OrganizationName = await db.Set<DirectoryOrganization>().AsNoTracking().Where(o => o.Id == location.OrganizationId).Select(o => o.Name).FirstAsync(cancellationToken);
        Services = await db.Set<DirectoryServiceAtLocation>().AsNoTracking().Where(x => x.LocationId == location.Id)
            .Join(db.Set<DirectoryService>(), x => x.ServiceId, s => s.Id, (x, s) => s.Name).OrderBy(n => n).ToListAsync(cancellationToken);
    }
}
