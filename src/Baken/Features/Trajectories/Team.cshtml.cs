using Baken.Features.Clients;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Trajectories;

/// <summary>
/// The care team of a trajectory by role: which roles the intake asks for, who fills them, adding a colleague of
/// any partner organisation, and ending a membership (which ends their access to the file at once). The
/// history of earlier members stays visible.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class TeamModel(
    BakenDbContext db,
    TrajectoryAccess access,
    TrajectoryRecords records,
    ProcessingLogWriter processingLog,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record MemberRow(Guid Id, string Name, string Organisation, TeamRole? Role, DateTime FromUtc, DateTime? ToUtc);

    public sealed record ProposalRow(TeamRole Role, bool Required, bool Filled);

    /// <summary>The colleague and the role, posted as <c>userId|Role</c> from one list of candidates.</summary>
    [BindProperty]
    public string? Candidate { get; set; }

    public Guid TrajectoryId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public bool Open { get; private set; }

    /// <summary>Only the case manager and the organisation's team lead change the team (see <see cref="TrajectoryRecords.MayManageTeamAsync"/>).</summary>
    public bool MayManage { get; private set; }

    public IReadOnlyList<MemberRow> Current { get; private set; } = [];

    public IReadOnlyList<MemberRow> Former { get; private set; } = [];

    public IReadOnlyList<ProposalRow> Proposals { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        processingLog.Record(ProcessingActivities.CaseManagement, "TrajectoryTeamViewed", found.Client.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (trajectory, client) = found;
        string? refusal;
        var parts = (Candidate ?? string.Empty).Split('|');
        if (!await records.MayManageTeamAsync(User, trajectory, cancellationToken))
        {
            refusal = "Team_NotAllowed";
        }
        else if (parts.Length != 2 || !Guid.TryParse(parts[0], out var userId) || !Enum.TryParse<TeamRole>(parts[1], out var role) || !Enum.IsDefined(role))
        {
            refusal = "Team_ChooseCandidate";
        }
        else
        {
            refusal = client.RestrictedAtUtc is not null ? "Restrict_NoChanges"
                : await records.AddMemberAsync(client, trajectory, userId, role, cancellationToken);
        }

        return await SaveOrShowAsync(id, refusal, cancellationToken);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid memberId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (trajectory, client) = found;
        var refusal = client.RestrictedAtUtc is not null ? "Restrict_NoChanges"
            : !await records.MayManageTeamAsync(User, trajectory, cancellationToken) ? "Team_NotAllowed"
            : await records.EndMemberAsync(client, trajectory, memberId, cancellationToken);
        return await SaveOrShowAsync(id, refusal, cancellationToken);
    }

    private async Task<IActionResult> SaveOrShowAsync(Guid id, string? refusal, CancellationToken cancellationToken)
    {
        if (refusal is null)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                var stillOpen = await access.FindAsync(User, id, cancellationToken) is not null;
                return stillOpen ? Redirect($"/Trajectories/{id}/Team") : RedirectToPage("/Caseload/Index");
            }
            catch (DbUpdateConcurrencyException)
            {
                refusal = "Trajectory_ChangedMeanwhile";
            }
        }

        ModelState.AddModelError(nameof(Candidate), t[refusal]);
        db.ChangeTracker.Clear();
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        processingLog.Record(ProcessingActivities.CaseManagement, "TrajectoryTeamViewed", found.Client.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    private async Task<(Trajectory Trajectory, Client Client)?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return null;
        }

        var (trajectory, client) = found;
        TrajectoryId = id;
        Code = client.Code;
        Open = trajectory.IsOpen;
        MayManage = await records.MayManageTeamAsync(User, trajectory, cancellationToken);
        var members = await db.Set<ClientTeamMember>().AsNoTracking()
            .Where(m => m.TrajectoryId == id)
            .OrderBy(m => m.Role).ThenBy(m => m.FromUtc)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberRow(m.Id, u.DisplayName, u.Organisation!.Name, m.Role, m.FromUtc, m.ToUtc))
            .ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        Current = [.. members.Where(m => m.ToUtc is null || m.ToUtc > now)];
        Former = [.. members.Where(m => m.ToUtc is not null && m.ToUtc <= now)];
        var intake = await records.ReadIntakeAsync(trajectory, cancellationToken);
        Proposals = [.. TeamRules.Propose(trajectory.Type, intake).Select(p => new ProposalRow(p.Role, p.Required, Current.Any(m => m.Role == p.Role)))];

        var roleNames = Enum.GetNames<TeamRole>();
        var candidates = await (
            from userRole in db.Set<IdentityUserRole<Guid>>()
            join role in db.Roles on userRole.RoleId equals role.Id
            join user in db.Users on userRole.UserId equals user.Id
            where user.IsActive && roleNames.Contains(role.Name!)
            orderby role.Name, user.DisplayName
            select new { user.Id, user.DisplayName, Organisation = user.Organisation!.Name, Role = role.Name! })
            .ToListAsync(cancellationToken);
        Candidates = [.. candidates.Select(c => new SelectListItem(
            $"{t[$"TeamRole_{c.Role}"]}: {c.DisplayName} ({c.Organisation})", $"{c.Id}|{c.Role}"))];
        return found;
    }
}
