using System.Net;
using System.Text.Json;
using Baken.Features.Admin;

namespace Baken.Tests.Features.Account;

/// <summary>The server side of passkeys; the full ceremony with an authenticator runs in the browser suite.</summary>
public sealed class PasskeyEndpointTests(SharedApps apps)
{
    private static async Task<HttpResponseMessage> PostWithTokenAsync(BakenClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var (_, page) = await client.GetPageAsync(pageUrl);
        fields["__RequestVerificationToken"] = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.Http.PostAsync(new Uri(postUrl, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [Theory]
    [Databases]
    public async Task The_login_page_hands_out_passkey_request_options_with_a_fresh_challenge(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        var first = await PostWithTokenAsync(client, "/Account/Login", "/Account/Login?handler=PasskeyOptions", []);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var options = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var challenge = options.RootElement.GetProperty("challenge").GetString();
        challenge.ShouldNotBeNullOrEmpty();

        var second = await PostWithTokenAsync(client, "/Account/Login", "/Account/Login?handler=PasskeyOptions", []);
        using var again = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        again.RootElement.GetProperty("challenge").GetString().ShouldNotBe(challenge);
    }

    [Theory]
    [Databases]
    public async Task A_forged_passkey_answer_is_refused_with_a_message(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        var withoutCeremony = await PostWithTokenAsync(client, "/Account/Login", "/Account/Login?handler=Passkey",
            new() { ["credentialJson"] = """{"id":"AAAA","type":"public-key"}""" });
        withoutCeremony.StatusCode.ShouldBe(HttpStatusCode.OK);
        await PostWithTokenAsync(client, "/Account/Login", "/Account/Login?handler=PasskeyOptions", []);
        var forged = await PostWithTokenAsync(client, "/Account/Login", "/Account/Login?handler=Passkey",
            new() { ["credentialJson"] = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{}}""" });
        forged.StatusCode.ShouldBe(HttpStatusCode.OK);
        BakenClient.TextOf(await BakenClient.ReadAsync(forged), "#error-summary").ShouldContain("passkey");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "still signed out");

        await client.SignInAsync(await app.CreateUserAsync(Roles.Casemanager));
        var notAdded = await PostWithTokenAsync(client, "/Account/Passkeys", "/Account/Passkeys?handler=Add",
            new() { ["credentialJson"] = "{}", ["name"] = "Nep" });
        notAdded.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BakenClient.ReadAsync(notAdded)).QuerySelector("#error-summary").ShouldNotBeNull();
    }

    [Theory]
    [Databases]
    public async Task Creation_options_name_the_signed_in_user_and_this_site(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var user = await app.CreateUserAsync(Roles.Jobcoach);
        using var client = app.NewClient();
        await client.SignInAsync(user);
        var response = await PostWithTokenAsync(client, "/Account/Passkeys", "/Account/Passkeys?handler=CreationOptions", []);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        options.RootElement.GetProperty("rp").GetProperty("id").GetString().ShouldBe("localhost");
        options.RootElement.GetProperty("user").GetProperty("name").GetString().ShouldBe(user.Email);
    }
}
