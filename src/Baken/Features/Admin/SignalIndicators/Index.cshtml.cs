using Baken.Features.Signals;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.SignalIndicators;

/// <summary>The managed list of signal indicators: add, retire and restore (never delete: signals point at them).</summary>
public sealed class IndexModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<SignalIndicator> Indicators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim() ?? string.Empty;
        if (name.Length is < 2 or > 150)
        {
            ModelState.AddModelError(nameof(Name), t["Indicator_NameInvalid"]);
        }
        else if (await db.Set<SignalIndicator>().AnyAsync(i => i.Name == name, cancellationToken))
        {
            ModelState.AddModelError(nameof(Name), t["Indicator_NameTaken"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var indicator = new SignalIndicator { Name = name };
        db.Add(indicator);
        audit.Record("SignalIndicatorAdded", nameof(SignalIndicator), indicator.Id);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid indicatorId, bool retire, CancellationToken cancellationToken)
    {
        var indicator = await db.Set<SignalIndicator>().FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        indicator.RetiredAtUtc = retire ? timeProvider.GetUtcNow().UtcDateTime : null;
        audit.Record(retire ? "SignalIndicatorRetired" : "SignalIndicatorRestored", nameof(SignalIndicator), indicatorId);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Indicators = await db.Set<SignalIndicator>().AsNoTracking().OrderBy(i => i.RetiredAtUtc != null).ThenBy(i => i.Name).ToListAsync(cancellationToken);
}
