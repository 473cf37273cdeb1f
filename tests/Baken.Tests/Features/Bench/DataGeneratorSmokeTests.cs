using Baken.Bench;
using Baken.Bench.Generation;
using Baken.Bench.Reports;
using Baken.Features.Clients;
using Baken.Features.Intake;
using Baken.Features.Journal;
using Baken.Features.Outreach;
using Baken.Features.Referrals;
using Baken.Features.Reporting;
using Baken.Features.Reporting.Facts;
using Baken.Features.ServiceDirectory;
using Baken.Features.Signals;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Bench;

/// <summary>
/// The benchmark data generator at its tiny scale (seconds), so CI proves it still builds what the app would
/// have written: histories the app accepts, texts encrypted under each client's key, an intact processing log.
/// </summary>
public sealed class DataGeneratorSmokeTests
{
    [Theory]
    [Databases]
    public async Task The_tiny_scale_replays_through_the_app_with_encrypted_texts_and_an_intact_processing_log(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Create(provider);
        var bench = new BenchDatabase(provider, database.ConnectionString, database.DataDirectory);

        var result = await DataGenerator.RunAsync(bench, Scale.Tiny, TextWriter.Null);

        result.Trajectories.ShouldBe(Scale.Tiny.Trajectories);
        await using var app = BenchHost.Build(bench, new BenchClock());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        (await db.Set<Trajectory>().CountAsync()).ShouldBe(Scale.Tiny.Trajectories);
        (await db.Set<Client>().CountAsync()).ShouldBe(result.Clients);
        // Every referral in that was taken on put the referrer's words in the new trajectory's journal.
        var takenOn = await db.Set<IntakeRequest>().CountAsync(r => r.Status == IntakeStatus.Accepted);
        (await db.Set<JournalEntry>().CountAsync()).ShouldBe((Scale.Tiny.Trajectories * Scale.Tiny.JournalEntriesPerTrajectory) + takenOn);
        (await db.Set<OutreachContact>().CountAsync()).ShouldBe(Scale.Tiny.OutreachContacts);
        (await db.Set<Baken.Features.Reporting.Facts.OutreachTally>().SumAsync(t => t.Count)).ShouldBe(Scale.Tiny.OutreachContacts, "the contacts are counted in the monthly tallies");

        // Open and closed trajectories both exist, and every closed one went through its states in the app.
        var states = await db.Set<Trajectory>().GroupBy(t => t.State).Select(g => g.Key).ToListAsync();
        states.ShouldContain(TrajectoryState.Active);
        states.ShouldContain(TrajectoryState.Closed);
        (await db.Set<Trajectory>().CountAsync(t => t.State == TrajectoryState.Closed && t.Outcome == null)).ShouldBe(0);

        // A journal text is ciphertext in the database and opens with its client's key.
        // (A trajectory taken on from a referral in starts with the referrer's words instead.)
        var entry = await db.Set<JournalEntry>().AsNoTracking()
            .FirstAsync(e => db.Set<Trajectory>().Any(t => t.Id == e.TrajectoryId && t.ReferringOrganisationId == null));
        System.Text.Encoding.UTF8.GetString(entry.Text).ShouldNotContain("Gesprek");
        var crypto = scope.ServiceProvider.GetRequiredService<ClientCrypto>();
        (await crypto.DecryptAsync(entry.ClientId, JournalEntry.Table, nameof(JournalEntry.Text), entry.Id, entry.Text))!.ShouldStartWith("Gesprek over ");

        var log = await scope.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
        log.Intact.ShouldBeTrue(log.Message);
        log.Entries.ShouldBeGreaterThan(Scale.Tiny.Trajectories * Scale.Tiny.JournalEntriesPerTrajectory);

        // Signals went through the app's whole course: raised, triaged, handed over after a second colleague's
        // approval, closed; some are about a client. Their description is ciphertext under the signal's own key.
        var signals = db.Set<Signal>();
        (await signals.CountAsync()).ShouldBeGreaterThan(50);
        (await signals.CountAsync(s => s.TriagedAtUtc != null)).ShouldBeGreaterThan(await signals.CountAsync() / 2);
        (await signals.CountAsync(s => s.Status == SignalStatus.Closed)).ShouldBeGreaterThan(0);
        (await signals.CountAsync(s => s.ClientId != null)).ShouldBeGreaterThan(0);
        var handovers = await db.Set<SignalHandover>().AsNoTracking().Where(h => h.Decision == HandoverDecision.Approved).ToListAsync();
        handovers.ShouldNotBeEmpty();
        handovers.ShouldAllBe(h => h.DecidedByUserId != null && h.DecidedByUserId != h.RequestedByUserId);
        (await signals.CountAsync(s => s.Status == SignalStatus.HandedOver || s.CloseReason == SignalCloseReason.HandedOverAndDone)).ShouldBe(handovers.Count);
        var signal = await signals.AsNoTracking().FirstAsync();
        (await crypto.DecryptAsync(signal.Id, Signal.Table, nameof(Signal.Description), signal.Id, signal.Description))!.ShouldContain(": ");

        // Referrals out to partners of several kinds, moved on to several statuses, each with its consent; referrals in
        // taken on (with the client they made) and not taken on.
        var referrals = db.Set<Referral>();
        (await referrals.CountAsync()).ShouldBeGreaterThan(100);
        (await referrals.Select(r => r.Status).Distinct().CountAsync()).ShouldBe(Enum.GetValues<ReferralStatus>().Length);
        (await referrals.Select(r => r.RecipientType).Distinct().CountAsync()).ShouldBeGreaterThan(4);
        (await referrals.CountAsync(r => r.ConsentId == null)).ShouldBe(0);
        var letter = await referrals.AsNoTracking().FirstAsync();
        (await crypto.DecryptAsync(letter.ClientId, Referral.Table, nameof(Referral.Letter), letter.Id, letter.Letter))!.ShouldNotBeNullOrWhiteSpace();
        takenOn.ShouldBeGreaterThan(0);
        (await db.Set<IntakeRequest>().CountAsync(r => r.Status == IntakeStatus.Accepted && r.ClientId == null)).ShouldBe(0);
        (await db.Set<IntakeRequest>().CountAsync(r => r.Status == IntakeStatus.NotTakenOn)).ShouldBeGreaterThan(0);
        (await db.Set<Trajectory>().CountAsync(t => t.ReferringOrganisationId != null)).ShouldBe(takenOn);

        // The statistics facts the signal and referral figures count were written by the records.
        (await db.Set<EventFact>().Select(f => f.Kind).Distinct().ToListAsync()).Order().ShouldBe(Enum.GetValues<EventFactKind>());
        (await db.Set<EventFact>().CountAsync(f => f.Kind == EventFactKind.SignalRaised)).ShouldBe(await signals.CountAsync());
        (await db.Set<EventFact>().CountAsync(f => f.Kind == EventFactKind.SignalHandedOver)).ShouldBe(handovers.Count);
        (await db.Set<EventFact>().CountAsync(f => f.Kind == EventFactKind.ReferralOut)).ShouldBe(await referrals.CountAsync());
        (await db.Set<EventFact>().CountAsync(f => f.Kind == EventFactKind.ReferralIn)).ShouldBe(await db.Set<IntakeRequest>().CountAsync());

        // Trends compare each assessment with the trajectory's first, which the replay saves first, as the app does:
        // otherwise every assessment would count as a first one and no trend would be written.
        var trends = await db.Set<DomainTrendFact>().Select(f => f.Trend).Distinct().ToListAsync();
        trends.ShouldContain(Trend.Improving);
        trends.ShouldContain(Trend.Declining);

        // The report benchmark runs the figures page's code over the dataset and finds people in last year's figures.
        var run = await ReportCommand.MeasureAsync(bench, "tiny", ReportPeriod.OfYear(2025), organisation: null, runs: 1, CancellationToken.None);
        run.Reports.Select(r => r.Kind).ShouldBe(Enum.GetValues<ReportTableKind>());
        var exit = run.Reports.Single(r => r.Kind == ReportTableKind.ExitProgramme);
        exit.Tables.ShouldBeGreaterThan(5);
        int.Parse(exit.FirstTotal.Split(": ")[1].Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(10);
        run.AnnualMedianMs.ShouldBeGreaterThan(0);

        // Generating again into a filled database is refused rather than mixed in.
        await Should.ThrowAsync<InvalidOperationException>(() => DataGenerator.RunAsync(bench, Scale.Tiny, TextWriter.Null));
    }

    [Theory]
    [Databases]
    public async Task A_stopped_run_goes_on_where_it_left_off_and_ends_with_the_histories_of_an_unbroken_one(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Create(provider);
        var bench = new BenchDatabase(provider, database.ConnectionString, database.DataDirectory);

        // Stopped as soon as the first batch of clients is saved: the second batch's transaction is rolled back.
        using var stop = new CancellationTokenSource();
        var stopped = await Should.ThrowAsync<Exception>(() => DataGenerator.RunAsync(bench, Scale.Tiny, new StopOnProgress(stop), cancellationToken: stop.Token));
        stopped.ShouldBeAssignableTo<OperationCanceledException>();
        var checkpoint = GenerationCheckpoint.Read(bench.DataDirectory).ShouldNotBeNull();
        await using (var app = BenchHost.Build(bench, new BenchClock()))
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            (await db.Set<Client>().CountAsync()).ShouldBe(50, "one whole batch, nothing of the next");
        }

        var output = new StringWriter();
        var result = await DataGenerator.RunAsync(bench, Scale.Tiny, output);
        output.ToString().ShouldContain("Going on after 50 clients");

        // The trajectories are the ones an unbroken run plans from the same seed: the skipped histories were planned
        // again, not planned anew, and none was saved twice.
        var planner = new HistoryPlanner(Scale.Tiny, checkpoint.Regions, new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc), DataGenerator.DefaultSeed);
        // Compared to the microsecond, PostgreSQL's precision.
        static long Micro(DateTime t) => t.Ticks / 10;
        var planned = new List<(TrajectoryType, long)>();
        while (planned.Count < Scale.Tiny.Trajectories)
        {
            planned.AddRange(planner.Plan(Scale.Tiny.Trajectories - planned.Count).Trajectories.Select(t => (t.Type, Micro(t.StartedAtUtc))));
        }

        await using var after = BenchHost.Build(bench, new BenchClock());
        await using var afterScope = after.Services.CreateAsyncScope();
        var saved = afterScope.ServiceProvider.GetRequiredService<BakenDbContext>();
        result.Trajectories.ShouldBe(Scale.Tiny.Trajectories);
        var rows = await saved.Set<Trajectory>().Select(t => new { t.Type, t.CreatedAtUtc }).ToListAsync();
        rows.Select(t => (t.Type, Micro(t.CreatedAtUtc))).Order().ShouldBe(planned.Order());
        (await saved.Set<Client>().CountAsync()).ShouldBe(result.Clients);
        var log = await afterScope.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
        log.Intact.ShouldBeTrue(log.Message);
        (await saved.Set<Signal>().CountAsync()).ShouldBeGreaterThan(50, "the phases after the trajectories ran once, in the run that went on");
    }

    /// <summary>Cancels the run at the first progress line that shows trajectories saved.</summary>
    private sealed class StopOnProgress(CancellationTokenSource stop) : StringWriter
    {
        public override void Write(string? value)
        {
            if (value is not null && value.Contains("trajectories   [", StringComparison.Ordinal))
            {
                stop.Cancel();
            }
        }
    }

    [Fact]
    public void The_same_seed_plans_the_same_histories()
    {
        var regions = new[] { FixedRegion(1), FixedRegion(2) };
        var now = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        var first = new HistoryPlanner(Scale.Tiny, regions, now, seed: 7);
        var second = new HistoryPlanner(Scale.Tiny, regions, now, seed: 7);
        var other = new HistoryPlanner(Scale.Tiny, regions, now, seed: 8);

        static string Describe(ClientHistory h) =>
            $"{h.CaseManager} {h.RegisteredAtUtc:O} {h.Level} {h.Identity.Alias} " + string.Join('|', h.Trajectories.Select(t =>
                $"{t.Type} {t.StartedAtUtc:O} {t.Steps.Count} {string.Join(',', t.Team.Select(m => m.Role))} {t.Steps[^1]}"));

        var a = Enumerable.Range(0, 20).Select(_ => Describe(first.Plan(100))).ToList();
        var b = Enumerable.Range(0, 20).Select(_ => Describe(second.Plan(100))).ToList();
        var c = Enumerable.Range(0, 20).Select(_ => Describe(other.Plan(100))).ToList();
        b.ShouldBe(a);
        c.ShouldNotBe(a);
    }

    [Fact]
    public void The_same_seed_plans_the_same_events_and_leaves_the_histories_as_they_were()
    {
        var regions = new[] { FixedRegion(1) };
        var now = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        string[] keys = [PartnerNetwork.Police, PartnerNetwork.Trafficking, PartnerNetwork.Health, PartnerNetwork.Return, PartnerNetwork.Support,
            PartnerNetwork.Housing, PartnerNetwork.Debt, PartnerNetwork.Work];
        var partners = new PartnerNetwork([.. keys.Select((k, i) => new Partner(k, PartnerType.Other, k, new Guid(i + 1, 0, 0, new byte[8]), [Guid.NewGuid(), Guid.NewGuid()], Guid.NewGuid()))]);

        static string Describe(ClientHistory h) =>
            $"{h.Arrival?.Partner} {h.Arrival?.ReceivedAtUtc:O} " + string.Join('|', h.Trajectories.Select(t =>
                $"{t.Steps.Count} {string.Join(',', t.Consents.Select(c => c.Partner))} {string.Join(',', t.Steps.OfType<ReferralSent>().Select(r => $"{r.Partner}{r.AtUtc:O}"))}"));

        List<string> Plan(int seed)
        {
            var histories = new HistoryPlanner(Scale.Tiny, regions, now, seed);
            var events = new EventPlanner(Scale.Tiny, regions, partners, now, seed);
            var planned = Enumerable.Range(0, 40).Select(_ => Describe(events.Plan(histories.Plan(100)))).ToList();
            planned.AddRange(events.PlanSignals(40).Select(s => $"{s.RaisedAtUtc:O} {s.Category} {s.ClientNumber} {s.Steps.Count}"));
            return planned;
        }

        Plan(7).ShouldBe(Plan(7));
        Plan(8).ShouldNotBe(Plan(7));

        // The events draw from their own sequence: the histories come out as they do without them.
        static string Plain(ClientHistory h) =>
            $"{h.CaseManager} {h.RegisteredAtUtc:O} {h.Level} {h.Identity.Alias} " + string.Join('|', h.Trajectories.Select(t =>
                $"{t.Type} {t.StartedAtUtc:O} {string.Join(',', t.Steps)} {string.Join(',', t.Team.Select(m => m.UserId))}"));

        var alone = new HistoryPlanner(Scale.Tiny, regions, now, seed: 7);
        var beside = new HistoryPlanner(Scale.Tiny, regions, now, seed: 7);
        var events = new EventPlanner(Scale.Tiny, regions, partners, now, seed: 7);
        for (var i = 0; i < 20; i++)
        {
            var plain = alone.Plan(100);
            var planned = beside.Plan(100);
            events.Plan(planned);
            Plain(planned).ShouldBe(Plain(plain));
        }
    }

    private static Region FixedRegion(int number)
    {
        Guid Id(int role, int i) => new(number, (short)role, (short)i, [0, 0, 0, 0, 0, 0, 0, 1]);
        var specialists = new Dictionary<TeamRole, IReadOnlyList<Guid>>();
        foreach (var role in new[] { TeamRole.Zorgcoordinator, TeamRole.Woonbegeleider, TeamRole.Jobcoach, TeamRole.Veldwerker })
        {
            specialists[role] = [.. Enumerable.Range(1, 3).Select(i => Id((int)role, i))];
        }

        return new Region(number, Id(100, 0), Id(101, 0), [.. Enumerable.Range(1, 5).Select(i => Id(1, i))], specialists, specialists[TeamRole.Veldwerker], Id(102, 0),
            [Id(103, 1), Id(103, 2)]);
    }
}
