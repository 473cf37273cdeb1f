using System.Net;
using Baken.Features.Admin;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests;

/// <summary>
/// Every endpoint of the app, and what each kind of visitor gets from it. An endpoint without a row fails the
/// test, so nobody can add a page without deciding who may see it. "No access" must answer 404.
/// </summary>
public sealed class AuthorizationMatrixTests(SharedApps apps)
{
    private enum Outcome
    {
        Ok,
        NotFound,
        ToLogin,
        ToHome,
        ServerError,
    }

    private const string Anonymous = "anonymous";

    private static readonly string[] Visitors = [Anonymous, .. Roles.All];

    /// <summary>Expected outcome for anonymous visitors and for every role (signed in with both factors).</summary>
    private static readonly Dictionary<string, (Outcome Anonymous, Outcome SignedIn, Outcome Admin)> Matrix = new()
    {
        [""] = (Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        ["Account/Login"] = (Outcome.Ok, Outcome.ToHome, Outcome.ToHome),
        ["Account/LoginWith2fa"] = (Outcome.ToLogin, Outcome.ToLogin, Outcome.ToLogin),
        ["Account/LoginWithRecoveryCode"] = (Outcome.ToLogin, Outcome.ToLogin, Outcome.ToLogin),
        ["Account/EnrolAuthenticator"] = (Outcome.ToLogin, Outcome.ToHome, Outcome.ToHome),
        ["Account/Reauthenticate"] = (Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        ["Account/Passkeys"] = (Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        ["Account/Logout"] = (Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        ["Account/Language"] = (Outcome.ToHome, Outcome.ToHome, Outcome.ToHome),
        ["Setup/{token}"] = (Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        ["Error/{code:int?}"] = (Outcome.ServerError, Outcome.ServerError, Outcome.ServerError),
        ["health/live"] = (Outcome.Ok, Outcome.Ok, Outcome.Ok),
        ["health/ready"] = (Outcome.Ok, Outcome.Ok, Outcome.Ok),
        ["Admin/Users"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        ["Admin/Users/Index"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        ["Admin/Users/Create"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        ["Admin/Users/Edit/{id:guid}"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        ["Admin/Users/Deactivate/{id:guid}"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        ["Admin/Users/ResetSecondFactor/{id:guid}"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        ["Admin/Organisations"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        ["Admin/Organisations/Index"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        ["Admin/Organisations/Create"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        ["Admin/Organisations/Edit/{id:guid}"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        ["Admin/Audit"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        ["Admin/Audit/Index"] = (Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
    };

    [Fact]
    public void Every_endpoint_has_a_row_and_every_row_an_endpoint()
    {
        var patterns = EndpointPatterns(apps.For(DatabaseProvider.Sqlite));
        patterns.Except(Matrix.Keys).ShouldBeEmpty("endpoints without a row in the authorization matrix");
        Matrix.Keys.Except(patterns).ShouldBeEmpty("matrix rows for endpoints that no longer exist");
    }

    [Theory]
    [Databases]
    public async Task Every_endpoint_answers_every_visitor_as_the_matrix_says(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var someUser = await app.QueryAsync(db => db.Users.Select(u => u.Id).FirstAsync());
        var someOrganisation = await app.QueryAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        var failures = new List<string>();
        foreach (var visitor in Visitors)
        {
            using var client = app.NewClient();
            if (visitor != Anonymous)
            {
                await client.SignInAsync(await app.CreateUserAsync(visitor));
            }

            foreach (var (pattern, expected) in Matrix)
            {
                var url = "/" + pattern
                    .Replace("{id:guid}", (pattern.Contains("Organisations", StringComparison.Ordinal) ? someOrganisation : someUser).ToString(), StringComparison.Ordinal)
                    .Replace("{token}", "no-such-token", StringComparison.Ordinal)
                    .Replace("{code:int?}", string.Empty, StringComparison.Ordinal);
                var want = visitor == Anonymous ? expected.Anonymous : visitor == Roles.Beheerder ? expected.Admin : expected.SignedIn;
                var got = Classify(await client.GetAsync(url));
                if (got != want)
                {
                    failures.Add($"{visitor} GET {url}: expected {want}, got {got}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    private static Outcome? Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        var path = location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Ok,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.InternalServerError => Outcome.ServerError,
            HttpStatusCode.Redirect when path == "/Account/Login" => Outcome.ToLogin,
            HttpStatusCode.Redirect when path == "/" => Outcome.ToHome,
            _ => null,
        };
    }

    private static List<string> EndpointPatterns(BakenAppFactory app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.Trim('/'))
            .Distinct()];
}
