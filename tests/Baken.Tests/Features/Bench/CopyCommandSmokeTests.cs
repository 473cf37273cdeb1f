using System.Globalization;
using Baken.Bench;
using Baken.Bench.Copy;
using Baken.Bench.Generation;
using Baken.Bench.Reports;
using Baken.Features.Journal;
using Baken.Features.Reporting;
using Baken.Features.Reporting.Facts;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Bench;

/// <summary>
/// The benchmark's <c>copy</c> at the tiny scale: a dataset generated on SQLite, copied into a new PostgreSQL
/// database, must come out as the same rows read through the app's model on both sides, with texts that open
/// under the copied keys, a processing log whose chain and signature still verify, and the same report figures.
/// PostgreSQL only: skipped with the reason without <c>BAKEN_TEST_POSTGRES</c>, except under CI=true.
/// </summary>
public sealed class CopyCommandSmokeTests
{
    [Fact]
    public async Task A_tiny_SQLite_dataset_copies_into_PostgreSQL_as_the_same_rows_that_decrypt_verify_and_report_alike()
    {
        await using var databases = await TinyDatasetAsync();
        var (source, target) = (databases.Source, databases.Target);
        int claim;
        await using (var generated = BenchHost.Build(source, new BenchClock()))
        await using (var scope = generated.Services.CreateAsyncScope())
        {
            // The generator fills neither a table with an identity column nor one with a JSON document: a claim
            // and a passkey give each a row to carry over.
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            var user = await db.Users.Select(u => u.Id).FirstAsync();
            var added = db.UserClaims.Add(new IdentityUserClaim<Guid> { UserId = user, ClaimType = "bench", ClaimValue = "copy" });
            db.UserPasskeys.Add(new IdentityUserPasskey<Guid> { CredentialId = [1, 2, 3], UserId = user, Data = Passkey() });
            await db.SaveChangesAsync();
            claim = added.Entity.Id;
        }

        var result = await CopyCommand.CopyAsync(source, target, TextWriter.Null, CancellationToken.None);

        result.Mismatches.ShouldBeEmpty();
        result.Rows.ShouldBe(result.Tables.Sum(t => t.Source));
        // Every planned note, plus one for each accepted intake request.
        result.Tables.Single(t => t.Table == "JournalEntries").Target.ShouldBeGreaterThan(Scale.Tiny.Trajectories * Scale.Tiny.JournalEntriesPerTrajectory);
        result.Seeded.ShouldContain(s => s.StartsWith("LifeDomains", StringComparison.Ordinal));
        File.Exists(Path.Combine(target.DataDirectory, "baken.db")).ShouldBeFalse();

        await using var apps = new BothApps(source, target);
        var (sqlite, postgres) = (apps.Sqlite, apps.Postgres);

        // Every entity type, every property (shadow and owned ones too), read back through EF on both sides. A
        // difference is reported by type and property name only: the rows hold (synthetic) personal data.
        foreach (var type in postgres.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType))
        {
            var expected = await RowsAsync(sqlite, type.ClrType);
            var actual = await RowsAsync(postgres, type.ClrType);
            actual.Count.ShouldBe(expected.Count, type.ShortName());
            var differing = expected.Zip(actual).SelectMany(pair => pair.First.Zip(pair.Second).Where(v => v.First != v.Second).Select(v => v.First.Split('=')[0]));
            differing.FirstOrDefault().ShouldBeNull($"{type.ShortName()}: a value differs");
        }

        // A journal text opens under the copied keys as it does at the source.
        var entry = await sqlite.Set<JournalEntry>().AsNoTracking().OrderBy(e => e.Id).FirstAsync();
        var copied = await postgres.Set<JournalEntry>().AsNoTracking().SingleAsync(e => e.Id == entry.Id);
        var opened = await apps.PostgresServices.GetRequiredService<ClientCrypto>().DecryptAsync(copied.ClientId, JournalEntry.Table, nameof(JournalEntry.Text), copied.Id, copied.Text);
        opened.ShouldBe(await apps.SqliteServices.GetRequiredService<ClientCrypto>().DecryptAsync(entry.ClientId, JournalEntry.Table, nameof(JournalEntry.Text), entry.Id, entry.Text));
        opened.ShouldNotBeNullOrWhiteSpace("a text the generator wrote, readable again");

        var log = await apps.PostgresServices.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
        log.Intact.ShouldBeTrue(log.Message);

        var period = ReportPeriod.OfYear(2025);
        var before = await ReportCommand.MeasureAsync(source, "sqlite", period, organisation: null, runs: 1, CancellationToken.None);
        var after = await ReportCommand.MeasureAsync(target, "postgres", period, organisation: null, runs: 1, CancellationToken.None);
        after.Reports.Select(r => (r.Kind, r.Tables, r.SuppressedCells, r.FirstTotal)).ShouldBe(before.Reports.Select(r => (r.Kind, r.Tables, r.SuppressedCells, r.FirstTotal)));

        // The identity sequence goes on after the copied numbers, and the passkey's JSON document is the one the
        // app writes on PostgreSQL (the providers write bytes and times differently).
        var owner = await postgres.Users.Select(u => u.Id).FirstAsync();
        var next = postgres.UserClaims.Add(new IdentityUserClaim<Guid> { UserId = owner, ClaimType = "bench", ClaimValue = "after" });
        postgres.UserPasskeys.Add(new IdentityUserPasskey<Guid> { CredentialId = [4, 5, 6], UserId = owner, Data = Passkey() });
        await postgres.SaveChangesAsync();
        next.Entity.Id.ShouldBe(claim + 1);
        (await postgres.Database.SqlQueryRaw<long>("SELECT count(DISTINCT \"Data\") AS \"Value\" FROM \"AspNetUserPasskeys\"").SingleAsync()).ShouldBe(1);

        // A second copy into the filled database is refused, with a message and a failing exit code.
        var output = new StringWriter();
        string[] args = ["copy", "--data", source.DataDirectory, "--to-data", target.DataDirectory, "--connection", target.ConnectionString!];
        (await CopyCommand.RunAsync(BenchArguments.Parse(args), output)).ShouldBe(1);
        output.ToString().ShouldContain("copy into an empty database");
    }

    [Fact]
    public async Task Tables_left_out_are_copied_empty_the_rest_whole_and_a_table_others_refer_to_cannot_be_left_out_alone()
    {
        await using var databases = await TinyDatasetAsync();
        var (source, target) = (databases.Source, databases.Target);
        string[] copy = ["copy", "--data", source.DataDirectory, "--to-data", target.DataDirectory, "--connection", target.ConnectionString!];

        // The log's actors point at its entries: the entries alone cannot go. Nor can a name the model lacks.
        var refused = new StringWriter();
        (await CopyCommand.RunAsync(BenchArguments.Parse([.. copy, "--leave-out", "ProcessingLogEntries"]), refused)).ShouldBe(1);
        refused.ToString().ShouldContain("ProcessingLogActors → ProcessingLogEntries");
        var unknown = new StringWriter();
        (await CopyCommand.RunAsync(BenchArguments.Parse([.. copy, "--leave-out", "Trajectories,NoSuchTable"]), unknown)).ShouldBe(1);
        unknown.ToString().ShouldContain("NoSuchTable is not a table of the model");

        var output = new StringWriter();
        (await CopyCommand.RunAsync(BenchArguments.Parse([.. copy, "--leave-out", "ProcessingLogEntries, ProcessingLogActors,DomainTrendFacts"]), output)).ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("Left out, copied empty: DomainTrendFacts (");
        output.ToString().ShouldContain("counts equal in every table");

        await using var apps = new BothApps(source, target);
        var (sqlite, postgres) = (apps.Sqlite, apps.Postgres);
        (await sqlite.ProcessingLog.CountAsync()).ShouldBeGreaterThan(0);
        (await sqlite.Set<DomainTrendFact>().CountAsync()).ShouldBeGreaterThan(0);
        (await postgres.ProcessingLog.CountAsync()).ShouldBe(0);
        (await postgres.Set<DomainTrendFact>().CountAsync()).ShouldBe(0);
        (await postgres.Set<Trajectory>().CountAsync()).ShouldBe(await sqlite.Set<Trajectory>().CountAsync());
        (await postgres.Set<JournalEntry>().CountAsync()).ShouldBe(await sqlite.Set<JournalEntry>().CountAsync());
        (await postgres.Set<ProcessingLogHead>().CountAsync()).ShouldBe(1);
    }

    /// <summary>A tiny dataset generated on SQLite, and an empty PostgreSQL database (with its key folder) for it.</summary>
    private static async Task<Databases> TinyDatasetAsync()
    {
        Assert.SkipWhen(TestDatabase.PostgresServer is null && !TestDatabase.InCi,
            $"PostgreSQL suite skipped: set {TestDatabase.PostgresVariable} to a connection string (see README).");
        var databases = new Databases(TestDatabase.Create(DatabaseProvider.Sqlite), TestDatabase.Create(DatabaseProvider.Postgres));
        try
        {
            await DataGenerator.RunAsync(databases.Source, Scale.Tiny, TextWriter.Null);
            return databases;
        }
        catch
        {
            await databases.DisposeAsync();
            throw;
        }
    }

    private sealed class Databases(TestDatabase sqlite, TestDatabase postgres) : IAsyncDisposable
    {
        public BenchDatabase Source { get; } = new(DatabaseProvider.Sqlite, null, sqlite.DataDirectory);

        public BenchDatabase Target { get; } = new(DatabaseProvider.Postgres, postgres.ConnectionString, postgres.DataDirectory);

        public async ValueTask DisposeAsync()
        {
            await sqlite.DisposeAsync();
            await postgres.DisposeAsync();
        }
    }

    /// <summary>The app's services on both sides of a copy, each in a scope of its own.</summary>
    private sealed class BothApps : IAsyncDisposable
    {
        private readonly WebApplication _sqliteApp;
        private readonly WebApplication _postgresApp;
        private readonly AsyncServiceScope _sqliteScope;
        private readonly AsyncServiceScope _postgresScope;

        public BothApps(BenchDatabase source, BenchDatabase target)
        {
            _sqliteApp = BenchHost.Build(source, new BenchClock());
            _postgresApp = BenchHost.Build(target, new BenchClock());
            _sqliteScope = _sqliteApp.Services.CreateAsyncScope();
            _postgresScope = _postgresApp.Services.CreateAsyncScope();
        }

        public IServiceProvider SqliteServices => _sqliteScope.ServiceProvider;

        public IServiceProvider PostgresServices => _postgresScope.ServiceProvider;

        public BakenDbContext Sqlite => SqliteServices.GetRequiredService<BakenDbContext>();

        public BakenDbContext Postgres => PostgresServices.GetRequiredService<BakenDbContext>();

        public async ValueTask DisposeAsync()
        {
            await _sqliteScope.DisposeAsync();
            await _postgresScope.DisposeAsync();
            await _sqliteApp.DisposeAsync();
            await _postgresApp.DisposeAsync();
        }
    }

    private static IdentityPasskeyData Passkey() => new()
    {
        PublicKey = [4, 5, 250],
        Name = "bench",
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 123, TimeSpan.FromHours(1)).AddTicks(4567),
        SignCount = 7,
        Transports = ["usb", "nfc"],
        IsUserVerified = true,
        AttestationObject = [9],
        ClientDataJson = [8],
    };

    /// <summary>
    /// The rows of one entity type, each as its "property=value" pairs (key first, so sorting pairs rows up), times
    /// to the microsecond PostgreSQL keeps.
    /// </summary>
    private static async Task<List<string[]>> RowsAsync(BakenDbContext db, Type type)
    {
        db.ChangeTracker.Clear();
        var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(db, null)!;
        var rows = (await set.ToListAsync()).Select(e => Values(db.Entry(e)).ToArray()).OrderBy(r => string.Join('\n', r), StringComparer.Ordinal).ToList();
        db.ChangeTracker.Clear();
        return rows;
    }

    private static IEnumerable<string> Values(EntityEntry entry) =>
        entry.Properties.Select(p => p.Metadata.Name + "=" + Format(p.CurrentValue))
            .Concat(entry.References.Where(r => r.Metadata.TargetEntityType.IsOwned())
                .SelectMany(r => r.TargetEntry is { } owned ? Values(owned).Select(v => r.Metadata.Name + "." + v) : [r.Metadata.Name + "=null"]));

    private static string Format(object? value) => value switch
    {
        null => "null",
        DateTime time => new DateTime(time.Ticks - (time.Ticks % 10)).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset moment => Format(moment.UtcDateTime),
        byte[] bytes => Convert.ToHexString(bytes),
        System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
