using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory;

/// <summary>Adds an organisation to the directory; its services and places are added from its page.</summary>
public sealed class CreateModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public OrganizationForm Input { get; set; } = new();

    public Task OnGetAsync(CancellationToken cancellationToken) => OrganizationPages.LoadOptionsAsync(db, ViewData, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OrganizationPages.ValidateAsync(db, Input, ModelState, t, cancellationToken))
        {
            await OrganizationPages.LoadOptionsAsync(db, ViewData, cancellationToken);
            return Page();
        }

        var organization = new DirectoryOrganization { Name = string.Empty, Description = string.Empty, LastModifiedUtc = timeProvider.GetUtcNow().UtcDateTime };
        Input.ApplyTo(organization);
        db.Add(organization);
        audit.Record("DirectoryOrganizationCreated", nameof(DirectoryOrganization), organization.Id, $"partnerType={organization.PartnerType}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Edit", new { id = organization.Id, saved = true });
    }
}
