using System.Globalization;
using Baken.Bench;
using Baken.Bench.Copy;
using Baken.Bench.Generation;
using Baken.Bench.Reports;
using Baken.Features.Journal;
using Baken.Features.Reporting;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.ProcessingLog;
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
        Assert.SkipWhen(TestDatabase.PostgresServer is null && !TestDatabase.InCi,
            $"PostgreSQL suite skipped: set {TestDatabase.PostgresVariable} to a connection string (see README).");
        await using var sqliteDatabase = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var postgresDatabase = TestDatabase.Create(DatabaseProvider.Postgres);
        var source = new BenchDatabase(DatabaseProvider.Sqlite, null, sqliteDatabase.DataDirectory);
        var target = new BenchDatabase(DatabaseProvider.Postgres, postgresDatabase.ConnectionString, postgresDatabase.DataDirectory);
        await DataGenerator.RunAsync(source, Scale.Tiny, TextWriter.Null);
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
        File.Exists(Path.Combine(postgresDatabase.DataDirectory, "baken.db")).ShouldBeFalse();

        await using var sqliteApp = BenchHost.Build(source, new BenchClock());
        await using var postgresApp = BenchHost.Build(target, new BenchClock());
        await using var sqliteScope = sqliteApp.Services.CreateAsyncScope();
        await using var postgresScope = postgresApp.Services.CreateAsyncScope();
        var sqlite = sqliteScope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var postgres = postgresScope.ServiceProvider.GetRequiredService<BakenDbContext>();

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
        var opened = await postgresScope.ServiceProvider.GetRequiredService<ClientCrypto>().DecryptAsync(copied.ClientId, JournalEntry.Table, nameof(JournalEntry.Text), copied.Id, copied.Text);
        opened.ShouldBe(await sqliteScope.ServiceProvider.GetRequiredService<ClientCrypto>().DecryptAsync(entry.ClientId, JournalEntry.Table, nameof(JournalEntry.Text), entry.Id, entry.Text));
        opened.ShouldNotBeNullOrWhiteSpace("a text the generator wrote, readable again");

        var log = await postgresScope.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
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
