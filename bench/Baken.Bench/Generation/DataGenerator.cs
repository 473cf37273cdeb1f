using System.Diagnostics;
using System.Globalization;
using Baken.Features.Clients;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Bench.Generation;

/// <summary>What a generation run made, and how long it took.</summary>
public sealed record GenerationResult(Scale Scale, int Clients, int Trajectories, long Rows, TimeSpan Elapsed);

/// <summary>
/// Builds a dataset of a <see cref="Scale"/> into an empty database: migrations as at start, organisations and
/// staff, client histories replayed through the app (<see cref="HistoryReplay"/>), then outreach tallies.
/// The seed fixes every choice, so the same scale gives the same people and dates on either database.
/// </summary>
public static class DataGenerator
{
    public const int DefaultSeed = 20261130;
    private const int ClientsPerBatch = 50;

    public static async Task<GenerationResult> RunAsync(BenchDatabase database, Scale scale, TextWriter output, int seed = DefaultSeed, CancellationToken cancellationToken = default)
    {
        var clock = new BenchClock();
        var nowUtc = DateTime.SpecifyKind(new DateTime(2026, 11, 1, 12, 0, 0), DateTimeKind.Utc);
        await using var app = BenchHost.Build(database, clock);
        var total = Stopwatch.StartNew();
        output.WriteLine($"Generating {scale} into {database.Provider}.");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await BlindIndex.EnsureKeyAsync(db, scope.ServiceProvider.GetRequiredService<IKeyEncryptionKeys>(), cancellationToken);
            if (await db.Users.AnyAsync(cancellationToken) || await db.Set<Client>().AnyAsync(cancellationToken))
            {
                throw new InvalidOperationException("The database already holds accounts or clients; generate into an empty database.");
            }
        }

        clock.Now = nowUtc.AddYears(-scale.Years).AddDays(-30);
        var regions = await StaffGenerator.CreateAsync(app.Services, scale, clock.Now.UtcDateTime, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Staff: {regions.Count} regions, {regions.Sum(r => r.CaseManagers.Count)} case managers ({total.Elapsed.TotalSeconds:N1} s)."));

        var planner = new HistoryPlanner(scale, regions, nowUtc, seed);
        var replay = new HistoryReplay(app.Services, clock);
        var progress = new Progress("trajectories", scale.Trajectories, output);
        var made = 0;
        var clients = 0;
        while (made < scale.Trajectories)
        {
            var batch = new List<ClientHistory>();
            while (batch.Count < ClientsPerBatch && made < scale.Trajectories)
            {
                var history = planner.Plan(scale.Trajectories - made);
                batch.Add(history);
                made += history.Trajectories.Count;
            }

            var rows = await replay.ReplayAsync(batch, cancellationToken);
            clients += batch.Count;
            progress.Report(made, rows);
        }

        progress.Finish();
        var rowsWritten = progress.Rows;
        if (scale.OutreachContacts > 0)
        {
            var outreach = new Progress("outreach", scale.OutreachContacts, output);
            await new OutreachGenerator(app.Services, scale, regions, nowUtc, seed).GenerateAsync(outreach, cancellationToken);
            outreach.Finish();
            rowsWritten += outreach.Rows;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BakenDbContext>().Database.ExecuteSqlRawAsync(
                "ANALYZE", cancellationToken);
        }

        var result = new GenerationResult(scale, clients, made, rowsWritten, total.Elapsed);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done: {clients:N0} clients, {made:N0} trajectories, {rowsWritten:N0} rows in {total.Elapsed:hh\\:mm\\:ss} ({rowsWritten / Math.Max(1, total.Elapsed.TotalSeconds):N0} rows/s)."));
        return result;
    }
}
