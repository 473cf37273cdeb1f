using Baken.Features.Clients;
using Baken.Features.Reporting.Facts;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Trajectories;

/// <summary>
/// Starts trajectories, keeps their intake (encrypted where it is about the person), moves them through their
/// states and keeps the care team. Every change is one unit of work the page saves, with processing-log
/// entries, and raises the trajectory's version for optimistic concurrency. Returns a resource key when a
/// rule refuses the change, null when it was made.
/// </summary>
public sealed class TrajectoryRecords(
    BakenDbContext db,
    ClientCrypto crypto,
    ClientRecords clients,
    ProcessingLogWriter processingLog,
    AuditLog audit,
    StatisticsFacts facts,
    TimeProvider timeProvider)
{
    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    public async Task<(Trajectory? Trajectory, string? Refusal)> StartAsync(
        Client client, TrajectoryType type, TrajectoryIntake intake, Guid organisationId, Guid byUserId, bool joinAsCaseManager, CancellationToken cancellationToken)
    {
        if (await db.Set<Trajectory>().AnyAsync(t => t.ClientId == client.Id && t.Type == type && TrajectoryStates.Open.Contains(t.State), cancellationToken))
        {
            return (null, "Trajectory_OneOpenPerType");
        }

        var now = Now;
        var trajectory = new Trajectory
        {
            ClientId = client.Id,
            OrganisationId = organisationId,
            Type = type,
            State = TrajectoryState.Registered,
            CreatedAtUtc = now,
            StateChangedAtUtc = now,
        };
        await WriteIntakeAsync(trajectory, intake, cancellationToken);
        db.Add(trajectory);
        db.Add(new TrajectoryTransition { TrajectoryId = trajectory.Id, ClientId = client.Id, To = TrajectoryState.Registered, AtUtc = now, ByUserId = byUserId });
        var team = new List<TeamRole>();
        if (joinAsCaseManager)
        {
            db.Add(new ClientTeamMember { ClientId = client.Id, UserId = byUserId, TrajectoryId = trajectory.Id, Role = TeamRole.Casemanager, FromUtc = now });
            client.WaitingSinceUtc = null;
            team.Add(TeamRole.Casemanager);
        }

        trajectory.TeamIncomplete = TeamRules.MissingRequired(type, intake, team).Count > 0;
        clients.MarkActive(client);
        await facts.TrajectoryStartedAsync(client, trajectory, intake, reopened: false, cancellationToken);
        processingLog.Record(ProcessingActivities.CaseManagement, "TrajectoryStarted", client.Id);
        return (trajectory, null);
    }

    public async Task<TrajectoryIntake> ReadIntakeAsync(Trajectory trajectory, CancellationToken cancellationToken)
    {
        async Task<string?> Field(string column, byte[]? value) =>
            await crypto.DecryptAsync(trajectory.ClientId, Trajectory.Table, column, trajectory.Id, value, cancellationToken);

        return new TrajectoryIntake
        {
            ReferralRoute = trajectory.ReferralRoute,
            ReferringOrganisationId = trajectory.ReferringOrganisationId,
            ReferralDate = trajectory.ReferralDate,
            HousingNeed = trajectory.HousingNeed,
            VictimStatus = Parse<VictimStatus>(await Field(nameof(Trajectory.VictimStatus), trajectory.VictimStatus)),
            GenderIdentity = Parse<GenderIdentity>(await Field(nameof(Trajectory.GenderIdentity), trajectory.GenderIdentity)),
            GenderSelfDescription = await Field(nameof(Trajectory.GenderSelfDescription), trajectory.GenderSelfDescription),
            Languages = await Field(nameof(Trajectory.Languages), trajectory.Languages),
            Motive = Parse<SexWorkMotive>(await Field(nameof(Trajectory.Motive), trajectory.Motive)),
            MigrationSituation = Parse<MigrationSituation>(await Field(nameof(Trajectory.MigrationSituation), trajectory.MigrationSituation)),
        };
    }

    public async Task<string?> UpdateIntakeAsync(Client client, Trajectory trajectory, TrajectoryIntake intake, CancellationToken cancellationToken)
    {
        if (!trajectory.IsOpen)
        {
            return "Trajectory_ClosedReadOnly";
        }

        await WriteIntakeAsync(trajectory, intake, cancellationToken);
        await RefreshTeamAsync(trajectory, intake, cancellationToken);
        await facts.TrajectoryIntakeChangedAsync(trajectory, intake, cancellationToken);
        Touch(client, trajectory, "TrajectoryIntakeUpdated");
        return null;
    }

    /// <summary>Moves the trajectory to <paramref name="to"/> if the graph and the conditions allow it.</summary>
    public async Task<string?> TransitionAsync(
        Client client, Trajectory trajectory, TrajectoryState to, ClosureOutcome? outcome, string? evaluation, string? note, Guid byUserId, CancellationToken cancellationToken)
    {
        if (!TrajectoryStates.CanGo(trajectory.State, to))
        {
            return "Trajectory_TransitionNotAllowed";
        }

        if (to == TrajectoryState.Active && !await CurrentTeam(trajectory.Id).AnyAsync(m => m.Role == TeamRole.Casemanager, cancellationToken))
        {
            return "Trajectory_ActiveNeedsCaseManager";
        }

        if (to == TrajectoryState.Closed && outcome is null)
        {
            return "Trajectory_CloseNeedsOutcome";
        }

        var reopening = !trajectory.IsOpen;
        if (reopening && await db.Set<Trajectory>().AnyAsync(
            t => t.ClientId == trajectory.ClientId && t.Type == trajectory.Type && t.Id != trajectory.Id && TrajectoryStates.Open.Contains(t.State), cancellationToken))
        {
            return "Trajectory_OneOpenPerType";
        }

        var now = Now;
        var transitionId = Guid.CreateVersion7();
        db.Add(new TrajectoryTransition
        {
            Id = transitionId,
            TrajectoryId = trajectory.Id,
            ClientId = trajectory.ClientId,
            From = trajectory.State,
            To = to,
            Outcome = to == TrajectoryState.Closed ? outcome : null,
            AtUtc = now,
            ByUserId = byUserId,
            Note = await crypto.EncryptAsync(trajectory.ClientId, TrajectoryTransition.Table, nameof(TrajectoryTransition.Note), transitionId, Clean(note), cancellationToken),
        });
        trajectory.State = to;
        trajectory.StateChangedAtUtc = now;
        if (to is TrajectoryState.Closed or TrajectoryState.DroppedOut)
        {
            trajectory.ClosedAtUtc = now;
            trajectory.Outcome = to == TrajectoryState.Closed ? outcome : null;
            trajectory.Evaluation = await crypto.EncryptAsync(
                trajectory.ClientId, Trajectory.Table, nameof(Trajectory.Evaluation), trajectory.Id, Clean(evaluation), cancellationToken);
            await facts.TrajectoryEndedAsync(trajectory, cancellationToken);
        }
        else if (reopening)
        {
            trajectory.ClosedAtUtc = null;
            trajectory.Outcome = null;
            await facts.TrajectoryStartedAsync(client, trajectory, await ReadIntakeAsync(trajectory, cancellationToken), reopened: true, cancellationToken);
        }

        Touch(client, trajectory, $"TrajectoryMovedTo{to}");
        return null;
    }

    public sealed record Summary(Guid Id, TrajectoryType Type, TrajectoryState State, DateTime CreatedAtUtc, DateTime? ClosedAtUtc);

    /// <summary>A client's trajectories, newest first, for the client file.</summary>
    public Task<List<Summary>> ListForClientAsync(Guid clientId, CancellationToken cancellationToken) =>
        db.Set<Trajectory>().AsNoTracking()
            .Where(t => t.ClientId == clientId)
            .OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new Summary(t.Id, t.Type, t.State, t.CreatedAtUtc, t.ClosedAtUtc))
            .ToListAsync(cancellationToken);

    /// <summary>The current members of a trajectory's team.</summary>
    public IQueryable<ClientTeamMember> CurrentTeam(Guid trajectoryId)
    {
        var now = Now;
        return db.Set<ClientTeamMember>().Where(m => m.TrajectoryId == trajectoryId && (m.ToUtc == null || m.ToUtc > now));
    }

    /// <summary>
    /// Who may change a team: its current case manager, a team lead of the organisation that runs the
    /// trajectory, or, while there is no case manager yet, anyone who may open it (so a team can be formed).
    /// </summary>
    public async Task<bool> MayManageTeamAsync(System.Security.Claims.ClaimsPrincipal user, Trajectory trajectory, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Admin.Roles.Teamleider) && user.OrganisationId() == trajectory.OrganisationId)
        {
            return true;
        }

        var userId = user.UserId();
        var managers = await CurrentTeam(trajectory.Id).Where(m => m.Role == TeamRole.Casemanager).Select(m => m.UserId).ToListAsync(cancellationToken);
        return managers.Count == 0 || managers.Contains(userId ?? Guid.Empty);
    }

    public async Task<string?> AddMemberAsync(Client client, Trajectory trajectory, Guid userId, TeamRole role, CancellationToken cancellationToken)
    {
        if (!trajectory.IsOpen)
        {
            return "Trajectory_ClosedReadOnly";
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken);
        var roleName = role.ToString();
        var hasRole = user is not null && await (
            from userRole in db.Set<IdentityUserRole<Guid>>()
            join r in db.Roles on userRole.RoleId equals r.Id
            where userRole.UserId == userId && r.Name == roleName
            select userRole).AnyAsync(cancellationToken);
        if (!hasRole)
        {
            return "Team_UserLacksRole";
        }

        var team = await CurrentTeam(trajectory.Id).Select(m => new { m.UserId, m.Role }).ToListAsync(cancellationToken);
        if (team.Any(m => m.UserId == userId && m.Role == role))
        {
            return "Team_AlreadyMember";
        }

        if (role == TeamRole.Casemanager && team.Any(m => m.Role == TeamRole.Casemanager))
        {
            return "Team_OneCaseManager";
        }

        db.Add(new ClientTeamMember { ClientId = trajectory.ClientId, UserId = userId, TrajectoryId = trajectory.Id, Role = role, FromUtc = Now });
        client.WaitingSinceUtc = null;
        await RefreshTeamAsync(trajectory, null, cancellationToken, added: role);
        audit.Record("TeamMemberAdded", nameof(Trajectory), trajectory.Id, $"role={role};user={userId}");
        Touch(client, trajectory, "TeamMemberAdded");
        return null;
    }

    public async Task<string?> EndMemberAsync(Client client, Trajectory trajectory, Guid memberId, CancellationToken cancellationToken)
    {
        var member = await CurrentTeam(trajectory.Id).FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return "Team_NotAMember";
        }

        var now = Now;
        member.ToUtc = now;
        if (!await db.Set<ClientTeamMember>().AnyAsync(m => m.ClientId == client.Id && m.Id != member.Id && (m.ToUtc == null || m.ToUtc > now), cancellationToken))
        {
            // The last one leaves: the client waits in the organisation's intake queue again.
            client.WaitingSinceUtc = now;
        }

        await RefreshTeamAsync(trajectory, null, cancellationToken, removed: member.Id);
        audit.Record("TeamMemberRemoved", nameof(Trajectory), trajectory.Id, $"role={member.Role};user={member.UserId}");
        Touch(client, trajectory, "TeamMemberRemoved");
        return null;
    }

    /// <summary>
    /// For a change that hangs on the trajectory (a goal, a journal entry, a task): the save checks that the
    /// trajectory's version is still the one loaded, so nothing is added to a trajectory closed meanwhile.
    /// </summary>
    public void GuardUnchanged(Trajectory trajectory) => db.Entry(trajectory).Property(t => t.Version).IsModified = true;

    /// <summary>Recomputes whether a required role is missing, from the intake and the team as it will be after this unit of work.</summary>
    private async Task RefreshTeamAsync(Trajectory trajectory, TrajectoryIntake? intake, CancellationToken cancellationToken, TeamRole? added = null, Guid? removed = null)
    {
        intake ??= await ReadIntakeAsync(trajectory, cancellationToken);
        var roles = await CurrentTeam(trajectory.Id).Where(m => m.Id != removed && m.Role != null).Select(m => m.Role!.Value).ToListAsync(cancellationToken);
        if (added is { } role)
        {
            roles.Add(role);
        }

        trajectory.TeamIncomplete = TeamRules.MissingRequired(trajectory.Type, intake, roles).Count > 0;
    }

    private void Touch(Client client, Trajectory trajectory, string action)
    {
        trajectory.Version++;
        clients.MarkActive(client);
        processingLog.Record(ProcessingActivities.CaseManagement, action, trajectory.ClientId);
    }

    private async Task WriteIntakeAsync(Trajectory trajectory, TrajectoryIntake intake, CancellationToken cancellationToken)
    {
        async Task<byte[]?> Field(string column, string? value) =>
            await crypto.EncryptAsync(trajectory.ClientId, Trajectory.Table, column, trajectory.Id, Clean(value), cancellationToken);

        trajectory.ReferralRoute = intake.ReferralRoute;
        trajectory.ReferringOrganisationId = intake.ReferringOrganisationId;
        trajectory.ReferralDate = intake.ReferralDate;
        trajectory.HousingNeed = intake.HousingNeed;
        trajectory.VictimStatus = await Field(nameof(Trajectory.VictimStatus), intake.VictimStatus?.ToString());
        trajectory.GenderIdentity = await Field(nameof(Trajectory.GenderIdentity), intake.GenderIdentity?.ToString());
        trajectory.GenderSelfDescription = await Field(nameof(Trajectory.GenderSelfDescription),
            intake.GenderIdentity == GenderIdentity.SelfDescribed ? intake.GenderSelfDescription : null);
        trajectory.Languages = await Field(nameof(Trajectory.Languages), intake.Languages);
        trajectory.Motive = await Field(nameof(Trajectory.Motive), intake.Motive?.ToString());
        trajectory.MigrationSituation = await Field(nameof(Trajectory.MigrationSituation), intake.MigrationSituation?.ToString());
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static T? Parse<T>(string? value)
        where T : struct, Enum => Enum.TryParse<T>(value, out var parsed) ? parsed : null;
}
