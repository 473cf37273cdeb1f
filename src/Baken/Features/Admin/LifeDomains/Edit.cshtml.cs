using Baken.Features.Plan;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.LifeDomains;

/// <summary>Renames a life domain or changes its description and place in the list; audited.</summary>
public sealed class EditModel(BakenDbContext db, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public LifeDomainForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var domain = await db.Set<LifeDomain>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (domain is null)
        {
            return NotFound();
        }

        Input = new LifeDomainForm { Name = domain.Name, Description = domain.Description ?? string.Empty, SortOrder = domain.SortOrder };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var domain = await db.Set<LifeDomain>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (domain is null)
        {
            return NotFound();
        }

        Input.Name = Input.Name.Trim();
        var valid = ModelState.AddValidationResult(new LifeDomainForm.Validator(t).Validate(Input));
        if (valid && await db.Set<LifeDomain>().AnyAsync(d => d.Name == Input.Name && d.Id != id, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", t["LifeDomain_NameTaken"]);
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        audit.Record("LifeDomainChanged", nameof(LifeDomain), id, domain.Name == Input.Name ? null : "renamed");
        domain.Name = Input.Name;
        domain.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        domain.SortOrder = Input.SortOrder;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Index");
    }
}
