using System.Net;
using Baken.Features.Contact;
using Baken.Features.Retention;
using Baken.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Baken.Tests.Features.Contact;

/// <summary>The channel's limits, each on an app of its own: a flood of posts, and the retention of closed reports.</summary>
public sealed class AnonymousChannelLimitsTests
{
    [Theory]
    [Databases]
    public async Task A_flood_of_posts_from_one_address_gets_429_with_a_friendly_public_page_and_stores_nothing_more(DatabaseProvider provider)
    {
        await using var app = ContactApps.Create(provider, "203.0.113.9", new Dictionary<string, string?>
        {
            ["Baken:AnonymousChannel:SendsPerHour"] = "3",
            ["Baken:AnonymousChannel:OpensPer15Minutes"] = "2",
        });
        app.StartServer();
        await app.CreateUserAsync(Baken.Features.Admin.Roles.Veldwerker);
        using var client = app.NewClient();

        for (var i = 1; i <= 3; i++)
        {
            (await client.ReportAsync($"Bericht {i}")).ShouldNotBeNullOrEmpty();
        }

        var (flooded, page) = await client.SendReportAsync("Bericht 4");
        flooded.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        page.QuerySelector("#too-many").ShouldNotBeNull("a friendly page, not an empty answer");
        page.QuerySelector("#quick-exit").ShouldNotBeNull("the public layout, with its quick-exit button");
        page.QuerySelector(".baken-nav").ShouldBeNull();
        (await app.QueryAsync(db => db.Set<AnonymousReport>().CountAsync())).ShouldBe(3);

        // Opening has a budget of its own; the public pages themselves are never limited.
        (await client.OpenAsync("AAAA-AAAA-AAAA-AAAA-AAAA")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.OpenAsync("AAAA-AAAA-AAAA-AAAA-AAAA")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (refused, refusedPage) = await client.OpenAsync("AAAA-AAAA-AAAA-AAAA-AAAA");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refusedPage.QuerySelector("#too-many").ShouldNotBeNull();
        (await client.GetAsync("/Contact")).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Logs.All.ShouldNotContain("203.0.113.9");
    }

    [Theory]
    [Databases]
    public async Task The_retention_sweep_erases_a_report_closed_more_than_90_days_ago_and_keeps_a_recent_one(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = ContactApps.Create(provider, "203.0.113.10", new Dictionary<string, string?>(), time);
        app.StartServer();
        await app.CreateUserAsync(Baken.Features.Admin.Roles.Veldwerker);
        using var client = app.NewClient();
        var oldCode = await client.ReportAsync("Een oude vraag.");
        var recentCode = await client.ReportAsync("Een recente vraag.");

        async Task<Guid> CloseAsync(string code)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            var report = await db.Set<AnonymousReport>().SingleAsync(r => r.Locator == code.Substring(0, 4));
            await scope.ServiceProvider.GetRequiredService<AnonymousReports>().CloseAsync(report, close: true, CancellationToken.None);
            return report.Id;
        }

        var old = await CloseAsync(oldCode);
        time.Advance(TimeSpan.FromDays(80));
        var recent = await CloseAsync(recentCode);
        time.Advance(TimeSpan.FromDays(11));

        var result = await app.Services.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None);

        result.Failed.ShouldBe(0);
        result.RecordsErased.ShouldBe(1);
        (await app.QueryAsync(db => db.Set<AnonymousReport>().AnyAsync(r => r.Id == old))).ShouldBeFalse();
        (await app.QueryAsync(db => db.Set<ReportMessage>().AnyAsync(m => m.ReportId == old))).ShouldBeFalse();
        (await app.QueryAsync(db => db.Set<ClientKey>().AnyAsync(k => k.ClientId == old))).ShouldBeFalse("the report's key is shredded");
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == old && e.Action == RecordErasure.RetentionExpired))).ShouldBeTrue();
        (await app.QueryAsync(db => db.Set<AnonymousReport>().AnyAsync(r => r.Id == recent))).ShouldBeTrue("closed 11 days ago: kept");
        (await client.OpenAsync(oldCode)).Page.QuerySelector("#Code-error").ShouldNotBeNull("an erased report opens no more");
        (await client.OpenAsync(recentCode)).Page.QuerySelector("#closed").ShouldNotBeNull();
    }

    [Theory]
    [Databases]
    public async Task A_report_nobody_closed_is_erased_180_days_after_its_last_message(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = ContactApps.Create(provider, "203.0.113.11", new Dictionary<string, string?>(), time);
        app.StartServer();
        await app.CreateUserAsync(Baken.Features.Admin.Roles.Veldwerker);
        using var client = app.NewClient();
        var idleCode = await client.ReportAsync("Een vraag waarop de melder nooit terugkwam.");
        time.Advance(TimeSpan.FromDays(100));
        var activeCode = await client.ReportAsync("Een vraag van later.");
        time.Advance(TimeSpan.FromDays(81));

        var result = await app.Services.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None);

        result.RecordsErased.ShouldBe(1);
        (await app.QueryAsync(db => db.Set<AnonymousReport>().AnyAsync(r => r.Locator == idleCode.Substring(0, 4)))).ShouldBeFalse("181 days without a message");
        (await app.QueryAsync(db => db.Set<AnonymousReport>().AnyAsync(r => r.Locator == activeCode.Substring(0, 4)))).ShouldBeTrue("81 days: kept");
    }
}

public sealed class ChannelAddressKeyTests
{
    [Theory]
    [InlineData("198.51.100.7", "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Addresses_are_limited_per_ipv4_address_and_per_ipv6_64_prefix(string address, string key) =>
        Baken.Features.Contact.ContactRegistration.AddressKey(System.Net.IPAddress.Parse(address)).ShouldBe(key);
}
