using Baken.Features.Plan;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.LifeDomains;

/// <summary>
/// The managed list of life domains: add, rename (see Edit), retire and restore. A retired domain is no longer
/// offered for new assessments and goals; what was recorded on it stays readable under its name.
/// </summary>
public sealed class IndexModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public LifeDomainForm Input { get; set; } = new();

    public IReadOnlyList<LifeDomain> Domains { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.SortOrder = Domains.Count == 0 ? 1 : Domains.Max(d => d.SortOrder) + 1;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Name = Input.Name.Trim();
        var valid = ModelState.AddValidationResult(new LifeDomainForm.Validator(t).Validate(Input));
        if (valid && await db.Set<LifeDomain>().AnyAsync(d => d.Name == Input.Name, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", t["LifeDomain_NameTaken"]);
            valid = false;
        }

        if (!valid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var domain = new LifeDomain { Name = Input.Name, Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(), SortOrder = Input.SortOrder };
        db.Add(domain);
        audit.Record("LifeDomainAdded", nameof(LifeDomain), domain.Id);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid domainId, bool retire, CancellationToken cancellationToken)
    {
        var domain = await db.Set<LifeDomain>().FirstOrDefaultAsync(d => d.Id == domainId, cancellationToken);
        if (domain is null)
        {
            return NotFound();
        }

        domain.RetiredAtUtc = retire ? timeProvider.GetUtcNow().UtcDateTime : null;
        audit.Record(retire ? "LifeDomainRetired" : "LifeDomainRestored", nameof(LifeDomain), domainId);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Domains = await db.Set<LifeDomain>().AsNoTracking().OrderBy(d => d.RetiredAtUtc != null).ThenBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(cancellationToken);
}
