using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Organisations;

public sealed class CreateModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Name = Input.Name.Trim();
        if (!ModelState.AddValidationResult(new OrganisationForm.Validator(t).Validate(Input)))
        {
            return Page();
        }

        if (await db.Organisations.AnyAsync(o => o.Name == Input.Name, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", t["Organisation_NameTaken"]);
            return Page();
        }

        var organisation = new Organisation { Name = Input.Name, Kind = Input.Kind, CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime };
        db.Organisations.Add(organisation);
        audit.Record("OrganisationCreated", nameof(Organisation), organisation.Id, $"kind={Input.Kind}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Index");
    }
}
