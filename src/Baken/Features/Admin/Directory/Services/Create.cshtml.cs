using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory.Services;

/// <summary>Adds a service to an organisation (the id in the route); places, hours and phones follow on its own page.</summary>
public sealed class CreateModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ServiceForm Input { get; set; } = new();

    public Guid OrganizationId { get; private set; }

    public string OrganizationName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.Languages = ["nl"];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.AddValidationResult(new ServiceForm.Validator(t).Validate(Input)) || !ModelState.IsValid)
        {
            return Page();
        }

        var service = new DirectoryService { OrganizationId = id, Name = string.Empty, LastModifiedUtc = timeProvider.GetUtcNow().UtcDateTime };
        Input.ApplyTo(service);
        db.Add(service);
        await ServicePages.SaveSetsAsync(db, service.Id, Input, cancellationToken);
        audit.Record("DirectoryServiceCreated", nameof(DirectoryService), service.Id, $"organization={id}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Edit", new { id = service.Id, saved = true });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        OrganizationId = id;
        OrganizationName = await db.Set<DirectoryOrganization>().AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        ServicePages.LoadOptions(ViewData, Input.Languages);
        return OrganizationName.Length > 0;
    }
}
