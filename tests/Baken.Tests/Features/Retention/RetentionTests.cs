using System.Net;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Retention;
using Baken.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Baken.Tests.Features.Retention;

public sealed class RetentionTests(SharedApps apps)
{
    private static async Task AgeAsync(BakenAppFactory app, Guid clientId, DateTime lastActivityAtUtc, DateTime? keepUntilUtc = null, bool restricted = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var client = await db.Set<Client>().SingleAsync(c => c.Id == clientId);
        client.LastActivityAtUtc = lastActivityAtUtc;
        client.KeepUntilUtc = keepUntilUtc;
        client.RestrictedAtUtc = restricted ? DateTime.UtcNow : null;
        await db.SaveChangesAsync();
    }

    private static Task<bool> ExistsAsync(BakenAppFactory app, Guid clientId) =>
        app.QueryAsync(db => db.Set<Client>().AnyAsync(c => c.Id == clientId));

    [Theory]
    [Databases]
    public async Task The_retention_job_erases_expired_files_through_the_erasure_path_and_leaves_the_rest(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.QueryAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        var now = DateTime.UtcNow;
        var (oldFile, _) = await app.CreateClientAsync(organisation, new ClientIdentity { Alias = "Oud dossier", ContactChannel = "phone", ContactValue = "0600000001" });
        var (oldAnonymous, _) = await app.CreateClientAsync(organisation, new ClientIdentity { Alias = "Oud anoniem" }, IdentityLevel.Anonymous);
        var (recentFile, _) = await app.CreateClientAsync(organisation);
        var (keptFile, _) = await app.CreateClientAsync(organisation);
        var (restrictedFile, _) = await app.CreateClientAsync(organisation);
        await AgeAsync(app, oldFile, now.AddMonths(-25));
        await AgeAsync(app, oldAnonymous, now.AddMonths(-13));
        await AgeAsync(app, recentFile, now.AddMonths(-13));
        await AgeAsync(app, keptFile, now.AddMonths(-25), keepUntilUtc: now.AddDays(10));
        await AgeAsync(app, restrictedFile, now.AddMonths(-25), restricted: true);

        var result = await app.Services.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None);

        result.Erased.ShouldBeGreaterThanOrEqualTo(2);
        result.Failed.ShouldBe(0);
        foreach (var erased in new[] { oldFile, oldAnonymous })
        {
            (await ExistsAsync(app, erased)).ShouldBeFalse();
            (await app.QueryAsync(db => db.Set<ClientKey>().AnyAsync(k => k.ClientId == erased))).ShouldBeFalse("the data key is shredded");
            (await app.QueryAsync(db => db.Set<BlindIndexEntry>().AnyAsync(e => e.ClientId == erased))).ShouldBeFalse();
            var entry = await app.QueryAsync(db => db.ProcessingLog.SingleAsync(e => e.SubjectId == erased && e.Action == ClientErasure.RetentionExpired));
            entry.Actor.UserId.ShouldBeNull("the system erased it, not a person");
            (await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.TargetId == erased && a.Action == ClientErasure.RetentionExpired))).ShouldBeTrue();
        }

        (await ExistsAsync(app, recentFile)).ShouldBeTrue("a pseudonymous file is kept 24 months");
        (await ExistsAsync(app, keptFile)).ShouldBeTrue("a case manager chose to keep it longer");
        (await ExistsAsync(app, restrictedFile)).ShouldBeTrue("a restricted file is frozen, not erased");
    }

    [Theory]
    [Databases]
    public async Task The_expiring_soon_list_shows_files_in_the_window_and_keeping_longer_needs_a_later_date_and_a_reason(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var organisation = (await app.FindUserAsync(manager.Id)).OrganisationId;
        var now = DateTime.UtcNow;
        var (soon, soonCode) = await app.CreateClientAsync(organisation, new ClientIdentity { Alias = "Bijna verlopen" }, teamMember: manager.Id);
        var (fresh, freshCode) = await app.CreateClientAsync(organisation, new ClientIdentity { Alias = "Net begonnen" }, teamMember: manager.Id);
        await AgeAsync(app, soon, now.AddMonths(-24).AddDays(20));
        using var client = app.NewClient();
        await client.SignInAsync(manager);

        var (response, list) = await client.GetPageAsync("/Retention");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var table = list.QuerySelector("tbody")!.TextContent;
        table.ShouldContain(soonCode);
        table.ShouldContain("Bijna verlopen");
        table.ShouldNotContain(freshCode);

        var keep = $"/Clients/{soon}/KeepLonger";
        var refused = await BakenClient.ReadAsync(await client.SubmitAsync(keep, new Dictionary<string, string>
        {
            ["Input.Until"] = string.Empty,
            ["Input.Reason"] = "kort",
        }));
        refused.QuerySelector("#Input_Until-error").ShouldNotBeNull();
        refused.QuerySelector("#Input_Reason-error").ShouldNotBeNull();
        refused.QuerySelector("#Input_Reason")!.TextContent.ShouldBe("kort", "what was typed is kept");

        var tooLate = await BakenClient.ReadAsync(await client.SubmitAsync(keep, new Dictionary<string, string>
        {
            ["Input.Until"] = DateOnly.FromDateTime(now.AddMonths(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Reason"] = "Lopende aangifte, dossier nodig voor de rechtszaak",
        }));
        tooLate.QuerySelector("#Input_Until-error").ShouldNotBeNull();

        var until = DateOnly.FromDateTime(now.AddMonths(6));
        var kept = await client.SubmitAsync(keep, new Dictionary<string, string>
        {
            ["Input.Until"] = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Reason"] = "Lopende aangifte, dossier nodig voor de rechtszaak",
        });
        kept.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.QueryAsync(db => db.Set<Client>().AsNoTracking().SingleAsync(c => c.Id == soon));
        stored.KeepUntilUtc.ShouldNotBeNull();
        DateOnly.FromDateTime(stored.KeepUntilUtc.Value).ShouldBeInRange(until.AddDays(-1), until);
        System.Text.Encoding.UTF8.GetString(stored.KeepReason!).ShouldNotContain("aangifte");
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.TargetId == soon && a.Action == "RetentionExtended"))).ShouldBeTrue();
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == soon && e.Action == "RetentionExtended"))).ShouldBeTrue();

        var (_, after) = await client.GetPageAsync("/Retention");
        (after.QuerySelector("tbody")?.TextContent ?? string.Empty).ShouldNotContain(soonCode);
        var (_, file) = await client.GetPageAsync(kept.Headers.Location!.OriginalString);
        file.QuerySelector("[role=status]")!.TextContent.ShouldNotBeEmpty();
        var (_, keepPage) = await client.GetPageAsync(keep);
        keepPage.QuerySelector("main")!.TextContent.ShouldContain("Lopende aangifte");
        (await ExistsAsync(app, fresh)).ShouldBeTrue();
    }

    [Theory]
    [Databases]
    public async Task The_daily_job_runs_at_three_at_night_by_the_clock(DatabaseProvider provider)
    {
        var start = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        await using var app = new BakenAppFactory(provider, time: time, settings: new Dictionary<string, string?> { ["Baken:Retention:Enabled"] = "true" });
        var organisation = await app.QueryAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        var (expired, _) = await app.CreateClientAsync(organisation);
        await AgeAsync(app, expired, start.UtcDateTime.AddMonths(-25));

        time.Advance(TimeSpan.FromHours(12));
        (await ExistsAsync(app, expired)).ShouldBeTrue("it is not three o'clock yet");
        time.Advance(TimeSpan.FromHours(2));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await ExistsAsync(app, expired) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await ExistsAsync(app, expired)).ShouldBeFalse("the job ran at 03:00 Amsterdam time");
    }

    [Fact]
    public void The_next_run_is_at_the_local_time_across_daylight_saving_changes()
    {
        var runAt = new TimeOnly(3, 0);
        RetentionWorker.NextRun(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), runAt)
            .ShouldBe(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), "winter: 03:00 CET is 02:00 UTC");
        RetentionWorker.NextRun(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero), runAt)
            .ShouldBe(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), "later the same night");
        RetentionWorker.NextRun(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), runAt)
            .ShouldBe(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), "the night summer time starts: 03:00 CEST is 01:00 UTC");
        RetentionWorker.NextRun(new DateTimeOffset(2026, 7, 1, 1, 0, 0, TimeSpan.Zero), runAt)
            .ShouldBe(new DateTimeOffset(2026, 7, 2, 1, 0, 0, TimeSpan.Zero), "03:00 CEST has just passed");
    }

    [Fact]
    public void Settings_out_of_range_are_refused()
    {
        new RetentionOptions().Problems().ShouldBeEmpty();
        new RetentionOptions { ClientFileMonths = 0 }.Problems().ShouldNotBeEmpty();
        new RetentionOptions { AnonymousClientMonths = 500 }.Problems().ShouldNotBeEmpty();
        new RetentionOptions { MaxKeepLongerMonths = 0 }.Problems().ShouldNotBeEmpty();
    }
}
