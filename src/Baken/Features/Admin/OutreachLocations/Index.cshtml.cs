using Baken.Features.Outreach;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.OutreachLocations;

/// <summary>The managed list of outreach places and platforms: add, retire and restore (never delete: rounds point at them).</summary>
public sealed class IndexModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public LocationKind? Kind { get; set; }

    public IReadOnlyList<OutreachLocation> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Name = Name.Trim();
        if (Name.Length is < 2 or > 100)
        {
            ModelState.AddModelError(nameof(Name), t["Location_NameInvalid"]);
        }
        else if (await db.Set<OutreachLocation>().AnyAsync(l => l.Name == Name, cancellationToken))
        {
            ModelState.AddModelError(nameof(Name), t["Location_NameTaken"]);
        }

        if (Kind is null || !Enum.IsDefined(Kind.Value))
        {
            ModelState.AddModelError(nameof(Kind), t["Location_KindRequired"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var location = new OutreachLocation { Name = Name, Kind = Kind!.Value };
        db.Add(location);
        audit.Record("OutreachLocationAdded", nameof(OutreachLocation), location.Id);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid locationId, bool retire, CancellationToken cancellationToken)
    {
        var location = await db.Set<OutreachLocation>().FirstOrDefaultAsync(l => l.Id == locationId, cancellationToken);
        if (location is null)
        {
            return NotFound();
        }

        location.RetiredAtUtc = retire ? timeProvider.GetUtcNow().UtcDateTime : null;
        audit.Record(retire ? "OutreachLocationRetired" : "OutreachLocationRestored", nameof(OutreachLocation), locationId);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Locations = await db.Set<OutreachLocation>().AsNoTracking().OrderBy(l => l.RetiredAtUtc != null).ThenBy(l => l.Kind).ThenBy(l => l.Name).ToListAsync(cancellationToken);
}
