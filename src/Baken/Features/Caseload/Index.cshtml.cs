using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Caseload;

/// <summary>
/// The start of a case worker's day: the trajectories they are on the team of, with state, days in state and
/// missing required roles; filterable, sortable and paged. A team lead sees every trajectory of their
/// organisation and the clients waiting in its intake queue without a team. Last contact, next appointment,
/// overdue tasks and the assessment due come from the journal, agenda and plan tables in the same query: this
/// page is a read model over those features, and only reads their dates and counts.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class IndexModel(
    BakenDbContext db,
    TrajectoryAccess trajectoryAccess,
    TrajectoryRecords trajectories,
    Plan.PlanRecords plan,
    ClientRecords clients,
    TimeProvider timeProvider) : PageModel
{
    public sealed record Row(
        Guid TrajectoryId, Guid ClientId, string Code, string? Alias, TrajectoryType Type, TrajectoryState State,
        int DaysInState, IReadOnlyList<TeamRole> MyRoles, IReadOnlyList<TeamRole> MissingRoles, bool TeamIncomplete, bool CanOpen,
        DateTime? LastContactUtc, DateTime? NextAppointmentUtc, int OverdueTasks, DateOnly? AssessmentDue);

    public sealed record QueueRow(Guid ClientId, string Code, string? Alias, DateTime WaitingSinceUtc);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<QueueRow> Queue { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public bool TeamLead { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>"open" (default), "all", or a state name.</summary>
    [BindProperty(SupportsGet = true)]
    public string State { get; set; } = "open";

    [BindProperty(SupportsGet = true)]
    public TrajectoryType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Missing { get; set; }

    /// <summary>"days" (longest in state first, default), "code" or "started".</summary>
    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "days";

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        var userId = User.UserId()!.Value;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var today = DisplayTime.LocalDate(now);
        Today = today;
        TeamLead = User.IsInRole(Roles.Teamleider);
        var members = db.Set<ClientTeamMember>().Where(m => m.ToUtc == null || m.ToUtc > now);
        var openable = trajectoryAccess.Openable(User);

        // Driven from the user's own team memberships, so the page costs the same with ten thousand trajectories as
        // with a million. The ids go as one parameter (EF.Parameter: json_each on SQLite, ANY on PostgreSQL): a case
        // manager is on a few hundred teams over the years, and one parameter per id made SQLite bind them by name
        // one by one in a statement it prepares anew every time.
        var mine = await trajectoryAccess.CurrentTeamTrajectoryIdsAsync(userId, now, cancellationToken);
        // A team lead who is on no team gets the organisation's trajectories alone: without the OR the database can
        // read them in the order of IX_Trajectories_OpenByOrganisation and stop at the page's last row.
        var query = TeamLead && User.OrganisationId() is { } organisationId
            ? mine.Count == 0
                ? db.Set<Trajectory>().Where(t => t.OrganisationId == organisationId)
                : db.Set<Trajectory>().Where(t => t.OrganisationId == organisationId || (EF.Parameter(mine).Contains(t.Id) && openable.Any(o => o.Id == t.Id)))
            : openable.Where(t => EF.Parameter(mine).Contains(t.Id));
        query = State switch
        {
            "all" => query,
            _ when Enum.TryParse<TrajectoryState>(State, out var state) && Enum.IsDefined(state) => query.Where(t => t.State == state),
            _ => query.Where(t => TrajectoryStates.Open.Contains(t.State)),
        };
        if (Type is { } type)
        {
            query = query.Where(t => t.Type == type);
        }

        if (Missing)
        {
            query = query.Where(t => t.TeamIncomplete);
        }

        var sorted = Sort switch
        {
            "code" => query.OrderBy(t => db.Set<Client>().Where(c => c.Id == t.ClientId).Select(c => c.Code).First()).ThenBy(t => t.Id),
            "started" => query.OrderByDescending(t => t.CreatedAtUtc).ThenBy(t => t.Id),

            // The id breaks ties, so every trajectory is on exactly one page even when states changed at the same moment.
            _ => query.OrderBy(t => t.StateChangedAtUtc).ThenBy(t => t.Id),
        };
        // The client's code and alias are looked up per row, not joined: the database then reads them for the page's
        // rows only, after sorting and paging, and counts the trajectories without touching the clients at all (a
        // join made PostgreSQL scan all 100,000 clients for a team lead's list on the national dataset).
        var (page, paging) = await sorted
            .Select(t => new
            {
                Trajectory = t,
                Code = db.Set<Client>().Where(c => c.Id == t.ClientId).Select(c => c.Code).First(),
                Alias = db.Set<Client>().Where(c => c.Id == t.ClientId).Select(c => c.Alias).FirstOrDefault(),
                Roles = members.Where(m => m.TrajectoryId == t.Id && m.Role != null).Select(m => new { m.UserId, m.Role }).ToList(),
                CanOpen = openable.Any(o => o.Id == t.Id),
                LastContact = db.Set<Journal.JournalEntry>()
                    .Where(e => e.TrajectoryId == t.Id && e.Kind != Journal.ContactKind.Note
                        && (e.Visibility == Journal.JournalVisibility.Team || e.AuthorUserId == userId
                            || members.Any(m => m.TrajectoryId == t.Id && m.UserId == userId && m.Role == TeamRole.Casemanager)))
                    .Max(e => (DateTime?)e.OccurredAtUtc),
                NextAppointment = db.Set<Agenda.Appointment>().Where(a => a.TrajectoryId == t.Id && a.CancelledAtUtc == null && a.StartsAtUtc >= now)
                    .Min(a => (DateTime?)a.StartsAtUtc),
                OverdueTasks = db.Set<Agenda.FollowUpTask>().Count(x => x.TrajectoryId == t.Id && x.DoneAtUtc == null && x.DueDate < today),
                LastAssessment = db.Set<Plan.Assessment>().Where(a => a.TrajectoryId == t.Id).Max(a => (DateOnly?)a.AssessedOn),
            })
            .AsNoTracking()
            .ToPageAsync(p, cancellationToken);
        Paging = paging;

        var aliases = await clients.ReadAliasesAsync([.. page.Select(r => (r.Trajectory.ClientId, r.Alias)).DistinctBy(r => r.ClientId)], cancellationToken);
        var rows = new List<Row>();
        foreach (var r in page)
        {
            var roles = r.Roles.Select(m => m.Role!.Value).ToList();
            // Which role is missing can reveal the intake (a missing trafficking coordinator means suspected
            // victimhood): named only to those who may open the file; the others see that the team is incomplete.
            var missing = r.Trajectory.TeamIncomplete && r.Trajectory.IsOpen && r.CanOpen
                ? TeamRules.MissingRequired(r.Trajectory.Type, await trajectories.ReadIntakeAsync(r.Trajectory, cancellationToken), roles)
                : [];
            rows.Add(new Row(
                r.Trajectory.Id, r.Trajectory.ClientId, r.Code, aliases[r.Trajectory.ClientId], r.Trajectory.Type, r.Trajectory.State,
                (int)(now - r.Trajectory.StateChangedAtUtc).TotalDays,
                [.. r.Roles.Where(m => m.UserId == userId).Select(m => m.Role!.Value)], missing, r.Trajectory.TeamIncomplete && r.Trajectory.IsOpen, r.CanOpen,
                r.LastContact, r.NextAppointment, r.OverdueTasks, plan.NextAssessmentDue(r.Trajectory, r.LastAssessment)));
        }

        Rows = rows;
        if (TeamLead && User.OrganisationId() is { } organisation)
        {
            var waiting = await db.Set<Client>().AsNoTracking()
                .Where(c => c.OrganisationId == organisation && c.WaitingSinceUtc != null)
                .OrderBy(c => c.WaitingSinceUtc)
                .ThenBy(c => c.Id)
                .Take(50)
                .Select(c => new { c.Id, c.Code, c.Alias, WaitingSinceUtc = c.WaitingSinceUtc!.Value })
                .ToListAsync(cancellationToken);
            var waitingAliases = await clients.ReadAliasesAsync([.. waiting.Select(c => (c.Id, c.Alias))], cancellationToken);
            Queue = [.. waiting.Select(c => new QueueRow(c.Id, c.Code, waitingAliases[c.Id], c.WaitingSinceUtc))];
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
