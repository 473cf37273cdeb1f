using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Journal;
using Baken.Features.Plan;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;

namespace Baken.Bench.Generation;

/// <summary>
/// Replays planned histories through the application's own records (<see cref="ClientRecords"/>,
/// <see cref="TrajectoryRecords"/>, <see cref="JournalRecords"/>, <see cref="PlanRecords"/>), with the clock set to
/// each step's moment and the acting staff member signed in: the rows, ciphertexts (under each client's own key),
/// search entries and processing-log entries are the ones those steps write in the app. Only the transaction and
/// the saving are the generator's: one transaction per batch of clients, saved once the team is in place, after
/// the first assessment and at the trajectory's end, with the inserts batched (<see cref="BulkWriter"/>) and the
/// processing log chained by the app's own <see cref="ProcessingLogChain"/>.
/// </summary>
public sealed class HistoryReplay(IServiceProvider services, BenchClock clock)
{
    public async Task<int> ReplayAsync(IReadOnlyList<ClientHistory> histories, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<BakenDbContext>();
        var clients = provider.GetRequiredService<ClientRecords>();
        var trajectories = provider.GetRequiredService<TrajectoryRecords>();
        var journal = provider.GetRequiredService<JournalRecords>();
        var plan = provider.GetRequiredService<PlanRecords>();
        var http = provider.GetRequiredService<IHttpContextAccessor>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var rows = 0;

        void As(Guid userId, Guid organisationId, string role, DateTime at)
        {
            clock.Now = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
            http.HttpContext = new DefaultHttpContext { User = StaffGenerator.Principal(userId, organisationId, role) };
        }

        var chain = provider.GetRequiredService<ProcessingLogChain>();
        var bulk = new BulkWriter(db);

        // What SaveChanges does, with the inserts in bulk: chain the processing-log entries, insert every added row
        // through BulkWriter, then let SaveChanges write the few rows that were modified.
        async Task SaveAsync()
        {
            db.ChangeTracker.DetectChanges();
            await chain.SealPendingAsync(db, cancellationToken);
            var before = bulk.RowsWritten;
            await bulk.InsertAddedAsync(cancellationToken);
            rows += (int)(bulk.RowsWritten - before) + await db.SaveChangesAsync(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var history in histories)
        {
            var organisation = history.Region.CareProviderId;
            As(history.CaseManager, organisation, Roles.Casemanager, history.RegisteredAtUtc);
            var client = await clients.CreateAsync(history.Level, history.Identity, organisation, history.CaseManager, cancellationToken);
            foreach (var planned in history.Trajectories)
            {
                As(history.CaseManager, organisation, Roles.Casemanager, planned.StartedAtUtc);
                var (trajectory, refusal) = await trajectories.StartAsync(client, planned.Type, planned.Intake, organisation, history.CaseManager, joinAsCaseManager: true, cancellationToken);
                Refused(refusal ?? (trajectory is null ? "no trajectory" : null), "start");
                foreach (var (role, userId) in planned.Team.Skip(1))
                {
                    Refused(await trajectories.AddMemberAsync(client, trajectory!, userId, role, cancellationToken), "team");
                }

                // Becoming active reads the team from the database (it needs its case manager): saved first.
                await SaveAsync();
                var firstAssessment = true;
                foreach (var step in planned.Steps)
                {
                    As(history.CaseManager, organisation, Roles.Casemanager, step.AtUtc);
                    Refused(step switch
                    {
                        Transition t => await trajectories.TransitionAsync(client, trajectory!, t.To, t.Outcome,
                            t.Outcome is null ? null : "Afgesloten na evaluatiegesprek.", null, history.CaseManager, cancellationToken),
                        JournalNote j => await journal.AddAsync(client, trajectory!, j.Kind, j.AtUtc, j.Visibility, j.Text, j.Author, cancellationToken),
                        AssessmentTaken a => await plan.AddAssessmentAsync(client, trajectory!, DateOnly.FromDateTime(a.AtUtc), a.WithClient, a.Scores,
                            new Dictionary<Guid, int>(), null, history.CaseManager, cancellationToken),
                        GoalSet g => (await plan.AddGoalAsync(client, trajectory!, g.DomainId, g.Text, TeamRole.Casemanager, null, history.CaseManager, cancellationToken)).Refusal,
                        _ => throw new InvalidOperationException($"Unknown step {step.GetType().Name}."),
                    }, step.GetType().Name);

                    // The trend facts compare each assessment with the trajectory's first one, read from the
                    // database, as in the app, where every assessment is its own request: the first is saved.
                    if (step is AssessmentTaken && firstAssessment)
                    {
                        firstAssessment = false;
                        await SaveAsync();
                    }
                }

                await SaveAsync();
            }

            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        http.HttpContext = null;
        return rows;
    }

    private static void Refused(string? refusal, string step)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"The app refused a generated {step}: {refusal}. The planner made a history the app does not allow.");
        }
    }
}
