using Baken.Infrastructure;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.ProcessingLog;

/// <summary>The processing log is append-only: verify-log notices any change, removal or reordering.</summary>
public sealed class ProcessingLogTests
{
    private static async Task<BakenAppFactory> StartAsync(DatabaseProvider provider)
    {
        var app = new BakenAppFactory(provider, demo: false);
        app.StartServer();
        await Task.CompletedTask;
        return app;
    }

    private static async Task WriteAsync(BakenAppFactory app, int count, int perSave = 250)
    {
        for (var written = 0; written < count; written += perSave)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var log = scope.ServiceProvider.GetRequiredService<ProcessingLogWriter>();
            for (var i = written; i < Math.Min(count, written + perSave); i++)
            {
                log.Record(ProcessingActivities.CaseManagement, "ClientFileViewed", Guid.CreateVersion7());
            }

            await scope.ServiceProvider.GetRequiredService<BakenDbContext>().SaveChangesAsync();
        }
    }

    private static async Task<(int ExitCode, string Output)> VerifyLogAsync(BakenAppFactory app)
    {
        using var output = new StringWriter();
        var exitCode = await BakenCommands.VerifyLogAsync(app.Services, output);
        return (exitCode, output.ToString());
    }

    private static async Task ShouldBeIntactAsync(BakenAppFactory app, int entries)
    {
        var (exitCode, output) = await VerifyLogAsync(app);
        exitCode.ShouldBe(0, output);
        output.ShouldContain($"{entries} entries");
    }

    private static Task<int> TamperAsync(BakenAppFactory app, FormattableString sql) =>
        app.QueryAsync(db => db.Database.ExecuteSqlAsync(sql));

    [Theory]
    [Databases]
    public async Task Verify_log_passes_on_an_untouched_log_after_thousands_of_entries(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await WriteAsync(app, 2500);

        var (exitCode, output) = await VerifyLogAsync(app);
        exitCode.ShouldBe(0, output);
        output.ShouldContain("2500 entries");
        (await app.QueryAsync(db => db.Set<ProcessingLogCheckpoint>().CountAsync())).ShouldBe(2);
    }

    [Theory]
    [Databases]
    public async Task A_changed_entry_is_detected_and_named(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await WriteAsync(app, 20);
        await TamperAsync(app, $"UPDATE \"ProcessingLogEntries\" SET \"Action\" = 'Nothing to see' WHERE \"Sequence\" = 7");

        var (exitCode, output) = await VerifyLogAsync(app);
        exitCode.ShouldBe(1);
        output.ShouldContain("entry 7 was changed");
    }

    [Theory]
    [Databases]
    public async Task A_deleted_entry_is_detected_and_named(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await WriteAsync(app, 20);
        await TamperAsync(app, $"DELETE FROM \"ProcessingLogEntries\" WHERE \"Sequence\" = 5");

        var (exitCode, output) = await VerifyLogAsync(app);
        exitCode.ShouldBe(1);
        output.ShouldContain("entry 5 is missing");
    }

    [Theory]
    [Databases]
    public async Task Swapped_entries_are_detected(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await WriteAsync(app, 20);
        await TamperAsync(app, $"UPDATE \"ProcessingLogEntries\" SET \"Sequence\" = -1 WHERE \"Sequence\" = 3");
        await TamperAsync(app, $"UPDATE \"ProcessingLogEntries\" SET \"Sequence\" = 3 WHERE \"Sequence\" = 4");
        await TamperAsync(app, $"UPDATE \"ProcessingLogEntries\" SET \"Sequence\" = 4 WHERE \"Sequence\" = -1");

        var (exitCode, output) = await VerifyLogAsync(app);
        exitCode.ShouldBe(1);
        output.ShouldContain("entry 3");
    }

    [Theory]
    [Databases]
    public async Task Removing_entries_from_the_end_is_detected(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await WriteAsync(app, 20);
        await TamperAsync(app, $"DELETE FROM \"ProcessingLogEntries\" WHERE \"Sequence\" > 18");

        var (exitCode, output) = await VerifyLogAsync(app);
        exitCode.ShouldBe(1);
        output.ShouldContain("signed head says 20");
    }

    [Theory]
    [Databases]
    public async Task A_rewritten_head_without_the_signing_key_is_detected(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await WriteAsync(app, 20);
        var hash18 = await app.QueryAsync(db => db.ProcessingLog.Where(e => e.Sequence == 18).Select(e => e.Hash).SingleAsync());
        await TamperAsync(app, $"DELETE FROM \"ProcessingLogEntries\" WHERE \"Sequence\" > 18");
        await TamperAsync(app, $"UPDATE \"ProcessingLogHead\" SET \"LastSequence\" = 18, \"LastHash\" = {hash18}");

        var (exitCode, output) = await VerifyLogAsync(app);
        exitCode.ShouldBe(1);
        output.ShouldContain("signature");
    }

    [Theory]
    [Databases]
    public async Task Concurrent_writers_keep_one_unbroken_chain(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => WriteAsync(app, 20, perSave: 4))));

        await ShouldBeIntactAsync(app, 160);
    }

    [Theory]
    [Databases]
    public async Task A_failed_save_leaves_no_entry_and_no_gap(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await WriteAsync(app, 3);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            scope.ServiceProvider.GetRequiredService<ProcessingLogWriter>().Record(ProcessingActivities.CaseManagement, "ClientChanged", Guid.CreateVersion7());
            db.Organisations.Add(new Baken.Features.Admin.Organisation { Name = new string('x', 10), Kind = (Baken.Features.Admin.OrganisationKind)1 });
            db.Organisations.Add(new Baken.Features.Admin.Organisation { Name = new string('x', 10), Kind = (Baken.Features.Admin.OrganisationKind)1 });
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await WriteAsync(app, 2);
        var (exitCode, output) = await VerifyLogAsync(app);
        exitCode.ShouldBe(0, output);
        output.ShouldContain("5 entries");
    }

    [Theory]
    [Databases]
    public async Task Reads_that_arrive_together_share_a_commit_and_each_returns_once_its_entry_is_saved(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await WriteAsync(app, 1);
        var writesBefore = await app.QueryAsync(db => db.Set<ProcessingLogHead>().Select(h => h.Writes).SingleAsync());

        // Sixteen units of work that only read: each records one entry and saves outside a transaction.
        async Task ReadAsync()
        {
            var subject = Guid.CreateVersion7();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<ProcessingLogWriter>().Record(ProcessingActivities.CaseManagement, "ClientFileViewed", subject);
                await scope.ServiceProvider.GetRequiredService<BakenDbContext>().SaveChangesAsync();
            }

            (await app.QueryAsync(db => db.Set<ProcessingLogEntry>().CountAsync(e => e.SubjectId == subject))).ShouldBe(1, "saved before SaveChanges returned");
        }

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => ReadAsync()));

        var writes = await app.QueryAsync(db => db.Set<ProcessingLogHead>().Select(h => h.Writes).SingleAsync()) - writesBefore;
        writes.ShouldBeLessThan(16, "the head was locked once per group commit, not once per read");
        await ShouldBeIntactAsync(app, 17);
    }

    [Theory]
    [Databases]
    public async Task An_entry_that_cannot_be_saved_fails_only_its_own_request(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);

        async Task SaveAsync(Guid activity)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            db.Add(new ProcessingLogEntry
            {
                TraceId = new string('a', 32),
                SpanId = new string('b', 16),
                Action = "ClientFileViewed",
                ProcessingActivityId = activity,
                SubjectId = Guid.CreateVersion7(),
                StartedAtUtc = DateTime.UtcNow,
                EndedAtUtc = DateTime.UtcNow,
                Status = ProcessingStatus.Succeeded,
                PreviousHash = string.Empty,
                Hash = string.Empty,
            });
            await db.SaveChangesAsync();
        }

        // An entry for an activity that does not exist breaks its foreign key, in whatever group it was saved with.
        var known = ProcessingActivities.Register.First(a => a.Code == ProcessingActivities.CaseManagement).Id;
        var good = Enumerable.Range(0, 6).Select(_ => SaveAsync(known)).ToList();
        var bad = SaveAsync(Guid.CreateVersion7());
        good.AddRange(Enumerable.Range(0, 6).Select(_ => SaveAsync(known)));

        await Should.ThrowAsync<DbUpdateException>(() => bad);
        await Task.WhenAll(good);
        await ShouldBeIntactAsync(app, 12);
    }
}
