using Baken.Features.Admin;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Home;

/// <summary>
/// The start page: what a role sees first. Case workers see how many of their trajectories need attention
/// (counts only, no names); policy officers and referrers get no client-level entry points.
/// </summary>
public sealed class IndexModel(BakenDbContext db, TrajectoryAccess trajectories, Signals.SignalAccess signals, TimeProvider timeProvider) : PageModel
{
    public sealed record SignalCounts(int Open, int Overdue, int AwaitingMyApproval);

    /// <summary>For the Zorgcoordinator and the team lead: the signal queue at a glance.</summary>
    public SignalCounts? Signals { get; private set; }

    public sealed record Attention(int Open, int TeamIncomplete, int OverdueTasks);

    /// <summary>For case workers: their open trajectories, those lacking a required role, and their overdue tasks.</summary>
    public Attention? Caseload { get; private set; }

    public bool IsAdmin { get; private set; }

    public bool DoesCaseWork { get; private set; }

    public bool IsOutreach { get; private set; }

    public bool IsEducator { get; private set; }

    public bool IsPolicy { get; private set; }

    public bool IsReferrer { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsAdmin = User.IsInRole(Roles.Beheerder);
        DoesCaseWork = Roles.CaseWork.Any(User.IsInRole);
        IsOutreach = User.IsInRole(Roles.Veldwerker);
        IsEducator = User.IsInRole(Roles.Voorlichter);
        IsPolicy = User.IsInRole(Roles.Beleidsmedewerker);
        IsReferrer = User.IsInRole(Roles.Verwijzer);
        if (Features.Signals.SignalAccess.IsManager(User) && User.UserId() is { } managerId)
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var open = signals.Visible(User).Where(s => s.Status != Features.Signals.SignalStatus.Closed);
            Signals = new SignalCounts(
                await open.CountAsync(cancellationToken),
                await open.CountAsync(s => (s.Status == Features.Signals.SignalStatus.New || s.Status == Features.Signals.SignalStatus.InTriage) && s.RespondByUtc < now, cancellationToken),
                await db.Set<Features.Signals.SignalHandover>().CountAsync(
                    h => h.Decision == Features.Signals.HandoverDecision.Pending && h.RequestedByUserId != managerId && open.Any(s => s.Id == h.SignalId), cancellationToken));
        }

        if (DoesCaseWork && User.UserId() is { } userId)
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var today = DisplayTime.LocalDate(now);
            var memberOf = await trajectories.CurrentTeamTrajectoryIdsAsync(userId, now, cancellationToken);
            var mine = trajectories.Openable(User).Where(t => EF.Parameter(memberOf).Contains(t.Id) && TrajectoryStates.Open.Contains(t.State));
            Caseload = new Attention(
                await mine.CountAsync(cancellationToken),
                await mine.CountAsync(t => t.TeamIncomplete, cancellationToken),
                await db.Set<Agenda.FollowUpTask>().CountAsync(x => x.OwnerUserId == userId && x.DoneAtUtc == null && x.DueDate < today, cancellationToken));
        }
    }
}
