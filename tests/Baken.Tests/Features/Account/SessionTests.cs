using System.Net;
using Baken.Features.Admin;
using Microsoft.Extensions.Time.Testing;

namespace Baken.Tests.Features.Account;

/// <summary>Session limits and second-factor enforcement, on apps with a clock the test controls.</summary>
public sealed class SessionTests
{
    private static async Task<(BakenAppFactory App, FakeTimeProvider Time)> StartAsync(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var app = new BakenAppFactory(provider, time: time);
        app.StartServer();
        await Task.CompletedTask;
        return (app, time);
    }

    [Theory]
    [Databases]
    public async Task A_session_ends_after_thirty_idle_minutes_and_after_ten_hours_in_all(DatabaseProvider provider)
    {
        var (app, time) = await StartAsync(provider);
        await using var _ = app;
        var user = await app.CreateUserAsync(Roles.Casemanager);

        using (var idle = app.NewClient())
        {
            await idle.SignInAsync(user);
            time.Advance(TimeSpan.FromMinutes(29));
            (await idle.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
            time.Advance(TimeSpan.FromMinutes(31));
            var expired = await idle.GetAsync("/");
            expired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            expired.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        }

        using var busy = app.NewClient();
        await busy.SignInAsync(user);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(9.5); elapsed += TimeSpan.FromMinutes(20))
        {
            time.Advance(TimeSpan.FromMinutes(20));
            (await busy.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, $"still within the absolute limit after {elapsed}");
        }

        time.Advance(TimeSpan.FromMinutes(45));
        var ended = await busy.GetAsync("/");
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ended.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Theory]
    [Databases]
    public async Task A_user_without_a_second_factor_must_enrol_before_anything_else(DatabaseProvider provider)
    {
        var (app, time) = await StartAsync(provider);
        await using var _ = app;
        var user = await app.CreateUserAsync(Roles.Beheerder, withTotp: false);
        using var client = app.NewClient();

        var login = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = StaffBuilder.Password,
        });
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        foreach (var url in new[] { "/", "/Admin/Users", "/Account/Reauthenticate" })
        {
            var blocked = await client.GetAsync(url);
            blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            blocked.Headers.Location!.OriginalString.ShouldBe("/Account/EnrolAuthenticator", customMessage: url);
        }

        var (_, enrolPage) = await client.GetPageAsync("/Account/EnrolAuthenticator");
        var secret = enrolPage.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        enrolPage.QuerySelector("img.baken-qr")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");

        var wrong = await client.SubmitAsync("/Account/EnrolAuthenticator", new Dictionary<string, string> { ["Input.Code"] = "12345" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        BakenClient.TextOf(await BakenClient.ReadAsync(wrong), "#error-summary").ShouldNotBeEmpty();

        var enrolled = await client.SubmitAsync("/Account/EnrolAuthenticator", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(secret, time.GetUtcNow()) });
        enrolled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BakenClient.ReadAsync(enrolled)).QuerySelectorAll(".baken-codes code").Length.ShouldBe(10);
        (await client.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stored = await app.FindUserAsync(user.Id);
        stored.TwoFactorEnabled.ShouldBeTrue();
        (await app.QueryAsync(db => Task.FromResult(db.AuditEvents.Count(a => a.Action == "SecondFactorEnrolled" && a.TargetId == user.Id)))).ShouldBe(1);
    }
}
