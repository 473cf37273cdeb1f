using System.Net;
using Baken.Features.Admin;

namespace Baken.Tests.Features.Operations;

public sealed class SecurityHeadersTests(SharedApps apps)
{
    private static void ShouldCarrySecurityHeaders(HttpResponseMessage response, string url)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : string.Empty;

        var csp = Header("Content-Security-Policy");
        csp.ShouldContain("default-src 'self'", customMessage: url);
        csp.ShouldContain("frame-ancestors 'none'", customMessage: url);
        csp.ShouldNotContain("unsafe-inline", customMessage: url);
        csp.ShouldNotContain("unsafe-eval", customMessage: url);
        Header("X-Content-Type-Options").ShouldBe("nosniff", url);
        Header("Referrer-Policy").ShouldBe("no-referrer", url);
        Header("Permissions-Policy").ShouldContain("camera=()", customMessage: url);
        Header("Strict-Transport-Security").ShouldStartWith("max-age=", customMessage: url);
        response.Headers.Contains("Server").ShouldBeFalse(url);
    }

    [Theory]
    [Databases]
    public async Task Every_kind_of_response_carries_the_security_headers(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        foreach (var url in new[] { "/Account/Login", "/css/site.css", "/lib/nl-design-system/voorbeeld-theme.css", "/no-such-page", "/health/ready", "/", "/Setup/not-a-token" })
        {
            ShouldCarrySecurityHeaders(await client.GetAsync(url), url);
        }
    }

    [Theory]
    [Databases]
    public async Task Pages_are_never_cached_but_static_files_may_be(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        foreach (var url in new[] { "/", "/Admin/Users", "/Account/Login" })
        {
            var response = await client.GetAsync(url);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue(url);
        }

        (await client.GetAsync("/css/site.css")).Headers.CacheControl?.NoStore.ShouldNotBe(true);
    }

    [Theory]
    [Databases]
    public async Task Pages_load_nothing_from_another_origin(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        var (_, login) = await client.GetPageAsync("/Account/Login");
        await client.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        var (_, users) = await client.GetPageAsync("/Admin/Users");
        foreach (var page in new[] { login, users })
        {
            var references = page.QuerySelectorAll("link[href], script[src], img[src], iframe[src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                .ToList();
            references.ShouldNotBeEmpty();
            references.ShouldAllBe(r => r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) || r.StartsWith("data:", StringComparison.Ordinal));
        }
    }

    [Theory]
    [Databases]
    public async Task Cookies_are_host_prefixed_http_only_and_strict(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        var user = await app.CreateUserAsync(Roles.Casemanager);
        var login = await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = StaffBuilder.Password });
        var code = await client.SubmitAsync(login.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(user.TotpSecret!) });
        var session = code.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-baken=", StringComparison.Ordinal));
        session.ShouldContain("secure", Case.Insensitive);
        session.ShouldContain("httponly", Case.Insensitive);
        session.ShouldContain("samesite=strict", Case.Insensitive);
        session.ShouldContain("path=/", Case.Insensitive);
        session.ShouldNotContain("domain=", Case.Insensitive);
    }

    [Theory]
    [Databases]
    public async Task A_form_post_without_a_valid_antiforgery_token_is_refused(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        var fields = new Dictionary<string, string> { ["Input.Email"] = "someone@test.example", ["Input.Password"] = "whatever password" };
        var missing = await client.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(fields));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        fields["__RequestVerificationToken"] = "forged-token";
        var forged = await client.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(fields));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [Databases]
    public async Task Health_endpoints_answer_without_signing_in(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Theory]
    [Databases]
    public async Task Unknown_pages_get_a_friendly_not_found_page(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        var anonymous = await client.GetAsync("/this/does/not/exist");
        anonymous.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login", "anonymous visitors learn nothing: every unknown or closed page asks to sign in");
        await client.SignInAsync(await app.CreateUserAsync(Roles.Jobcoach));
        var (response, page) = await client.GetPageAsync("/this/does/not/exist");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Pagina niet gevonden");
    }

    [Theory]
    [Databases]
    public async Task The_error_page_shows_an_error_id_and_no_technical_details(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        var (response, page) = await client.GetPageAsync("/Error");
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Er ging iets mis");
        page.QuerySelector("main code.baken-code")!.TextContent.Length.ShouldBe(32, "the W3C trace id, to quote to support");
        page.Body!.TextContent.ShouldNotContain("Exception");
        page.Body.TextContent.ShouldNotContain(" at ");
    }

    [Theory]
    [Databases]
    public async Task The_language_switch_shows_the_interface_in_english(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        var (_, dutch) = await client.GetPageAsync("/Account/Login");
        dutch.DocumentElement.GetAttribute("lang").ShouldBe("nl");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)dutch.QuerySelector("form[action='/Account/Language']")!;
        var switched = await client.SubmitAsync(form, "/Account/Login", new Dictionary<string, string>());
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, english) = await client.GetPageAsync(switched.Headers.Location!.OriginalString);
        english.DocumentElement.GetAttribute("lang").ShouldBe("en");
        english.QuerySelector("h1")!.TextContent.ShouldBe("Sign in");
    }
}
