using Baken.Features.Clients;
using Baken.Features.Journal;
using Baken.Features.Plan;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Demo;

/// <summary>
/// Demo trajectories in every state, generated from a fixed seed through the application's own services (so
/// everything personal is encrypted as in real use): intakes, teams by role, assessments every six to twelve
/// weeks with a slowly improving trend, goals, journal entries (some for the case manager only), appointments
/// and tasks. Dates are moved into the past afterwards, the way a programme that has run for two years looks.
/// </summary>
public sealed class DemoTrajectories(
    BakenDbContext db,
    ClientRecords clients,
    TrajectoryRecords trajectories,
    PlanRecords plan,
    JournalRecords journal,
    Infrastructure.Crypto.ClientCrypto crypto,
    Reporting.Facts.StatisticsFacts facts,
    TimeProvider timeProvider)
{
    private static readonly string[] Aliases =
    [
        "Iris", "Lotus", "Roos", "Jasmijn", "Lelie", "Viool", "Anemoon", "Klaproos", "Dahlia", "Tulp", "Madelief", "Orchidee",
        "Kwikstaart", "Zwaluw", "Reiger", "Specht", "Vink", "Lijster", "Mees", "Wouw", "Ekster", "Gaai", "Kraai", "Uil",
    ];

    private static readonly TrajectoryState[] States =
    [
        TrajectoryState.Registered, TrajectoryState.Registered, TrajectoryState.Registered,
        TrajectoryState.Intake, TrajectoryState.Intake, TrajectoryState.Intake, TrajectoryState.Intake,
        TrajectoryState.Active, TrajectoryState.Active, TrajectoryState.Active, TrajectoryState.Active, TrajectoryState.Active,
        TrajectoryState.Active, TrajectoryState.Active, TrajectoryState.Active, TrajectoryState.Active,
        TrajectoryState.Aftercare, TrajectoryState.Aftercare, TrajectoryState.Aftercare,
        TrajectoryState.Closed, TrajectoryState.Closed, TrajectoryState.Closed,
        TrajectoryState.DroppedOut, TrajectoryState.DroppedOut,
    ];

    private static readonly string[] Notes =
    [
        "Kennismaking op het spreekuur; de cliënt wil eerst rust en een eigen plek.",
        "Samen de post doorgenomen en een afspraak bij de schuldhulp gemaakt.",
        "Telefonisch contact: het sollicitatiegesprek ging goed.",
        "Huisbezoek; de kamer is op orde, de cliënt slaapt beter.",
        "Chatgesprek over spanning en slaap; verwezen naar de huisarts.",
        "Samen naar de gemeente voor de aanvraag van een uitkering.",
        "Gesprek over wat de cliënt wil leren; interesse in een opleiding in de zorg.",
    ];

    public async Task SeedAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var staff = await db.Users.Where(u => u.IsDemo).Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        var manager = staff["casemanager@baken.example"];
        var domains = PlanDefaults.Domains.Select(d => d.Id).ToArray();
        for (var i = 0; i < States.Length; i++)
        {
            var state = States[i];
            var days = state switch
            {
                TrajectoryState.Registered => random.Next(1, 14),
                TrajectoryState.Intake => random.Next(14, 50),
                TrajectoryState.Closed or TrajectoryState.DroppedOut => random.Next(300, 700),
                _ => random.Next(90, 640),
            };
            var start = now.AddDays(-days).AddHours(-random.Next(0, 8));
            var intake = new TrajectoryIntake
            {
                ReferralRoute = (ReferralRoute)random.Next(1, 11),
                ReferralDate = DateOnly.FromDateTime(start),
                HousingNeed = random.Next(3) == 0,
                VictimStatus = (VictimStatus)random.Next(1, 4),
                GenderIdentity = i % 6 == 0 ? GenderIdentity.Man : i % 9 == 0 ? GenderIdentity.Transgender : GenderIdentity.Woman,
                Motive = (SexWorkMotive)random.Next(1, 5),
                MigrationSituation = (MigrationSituation)random.Next(1, 8),
                Languages = i % 3 == 0 ? "Roemeens, Engels" : "Nederlands",
            };
            var client = await clients.CreateAsync(IdentityLevel.Pseudonymous,
                new ClientIdentity { Alias = $"Demo {Aliases[i]}", ContactChannel = "infocentre" }, organisationId, manager, cancellationToken);
            var (trajectory, _) = await trajectories.StartAsync(client, i % 5 == 4 ? TrajectoryType.Support : TrajectoryType.Exit, intake, organisationId, manager,
                joinAsCaseManager: true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await FillAsync(client, trajectory!, intake, state, start, now, random, staff, domains, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task FillAsync(
        Client client, Trajectory trajectory, TrajectoryIntake intake, TrajectoryState state, DateTime start, DateTime now, Random random,
        Dictionary<string, Guid> staff, Guid[] domains, CancellationToken cancellationToken)
    {
        var manager = staff["casemanager@baken.example"];
        if (state != TrajectoryState.Registered)
        {
            if (trajectory.Type == TrajectoryType.Exit && random.Next(3) > 0)
            {
                await trajectories.AddMemberAsync(client, trajectory, staff["jobcoach@baken.example"], TeamRole.Jobcoach, cancellationToken);
            }

            if (intake.VictimStatus is VictimStatus.Yes or VictimStatus.Suspected && random.Next(4) > 0)
            {
                await trajectories.AddMemberAsync(client, trajectory, staff["zorgcoordinator@baken.example"], TeamRole.Zorgcoordinator, cancellationToken);
            }

            if (intake.HousingNeed && random.Next(4) > 0)
            {
                await trajectories.AddMemberAsync(client, trajectory, staff["woonbegeleider@baken.example"], TeamRole.Woonbegeleider, cancellationToken);
            }
        }

        var end = state is TrajectoryState.Closed or TrajectoryState.DroppedOut ? start.AddDays((now - start).TotalDays * 0.85) : now;
        var path = state switch
        {
            TrajectoryState.Registered => Array.Empty<TrajectoryState>(),
            TrajectoryState.Intake => [TrajectoryState.Intake],
            TrajectoryState.Active => [TrajectoryState.Intake, TrajectoryState.Active],
            TrajectoryState.Aftercare => [TrajectoryState.Intake, TrajectoryState.Active, TrajectoryState.Aftercare],
            TrajectoryState.Closed => [TrajectoryState.Intake, TrajectoryState.Active, TrajectoryState.Aftercare, TrajectoryState.Closed],
            _ => [TrajectoryState.Intake, TrajectoryState.Active, TrajectoryState.DroppedOut],
        };

        // Assessments, goals and the journal are written while the trajectory is still open; its state follows at the end.
        var activeFrom = start.AddDays((end - start).TotalDays * 0.12);
        if (path.Contains(TrajectoryState.Active))
        {
            var scores = domains.ToDictionary(d => d, _ => random.Next(1, 4));
            for (var day = activeFrom; day < end; day = day.AddDays(random.Next(42, 85)))
            {
                await plan.AddAssessmentAsync(client, trajectory, DateOnly.FromDateTime(day), random.Next(2) == 0, scores,
                    new Dictionary<Guid, int> { [domains[0]] = Math.Min(5, scores[domains[0]] + 1) }, null, manager, cancellationToken);
                scores = scores.ToDictionary(s => s.Key, s => Math.Clamp(s.Value + (random.Next(10) < 6 ? 1 : random.Next(-1, 1)), 1, 5));
            }

            foreach (var domain in domains.OrderBy(_ => random.Next()).Take(3))
            {
                var name = PlanDefaults.Domains.Single(d => d.Id == domain).Name.ToLowerInvariant();
                var (goalId, _) = await plan.AddGoalAsync(client, trajectory, domain, $"Stap vooruit op {name}", TeamRole.Casemanager,
                    DateOnly.FromDateTime(end.AddDays(random.Next(20, 120))), manager, cancellationToken);
                if (goalId is { } id && random.Next(2) == 0)
                {
                    var goal = db.ChangeTracker.Entries<Goal>().Single(e => e.Entity.Id == id).Entity;
                    goal.Status = state is TrajectoryState.Closed ? GoalStatus.Achieved : GoalStatus.Open;
                }
            }
        }

        for (var n = 0; n < random.Next(2, 7); n++)
        {
            var at = start.AddDays((end - start).TotalDays * random.NextDouble());
            var restricted = intake.VictimStatus == VictimStatus.Yes && n == 0;
            await journal.AddAsync(client, trajectory, restricted ? ContactKind.FaceToFace : (ContactKind)random.Next(1, 7), at,
                restricted ? JournalVisibility.CaseManagerAndAuthor : JournalVisibility.Team,
                restricted ? "Gesprek over de situatie bij de vorige werkgever; signalen van uitbuiting besproken." : Notes[random.Next(Notes.Length)],
                restricted && staff.TryGetValue("zorgcoordinator@baken.example", out var coordinator) ? coordinator : manager, cancellationToken);
        }

        if (state is TrajectoryState.Active or TrajectoryState.Intake or TrajectoryState.Aftercare)
        {
            var taskId = Guid.CreateVersion7();
            db.Add(new Agenda.FollowUpTask
            {
                Id = taskId,
                TrajectoryId = trajectory.Id,
                ClientId = client.Id,
                Text = (await crypto.EncryptAsync(client.Id, Agenda.FollowUpTask.Table, nameof(Agenda.FollowUpTask.Text), taskId,
                    "Afspraak maken bij de woningcorporatie", cancellationToken))!,
                OwnerUserId = manager,
                DueDate = DateOnly.FromDateTime(now.AddDays(random.Next(-10, 20))),
                CreatedAtUtc = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        // Walk the states with dated transitions, then move every date of this trajectory into the past.
        var moments = path.Select((_, index) => start.AddDays((end - start).TotalDays * (index + 1) / (path.Length + 1))).ToList();
        var previous = TrajectoryState.Registered;
        for (var step = 0; step < path.Length; step++)
        {
            var to = path[step];
            db.Add(new TrajectoryTransition
            {
                TrajectoryId = trajectory.Id,
                ClientId = client.Id,
                From = previous,
                To = to,
                Outcome = to == TrajectoryState.Closed ? (ClosureOutcome)random.Next(1, 11) : null,
                AtUtc = step == path.Length - 1 && to is TrajectoryState.Closed or TrajectoryState.DroppedOut ? end : moments[step],
                ByUserId = manager,
            });
            previous = to;
        }

        var stored = await db.Set<Trajectory>().SingleAsync(t => t.Id == trajectory.Id, cancellationToken);
        db.Entry(stored).Property(t => t.CreatedAtUtc).CurrentValue = start;
        stored.State = state;
        stored.StateChangedAtUtc = path.Length == 0 ? start : state is TrajectoryState.Closed or TrajectoryState.DroppedOut ? end : moments[^1];
        if (state is TrajectoryState.Closed or TrajectoryState.DroppedOut)
        {
            stored.ClosedAtUtc = end;
            stored.Outcome = state == TrajectoryState.Closed ? ClosureOutcome.PaidWork : null;
        }

        // Its statistical episode moves with it, as if the steps had been taken on those days.
        if (await facts.OpenEpisodeAsync(stored, cancellationToken) is { } episode)
        {
            db.Entry(episode).Property(e => e.StartedOn).CurrentValue = DateOnly.FromDateTime(start);
            if (state is TrajectoryState.Closed or TrajectoryState.DroppedOut)
            {
                episode.EndedOn = DateOnly.FromDateTime(end);
                episode.EndState = state;
                episode.Outcome = stored.Outcome;
            }
        }

        await db.Set<TrajectoryTransition>().Where(x => x.TrajectoryId == trajectory.Id && x.From == null)
            .ExecuteUpdateAsync(x => x.SetProperty(y => y.AtUtc, start), cancellationToken);
        await db.Set<ClientTeamMember>().Where(m => m.ClientId == client.Id)
            .ExecuteUpdateAsync(m => m.SetProperty(y => y.FromUtc, start), cancellationToken);
        await db.Set<Client>().Where(c => c.Id == client.Id)
            .ExecuteUpdateAsync(c => c.SetProperty(y => y.LastActivityAtUtc, end), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
