using System.Globalization;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Journal;
using Baken.Features.Plan;
using Baken.Features.Referrals;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;

namespace Baken.Bench.Generation;

/// <summary>
/// Replays planned histories through the application's own records (<see cref="ClientRecords"/>,
/// <see cref="TrajectoryRecords"/>, <see cref="JournalRecords"/>, <see cref="PlanRecords"/>), with the clock set to
/// each step's moment and the acting staff member signed in: the rows, ciphertexts (under each client's own key),
/// search entries and processing-log entries are the ones those steps write in the app. Only the transaction and
/// the saving are the generator's: one transaction per batch of clients, saved once the team is in place, after
/// the first assessment and at the trajectory's end, with the inserts batched (<see cref="BulkWriter"/>) and the
/// processing log chained by the app's own <see cref="ProcessingLogChain"/>. The partner steps (a client taken on from
/// the intake queue, consents, referrals out) go through <see cref="PartnerSteps"/>.
/// </summary>
public sealed class HistoryReplay(IServiceProvider services, BenchClock clock, PartnerNetwork partners)
{
    /// <summary>Referral letters are written in Dutch, as a Dutch-speaking worker would have.</summary>
    private static readonly CultureInfo Dutch = new("nl-NL");

    /// <summary>Replays the histories; returns the rows written and the clients made, in the order of the histories.</summary>
    public async Task<(int Rows, IReadOnlyList<Guid> Clients)> ReplayAsync(IReadOnlyList<ClientHistory> histories, CancellationToken cancellationToken)
    {
        CultureInfo.CurrentUICulture = Dutch;
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<BakenDbContext>();
        var clients = provider.GetRequiredService<ClientRecords>();
        var trajectories = provider.GetRequiredService<TrajectoryRecords>();
        var journal = provider.GetRequiredService<JournalRecords>();
        var plan = provider.GetRequiredService<PlanRecords>();
        var referrals = provider.GetRequiredService<ReferralRecords>();
        var acting = new Acting(clock, provider.GetRequiredService<IHttpContextAccessor>());
        var partnerSteps = new PartnerSteps(provider, partners, acting);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // Rows EF saves (the modified ones, and whatever a record saves itself) are counted as they are saved.
        var rows = 0;
        db.SavedChanges += (_, e) => rows += e.EntitiesSavedCount;

        void As(Guid userId, Guid organisationId, string role, DateTime at) => acting.As(userId, organisationId, role, at);

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
            rows += (int)(bulk.RowsWritten - before);
            await db.SaveChangesAsync(cancellationToken);
        }

        // A generous page cache for the bulk load (the file grows to tens of gigabytes and the indexes are written all
        // over it); the rows written are the same.
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-1048576;", cancellationToken);
        }

        var made = new List<Guid>(histories.Count);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var history in histories)
        {
            var organisation = history.Region.CareProviderId;
            Client client;
            Trajectory? arrived = null;
            if (history.Arrival is { } arrival)
            {
                (client, arrived) = await partnerSteps.ArriveAsync(history, arrival, cancellationToken);
            }
            else
            {
                As(history.CaseManager, organisation, Roles.Casemanager, history.RegisteredAtUtc);
                client = await clients.CreateAsync(history.Level, history.Identity, organisation, history.CaseManager, cancellationToken);
            }

            made.Add(client.Id);
            var sent = new Dictionary<int, Referral>();
            foreach (var planned in history.Trajectories)
            {
                As(history.CaseManager, organisation, Roles.Casemanager, planned.StartedAtUtc);
                var trajectory = arrived;
                if (trajectory is null)
                {
                    (trajectory, var refusal) = await trajectories.StartAsync(client, planned.Type, planned.Intake, organisation, history.CaseManager, joinAsCaseManager: true, cancellationToken);
                    Refused(refusal ?? (trajectory is null ? "no trajectory" : null), "start");
                }

                arrived = null;
                foreach (var (role, userId) in planned.Team.Skip(1))
                {
                    Refused(await trajectories.AddMemberAsync(client, trajectory!, userId, role, cancellationToken), "team");
                }

                // The consents for this trajectory's referrals, from the intake conversation, saved with the team: the
                // referral's consent check reads them from the database.
                foreach (var consent in planned.Consents)
                {
                    As(history.CaseManager, organisation, Roles.Casemanager, consent.AtUtc);
                    Refused(await partnerSteps.RecordConsentAsync(client, consent, history.CaseManager, cancellationToken), "consent");
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
                        ReferralSent r => await SendAsync(r),
                        ReferralMoved m => await referrals.ChangeStatusAsync(client, sent[m.Number], m.To, m.On, m.Feedback, history.CaseManager, cancellationToken),
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

                // The trajectory is saved: let go of what it wrote, as the next request's unit of work would not hold it,
                // so that later saves and the records' lookups in tracked rows do not walk it again. The client stays.
                if (planned != history.Trajectories[^1])
                {
                    foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != client).ToList())
                    {
                        entry.State = EntityState.Detached;
                    }
                }

                async Task<string?> SendAsync(ReferralSent step)
                {
                    var (referral, refusal) = await partnerSteps.SendAsync(client, trajectory!, step, history.CaseManager, cancellationToken);
                    if (referral is not null)
                    {
                        sent[step.Number] = referral;
                    }

                    return refusal;
                }
            }

            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        acting.SignOut();
        return (rows, made);
    }

    public static void Refused(string? refusal, string step)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"The app refused a generated {step}: {refusal}. The planner made a history the app does not allow.");
        }
    }
}
