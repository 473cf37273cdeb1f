using System.Net;
using Baken.Features.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Setup;

public sealed class FirstRunTests
{
    private static Dictionary<string, string> SetupForm(string email, string password = "first administrator password") => new()
    {
        ["Input.OrganisationName"] = "Gemeente Teststad",
        ["Input.OrganisationKind"] = "Municipality",
        ["Input.DisplayName"] = "Eerste Beheerder",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Theory]
    [Databases]
    public async Task The_setup_link_creates_the_first_administrator_once_and_then_stops_working(DatabaseProvider provider)
    {
        await using var app = new BakenAppFactory(provider, demo: false);
        app.StartServer();
        (await app.QueryAsync(db => db.SetupTokens.CountAsync())).ShouldBe(1, "the start announces one setup link on an empty database");
        (TestContext.Current.TestOutputHelper?.Output ?? string.Empty).ShouldContain("/Setup/");
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            token = await scope.ServiceProvider.GetRequiredService<FirstRunService>().CreateTokenAsync(CancellationToken.None);
        }

        using var client = app.NewClient();
        (await client.GetAsync("/Setup/not-the-token")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var tooShort = await client.SubmitAsync($"/Setup/{token}", SetupForm("admin@test.example", "short"));
        tooShort.StatusCode.ShouldBe(HttpStatusCode.OK);
        var retry = await BakenClient.ReadAsync(tooShort);
        retry.QuerySelector("#Input_Password-error").ShouldNotBeNull();
        ((AngleSharp.Html.Dom.IHtmlInputElement)retry.QuerySelector("#Input_Email")!).Value.ShouldBe("admin@test.example", "what the user typed is kept");
        (await app.QueryAsync(db => db.Users.CountAsync())).ShouldBe(0);

        var done = await client.SubmitAsync($"/Setup/{token}", SetupForm("admin@test.example"));
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.OriginalString.ShouldStartWith("/Account/Login");
        (await app.QueryAsync(db => db.Users.CountAsync())).ShouldBe(1);
        (await app.QueryAsync(db => db.SetupTokens.CountAsync(t => t.UsedAtUtc == null))).ShouldBe(0);

        (await client.GetAsync($"/Setup/{token}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var again = await client.Http.PostAsync(new Uri($"/Setup/{token}", UriKind.Relative), new FormUrlEncodedContent(SetupForm("second@test.example")));
        again.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Users.CountAsync())).ShouldBe(1);

        var signIn = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@test.example",
            ["Input.Password"] = "first administrator password",
        });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).Headers.Location!.OriginalString.ShouldBe("/Account/EnrolAuthenticator");
    }

    [Theory]
    [Databases]
    public async Task Without_the_setup_link_nobody_can_sign_in_on_an_empty_database(DatabaseProvider provider)
    {
        await using var app = new BakenAppFactory(provider, demo: false);
        using var client = app.NewClient();
        var home = await client.GetAsync("/");
        home.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        (await app.QueryAsync(db => db.Users.CountAsync())).ShouldBe(0);
        (await client.GetAsync("/Setup/" + Guid.NewGuid().ToString("N"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
