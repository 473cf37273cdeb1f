using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Organisations;

public sealed class EditModel(BakenDbContext db, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new OrganisationForm { Name = o.Name, Kind = o.Kind })
            .FirstOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }

        Input = organisation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }

        Input.Name = Input.Name.Trim();
        if (!ModelState.AddValidationResult(new OrganisationForm.Validator(t).Validate(Input)))
        {
            return Page();
        }

        if (await db.Organisations.AnyAsync(o => o.Name == Input.Name && o.Id != id, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", t["Organisation_NameTaken"]);
            return Page();
        }

        var changed = new List<string>();
        if (organisation.Name != Input.Name)
        {
            changed.Add("name");
        }

        if (organisation.Kind != Input.Kind)
        {
            changed.Add($"kind={Input.Kind}");
        }

        organisation.Name = Input.Name;
        organisation.Kind = Input.Kind;
        if (changed.Count > 0)
        {
            audit.Record("OrganisationChanged", nameof(Organisation), id, string.Join(';', changed));
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Index");
    }
}
