using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory.Locations;

/// <summary>Adds a place to an organisation (the id in the route).</summary>
public sealed class CreateModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public LocationForm Input { get; set; } = new();

    public Guid OrganizationId { get; private set; }

    public string OrganizationName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.AddValidationResult(new LocationForm.Validator(t).Validate(Input)) || !ModelState.IsValid)
        {
            return Page();
        }

        var location = new DirectoryLocation { OrganizationId = id, Name = string.Empty };
        Input.ApplyTo(location);
        db.Add(location);
        (await db.Set<DirectoryOrganization>().FirstAsync(o => o.Id == id, cancellationToken)).LastModifiedUtc = timeProvider.GetUtcNow().UtcDateTime;
        audit.Record("DirectoryLocationCreated", nameof(DirectoryLocation), location.Id, $"organization={id};confidential={location.IsConfidential}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Admin/Directory/Edit", new { id, saved = true });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        OrganizationId = id;
        OrganizationName = await db.Set<DirectoryOrganization>().AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        return OrganizationName.Length > 0;
    }
}
