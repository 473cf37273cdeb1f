using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Outreach;

/// <summary>Outreach rounds: start a new one in two taps (where, online or offline), and the list of earlier rounds.</summary>
[Authorize(Roles = OutreachAccess.Roles)]
public sealed class IndexModel(BakenDbContext db, OutreachAccess access, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(Guid Id, DateTime StartedAtUtc, DateTime? EndedAtUtc, string Location, OutreachMode Mode, int Contacts, bool Mine);

    [BindProperty]
    public Guid? LocationId { get; set; }

    public IReadOnlyList<OutreachLocation> Locations { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public bool CanStart => User.IsInRole(Admin.Roles.Veldwerker);

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default) => await LoadAsync(p, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(1, cancellationToken);
        if (!CanStart)
        {
            return NotFound();
        }

        var location = Locations.FirstOrDefault(l => l.Id == LocationId);
        if (location is null)
        {
            ModelState.AddModelError(nameof(LocationId), t["Outreach_LocationRequired"]);
            return Page();
        }

        var session = new OutreachSession
        {
            OrganisationId = User.OrganisationId()!.Value,
            Mode = location.Mode,
            LocationId = location.Id,
            StartedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            CreatedByUserId = User.UserId()!.Value,
        };
        db.Add(session);
        db.Add(new OutreachWorker { SessionId = session.Id, UserId = session.CreatedByUserId });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/Outreach/{session.Id}");
    }

    private async Task LoadAsync(int p, CancellationToken cancellationToken)
    {
        Locations = await db.Set<OutreachLocation>().AsNoTracking().Where(l => l.RetiredAtUtc == null).OrderBy(l => l.Kind).ThenBy(l => l.Name).ToListAsync(cancellationToken);
        var userId = User.UserId() ?? Guid.Empty;
        var (page, paging) = await access.Visible(User).AsNoTracking()
            .OrderByDescending(s => s.StartedAtUtc)
            .Select(s => new Row(
                s.Id, s.StartedAtUtc, s.EndedAtUtc,
                db.Set<OutreachLocation>().Where(l => l.Id == s.LocationId).Select(l => l.Name).First(),
                s.Mode,
                db.Set<OutreachContact>().Count(c => c.SessionId == s.Id),
                db.Set<OutreachWorker>().Any(w => w.SessionId == s.Id && w.UserId == userId)))
            .ToPageAsync(p, cancellationToken);
        Rows = page;
        Paging = paging;
    }
}
