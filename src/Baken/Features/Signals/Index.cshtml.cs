using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Signals;

/// <summary>
/// The triage queue: the organisation's signals for the Zorgcoordinator and the team lead, one's own (raised or
/// assigned) for everyone else. Overdue signals come first and stand out. Nothing is decrypted here.
/// </summary>
[Authorize(Roles = SignalAccess.Roles)]
public sealed class IndexModel(BakenDbContext db, SignalAccess access, TimeProvider timeProvider) : PageModel
{
    public enum View
    {
        Open = 1,
        Mine = 2,
        Closed = 3,
        All = 4,
    }

    public sealed record Row(
        Guid Id, DateTime RaisedAtUtc, SignalCategory Category, SignalSource Source, SignalUrgency Urgency, DateTime RespondByUtc,
        SignalStatus Status, string? AssignedTo, bool Overdue, bool HandoverPending);

    public View Show { get; private set; }

    public SignalCategory? Category { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public int OverdueCount { get; private set; }

    public bool IsManager => SignalAccess.IsManager(User);

    public async Task OnGetAsync(View show = View.Open, SignalCategory? category = null, int p = 1, CancellationToken cancellationToken = default)
    {
        Show = Enum.IsDefined(show) ? show : View.Open;
        Category = category is { } c && Enum.IsDefined(c) ? c : null;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var userId = User.UserId() ?? Guid.Empty;
        var visible = access.Visible(User);
        var signals = Show switch
        {
            View.Open => visible.Where(s => s.Status != SignalStatus.Closed),
            View.Mine => visible.Where(s => s.Status != SignalStatus.Closed && (s.AssignedToUserId == userId || s.RaisedByUserId == userId)),
            View.Closed => visible.Where(s => s.Status == SignalStatus.Closed),
            _ => visible,
        };
        if (Category is { } only)
        {
            signals = signals.Where(s => s.Category == only);
        }

        OverdueCount = await visible.CountAsync(s => (s.Status == SignalStatus.New || s.Status == SignalStatus.InTriage) && s.RespondByUtc < now, cancellationToken);
        var handovers = db.Set<SignalHandover>();
        var (rows, paging) = await signals.AsNoTracking()
            .OrderByDescending(s => (s.Status == SignalStatus.New || s.Status == SignalStatus.InTriage) && s.RespondByUtc < now)
            .ThenBy(s => s.Status == SignalStatus.Closed)
            .ThenBy(s => s.RespondByUtc)
            .ThenBy(s => s.Id)
            .Select(s => new Row(
                s.Id, s.RaisedAtUtc, s.Category, s.Source, s.Urgency, s.RespondByUtc, s.Status,
                db.Users.Where(u => u.Id == s.AssignedToUserId).Select(u => u.DisplayName).FirstOrDefault(),
                (s.Status == SignalStatus.New || s.Status == SignalStatus.InTriage) && s.RespondByUtc < now,
                handovers.Any(h => h.SignalId == s.Id && h.Decision == HandoverDecision.Pending)))
            .ToPageAsync(p, cancellationToken);
        Rows = rows;
        Paging = paging;
    }
}
