using System.Diagnostics;
using System.Globalization;
using Baken.Features.Clients;
using Baken.Features.Reporting.Facts;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Bench.Generation;

/// <summary>What a generation run made, and how long it took.</summary>
public sealed record GenerationResult(Scale Scale, int Clients, int Trajectories, long Rows, TimeSpan Elapsed);

/// <summary>
/// Builds a dataset of a <see cref="Scale"/> into an empty database: migrations as at start, organisations and
/// staff, the partner network, client histories replayed through the app (<see cref="HistoryReplay"/>, with the
/// referrals in and out that <see cref="EventPlanner"/> adds), signals and referrals in that were not taken on
/// (<see cref="EventReplay"/>), then outreach tallies. The seed fixes every choice, so the same scale gives the
/// same people and dates on either database.
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

        var checkpoint = GenerationCheckpoint.Read(database.DataDirectory);
        var clients = new List<Guid>(scale.Clients);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await BlindIndex.EnsureKeyAsync(db, scope.ServiceProvider.GetRequiredService<IKeyEncryptionKeys>(), cancellationToken);
            var started = await db.Users.AnyAsync(cancellationToken) || await db.Set<Client>().AnyAsync(cancellationToken);
            if (started && checkpoint is null)
            {
                throw new InvalidOperationException("The database already holds accounts or clients; generate into an empty database.");
            }

            if (checkpoint is not null && !started)
            {
                throw new InvalidOperationException($"{GenerationCheckpoint.PathIn(database.DataDirectory)} belongs to another database (this one is empty): remove it, or point --data at that run's directory.");
            }

            if (checkpoint is not null && (!string.Equals(checkpoint.Scale, scale.Name, StringComparison.Ordinal) || checkpoint.Seed != seed))
            {
                throw new InvalidOperationException($"The stopped run in this directory was scale {checkpoint.Scale} with seed {checkpoint.Seed}; go on with those, or start in an empty database and directory.");
            }

            if (checkpoint is not null)
            {
                clients.AddRange(await GenerationCheckpoint.MadeClientsAsync(database.DataDirectory, db, cancellationToken));
                if (await db.Set<Baken.Features.Signals.Signal>().AnyAsync(cancellationToken))
                {
                    throw new InvalidOperationException("The run in this directory got past its trajectories (signals are saved): only a run stopped in its trajectories can go on. Generate into an empty database and directory.");
                }
            }
        }

        IReadOnlyList<Region> regions;
        PartnerNetwork partners;
        if (checkpoint is null)
        {
            clock.Now = nowUtc.AddYears(-scale.Years).AddDays(-30);
            regions = await StaffGenerator.CreateAsync(app.Services, scale, clock.Now.UtcDateTime, cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Staff: {regions.Count} regions, {regions.Sum(r => r.CaseManagers.Count)} case managers ({total.Elapsed.TotalSeconds:N1} s)."));

            partners = await PartnerNetwork.CreateAsync(app.Services, clock, clock.Now.UtcDateTime, cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Partners: {partners.Partners.Count} organisations, {partners.Partners.Sum(p => p.Services.Count)} services ({total.Elapsed.TotalSeconds:N1} s)."));
            new GenerationCheckpoint(scale.Name, seed, regions, partners).Write(database.DataDirectory);
        }
        else
        {
            (regions, partners) = (checkpoint.Regions, checkpoint.Partners);
        }

        var planner = new HistoryPlanner(scale, regions, nowUtc, seed);
        var events = new EventPlanner(scale, regions, partners, nowUtc, seed);
        var replay = new HistoryReplay(app.Services, clock, partners);
        var made = 0;

        // Going on: plan (without saving) the histories already saved, so both planners' random sequences stand
        // where the stopped run left them.
        for (var skipped = 0; skipped < clients.Count; skipped++)
        {
            var history = planner.Plan(scale.Trajectories - made);
            events.Plan(history);
            made += history.Trajectories.Count;
        }

        if (clients.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Going on after {clients.Count:N0} clients and {made:N0} trajectories saved by the stopped run."));
        }

        var progress = new Progress("trajectories", scale.Trajectories, output, made);
        while (made < scale.Trajectories)
        {
            var batch = new List<ClientHistory>();
            while (batch.Count < ClientsPerBatch && made < scale.Trajectories)
            {
                var history = planner.Plan(scale.Trajectories - made);
                batch.Add(events.Plan(history));
                made += history.Trajectories.Count;
            }

            var (rows, ids) = await replay.ReplayAsync(batch, cancellationToken);
            clients.AddRange(ids);
            GenerationCheckpoint.Append(database.DataDirectory, ids);
            progress.Report(made, rows);
        }

        progress.Finish();
        var rowsWritten = progress.Rows;
        var eventReplay = new EventReplay(app.Services, clock, partners);
        var signals = events.PlanSignals(clients.Count);
        if (signals.Count > 0)
        {
            var signalProgress = new Progress("signals", signals.Count, output);
            await eventReplay.SignalsAsync(signals, clients, signalProgress, cancellationToken);
            signalProgress.Finish();
            rowsWritten += signalProgress.Rows;
        }

        var declined = events.PlanDeclined(clients.Count);
        if (declined.Count > 0)
        {
            var intakeProgress = new Progress("intake", declined.Count, output);
            await eventReplay.DeclinedAsync(declined, intakeProgress, cancellationToken);
            intakeProgress.Finish();
            rowsWritten += intakeProgress.Rows;
        }

        if (scale.OutreachContacts > 0)
        {
            var outreach = new Progress("outreach", scale.OutreachContacts, output);
            await new OutreachGenerator(app.Services, scale, regions, nowUtc, seed).GenerateAsync(outreach, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            await OutreachTallyRebuild.RecountAsync(scope.ServiceProvider.GetRequiredService<BakenDbContext>(), cancellationToken);
            outreach.Finish();
            rowsWritten += outreach.Rows;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BakenDbContext>().Database.ExecuteSqlRawAsync(
                "ANALYZE", cancellationToken);
        }

        var result = new GenerationResult(scale, clients.Count, made, rowsWritten, total.Elapsed);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done: {clients.Count:N0} clients, {made:N0} trajectories, {rowsWritten:N0} rows in {total.Elapsed:hh\\:mm\\:ss} ({rowsWritten / Math.Max(1, total.Elapsed.TotalSeconds):N0} rows/s)."));
        return result;
    }
}
