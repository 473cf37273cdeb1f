using Baken.Features.Clients;
using Baken.Features.Reporting.Facts;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Baken.Features.Plan;

/// <summary>
/// The life-domain plan of a trajectory: assessments (dated snapshots of scores), goals and their actions.
/// Encrypts what is about the client, logs every read and change, and refuses changes to a closed trajectory.
/// </summary>
public sealed class PlanRecords(
    BakenDbContext db,
    ClientCrypto crypto,
    ClientRecords clients,
    TrajectoryRecords trajectories,
    ProcessingLogWriter processingLog,
    IOptions<PlanOptions> options,
    StatisticsFacts facts,
    TimeProvider timeProvider)
{
    public sealed record AssessmentView(
        Guid Id, DateOnly AssessedOn, string By, bool WithClient, Dictionary<Guid, int> Scores, Dictionary<Guid, int> ClientScores, string? Note);

    public sealed record ActionView(Guid Id, string Text, DateOnly? DueDate, DateTime? DoneAtUtc);

    public sealed record GoalView(
        Guid Id, Guid DomainId, string Text, TeamRole? OwnerRole, DateOnly? TargetDate, GoalStatus Status, int Version, IReadOnlyList<ActionView> Actions);

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    public Task<List<LifeDomain>> DomainsAsync(bool includeRetired, CancellationToken cancellationToken) =>
        db.Set<LifeDomain>().AsNoTracking().Where(d => includeRetired || d.RetiredAtUtc == null).OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .ToListAsync(cancellationToken);

    public Task<List<ScaleLevel>> ScaleAsync(CancellationToken cancellationToken) =>
        db.Set<ScaleLevel>().AsNoTracking().OrderBy(s => s.Score).ToListAsync(cancellationToken);

    /// <summary>All assessments of a trajectory, oldest first, decrypted.</summary>
    public async Task<List<AssessmentView>> AssessmentsAsync(Trajectory trajectory, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Assessment>().AsNoTracking()
            .Where(a => a.TrajectoryId == trajectory.Id)
            .OrderBy(a => a.AssessedOn).ThenBy(a => a.CreatedAtUtc)
            .Join(db.Users, a => a.ByUserId, u => u.Id, (a, u) => new { a.Id, a.AssessedOn, u.DisplayName, a.WithClient, a.Scores, a.ClientScores, a.Note })
            .ToListAsync(cancellationToken);
        var views = new List<AssessmentView>();
        foreach (var a in rows)
        {
            async Task<string?> Field(string column, byte[]? value) =>
                await crypto.DecryptAsync(trajectory.ClientId, Assessment.Table, column, a.Id, value, cancellationToken);

            views.Add(new AssessmentView(a.Id, a.AssessedOn, a.DisplayName, a.WithClient,
                Scores.Parse(await Field(nameof(Assessment.Scores), a.Scores)),
                Scores.Parse(await Field(nameof(Assessment.ClientScores), a.ClientScores)),
                await Field(nameof(Assessment.Note), a.Note)));
        }

        return views;
    }

    /// <summary>When the next assessment is due: the interval after the last one, or after the trajectory became active.</summary>
    public DateOnly? NextAssessmentDue(Trajectory trajectory, DateOnly? lastAssessedOn)
    {
        if (trajectory.State is not (TrajectoryState.Active or TrajectoryState.Aftercare or TrajectoryState.Intake))
        {
            return null;
        }

        var from = lastAssessedOn ?? DateOnly.FromDateTime(trajectory.CreatedAtUtc);
        return from.AddDays(7 * options.Value.AssessmentIntervalWeeks);
    }

    public async Task<string?> AddAssessmentAsync(
        Client client, Trajectory trajectory, DateOnly assessedOn, bool withClient, IReadOnlyDictionary<Guid, int> scores,
        IReadOnlyDictionary<Guid, int> clientScores, string? note, Guid byUserId, CancellationToken cancellationToken)
    {
        if (!trajectory.IsOpen)
        {
            return "Trajectory_ClosedReadOnly";
        }

        await facts.AssessmentRecordedAsync(trajectory, assessedOn, scores, await FirstScoresAsync(trajectory, assessedOn, cancellationToken), cancellationToken);
        var id = Guid.CreateVersion7();
        async Task<byte[]?> Field(string column, string? value) =>
            await crypto.EncryptAsync(client.Id, Assessment.Table, column, id, string.IsNullOrWhiteSpace(value) ? null : value.Trim(), cancellationToken);

        db.Add(new Assessment
        {
            Id = id,
            TrajectoryId = trajectory.Id,
            ClientId = client.Id,
            AssessedOn = assessedOn,
            WithClient = withClient,
            ByUserId = byUserId,
            CreatedAtUtc = Now,
            Scores = (await Field(nameof(Assessment.Scores), Scores.Format(scores)))!,
            ClientScores = clientScores.Count == 0 ? null : await Field(nameof(Assessment.ClientScores), Scores.Format(clientScores)),
            Note = await Field(nameof(Assessment.Note), note),
        });
        Touch(client, trajectory, "AssessmentRecorded");
        return null;
    }

    /// <summary>The scores of the trajectory's first assessment on or before <paramref name="on"/>, for the trend facts; null when there is none.</summary>
    private async Task<IReadOnlyDictionary<Guid, int>?> FirstScoresAsync(Trajectory trajectory, DateOnly on, CancellationToken cancellationToken)
    {
        var first = await db.Set<Assessment>().AsNoTracking()
            .Where(a => a.TrajectoryId == trajectory.Id && a.AssessedOn <= on)
            .OrderBy(a => a.AssessedOn).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Scores })
            .FirstOrDefaultAsync(cancellationToken);
        return first is null
            ? null
            : Scores.Parse(await crypto.DecryptAsync(trajectory.ClientId, Assessment.Table, nameof(Assessment.Scores), first.Id, first.Scores, cancellationToken));
    }

    /// <summary>The goals of a trajectory (or just <paramref name="goalId"/>) with their actions, decrypted, in two queries.</summary>
    public async Task<List<GoalView>> GoalsAsync(Trajectory trajectory, CancellationToken cancellationToken, Guid? goalId = null)
    {
        var goals = await db.Set<Goal>().AsNoTracking()
            .Where(g => g.TrajectoryId == trajectory.Id && (goalId == null || g.Id == goalId))
            .OrderBy(g => g.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        var goalIds = goals.Select(g => g.Id).ToList();
        var actions = await db.Set<GoalAction>().AsNoTracking().Where(a => goalIds.Contains(a.GoalId)).OrderBy(a => a.CreatedAtUtc).ToListAsync(cancellationToken);
        var views = new List<GoalView>();
        foreach (var goal in goals)
        {
            var goalActions = new List<ActionView>();
            foreach (var action in actions.Where(a => a.GoalId == goal.Id))
            {
                goalActions.Add(new ActionView(action.Id,
                    await crypto.DecryptAsync(trajectory.ClientId, GoalAction.Table, nameof(GoalAction.Text), action.Id, action.Text, cancellationToken) ?? string.Empty,
                    action.DueDate, action.DoneAtUtc));
            }

            views.Add(new GoalView(goal.Id, goal.DomainId,
                await crypto.DecryptAsync(trajectory.ClientId, Goal.Table, nameof(Goal.Text), goal.Id, goal.Text, cancellationToken) ?? string.Empty,
                goal.OwnerRole, goal.TargetDate, goal.Status, goal.Version, goalActions));
        }

        return views;
    }

    public async Task<(Guid? GoalId, string? Refusal)> AddGoalAsync(
        Client client, Trajectory trajectory, Guid domainId, string text, TeamRole? ownerRole, DateOnly? targetDate, Guid byUserId, CancellationToken cancellationToken)
    {
        if (!trajectory.IsOpen)
        {
            return (null, "Trajectory_ClosedReadOnly");
        }

        if (!await db.Set<LifeDomain>().AnyAsync(d => d.Id == domainId && d.RetiredAtUtc == null, cancellationToken))
        {
            return (null, "Goal_DomainRequired");
        }

        var id = Guid.CreateVersion7();
        db.Add(new Goal
        {
            Id = id,
            TrajectoryId = trajectory.Id,
            ClientId = client.Id,
            DomainId = domainId,
            Text = (await crypto.EncryptAsync(client.Id, Goal.Table, nameof(Goal.Text), id, text.Trim(), cancellationToken))!,
            OwnerRole = ownerRole,
            TargetDate = targetDate,
            CreatedAtUtc = Now,
            CreatedByUserId = byUserId,
        });
        Touch(client, trajectory, "GoalAdded");
        return (id, null);
    }

    /// <summary>
    /// Saves an edited goal when nobody changed it since <paramref name="seenVersion"/>; otherwise refuses, so
    /// the page can show what changed next to what this user typed.
    /// </summary>
    public async Task<string?> UpdateGoalAsync(
        Client client, Trajectory trajectory, Goal goal, int seenVersion, string text, TeamRole? ownerRole, DateOnly? targetDate, GoalStatus status,
        CancellationToken cancellationToken)
    {
        if (!trajectory.IsOpen)
        {
            return "Trajectory_ClosedReadOnly";
        }

        if (goal.Version != seenVersion)
        {
            return "Goal_ChangedMeanwhile";
        }

        db.Entry(goal).Property(g => g.Version).OriginalValue = seenVersion;
        goal.Text = (await crypto.EncryptAsync(client.Id, Goal.Table, nameof(Goal.Text), goal.Id, text.Trim(), cancellationToken))!;
        goal.OwnerRole = ownerRole;
        goal.TargetDate = targetDate;
        goal.Status = status;
        goal.Version++;
        Touch(client, trajectory, "GoalChanged");
        return null;
    }

    public async Task<string?> AddActionAsync(Client client, Trajectory trajectory, Goal goal, string text, DateOnly? dueDate, CancellationToken cancellationToken)
    {
        if (!trajectory.IsOpen)
        {
            return "Trajectory_ClosedReadOnly";
        }

        var id = Guid.CreateVersion7();
        db.Add(new GoalAction
        {
            Id = id,
            GoalId = goal.Id,
            ClientId = client.Id,
            Text = (await crypto.EncryptAsync(client.Id, GoalAction.Table, nameof(GoalAction.Text), id, text.Trim(), cancellationToken))!,
            DueDate = dueDate,
            CreatedAtUtc = Now,
        });
        Touch(client, trajectory, "GoalActionAdded");
        return null;
    }

    public async Task<string?> SetActionDoneAsync(Client client, Trajectory trajectory, Guid goalId, Guid actionId, bool done, CancellationToken cancellationToken)
    {
        if (!trajectory.IsOpen)
        {
            return "Trajectory_ClosedReadOnly";
        }

        var action = await db.Set<GoalAction>().FirstOrDefaultAsync(
            a => a.Id == actionId && a.GoalId == goalId && a.ClientId == client.Id
                && db.Set<Goal>().Any(g => g.Id == goalId && g.TrajectoryId == trajectory.Id), cancellationToken);
        if (action is null)
        {
            return "Goal_ActionNotFound";
        }

        action.DoneAtUtc = done ? Now : null;
        Touch(client, trajectory, "GoalActionChanged");
        return null;
    }

    public void RecordRead(Guid clientId, string action) => processingLog.Record(ProcessingActivities.CaseManagement, action, clientId);

    private void Touch(Client client, Trajectory trajectory, string action)
    {
        trajectories.GuardUnchanged(trajectory);
        clients.MarkActive(client);
        processingLog.Record(ProcessingActivities.CaseManagement, action, client.Id);
    }
}
