using Baken.Bench;
using Baken.Bench.Generation;
using Baken.Bench.Reports;
using Baken.Features.Clients;
using Baken.Features.Journal;
using Baken.Features.Outreach;
using Baken.Features.Reporting;
using Baken.Features.Reporting.Facts;
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
        (await db.Set<JournalEntry>().CountAsync()).ShouldBe(Scale.Tiny.Trajectories * Scale.Tiny.JournalEntriesPerTrajectory);
        (await db.Set<OutreachContact>().CountAsync()).ShouldBe(Scale.Tiny.OutreachContacts);

        // Open and closed trajectories both exist, and every closed one went through its states in the app.
        var states = await db.Set<Trajectory>().GroupBy(t => t.State).Select(g => g.Key).ToListAsync();
        states.ShouldContain(TrajectoryState.Active);
        states.ShouldContain(TrajectoryState.Closed);
        (await db.Set<Trajectory>().CountAsync(t => t.State == TrajectoryState.Closed && t.Outcome == null)).ShouldBe(0);

        // A journal text is ciphertext in the database and opens with its client's key.
        var entry = await db.Set<JournalEntry>().AsNoTracking().FirstAsync();
        System.Text.Encoding.UTF8.GetString(entry.Text).ShouldNotContain("Gesprek");
        var crypto = scope.ServiceProvider.GetRequiredService<ClientCrypto>();
        (await crypto.DecryptAsync(entry.ClientId, JournalEntry.Table, nameof(JournalEntry.Text), entry.Id, entry.Text))!.ShouldStartWith("Gesprek over ");

        var log = await scope.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
        log.Intact.ShouldBeTrue(log.Message);
        log.Entries.ShouldBeGreaterThan(Scale.Tiny.Trajectories * Scale.Tiny.JournalEntriesPerTrajectory);

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

    private static Region FixedRegion(int number)
    {
        Guid Id(int role, int i) => new(number, (short)role, (short)i, [0, 0, 0, 0, 0, 0, 0, 1]);
        var specialists = new Dictionary<TeamRole, IReadOnlyList<Guid>>();
        foreach (var role in new[] { TeamRole.Zorgcoordinator, TeamRole.Woonbegeleider, TeamRole.Jobcoach, TeamRole.Veldwerker })
        {
            specialists[role] = [.. Enumerable.Range(1, 3).Select(i => Id((int)role, i))];
        }

        return new Region(number, Id(100, 0), Id(101, 0), [.. Enumerable.Range(1, 5).Select(i => Id(1, i))], specialists, specialists[TeamRole.Veldwerker], Id(102, 0));
    }
}
