using System.Net;
using Baken.Features.Rules;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Portal;

/// <summary>
/// Issue 6: public pages set no cookie except antiforgery on a form. Every page of the public areas (found from the
/// app's own endpoints, so a new page is covered without editing this test) in Dutch, English and a language
/// without texts yet. (The reporter's session cookie is set only after a visitor posts their receipt code: see
/// ADR 17 and the Contact tests.)
/// </summary>
public sealed class PublicCookieTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task Every_public_page_sets_no_cookie_except_antiforgery_and_only_when_it_has_a_form(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var slug = await app.QueryAsync(db => db.Set<RulePage>().OrderBy(p => p.SortOrder).Select(p => p.Slug).FirstAsync());
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Where(path => Baken.Infrastructure.Web.PublicPaths.IsPublic(path) && !path.EndsWith("/Index", StringComparison.Ordinal))
            .Select(path => path.Replace("{slug}", slug, StringComparison.Ordinal))
            .Distinct()
            .Order()
            .ToList();
        pages.ShouldContain("/Portal/Help");
        pages.ShouldContain("/Portal/Rules/Check");
        pages.ShouldAllBe(path => !path.Contains('{'), "a public page with a route value this test cannot fill in: add it above");

        var failures = new List<string>();
        foreach (var prefix in new[] { string.Empty, "/en", "/es" })
        {
            foreach (var path in pages.Where(p => p != "/Contact/Leave"))
            {
                using var visitor = app.NewClient();
                var (response, page) = await visitor.GetPageAsync(prefix + path);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{prefix}{path}: {(int)response.StatusCode}");
                    continue;
                }

                var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
                var hasPostForm = page.QuerySelectorAll("form").Any(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase));
                // Removing a cookie (the reporter's session ends when the code form shows) sets nothing.
                foreach (var cookie in cookies.Where(c => !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)))
                {
                    if (!cookie.Contains("baken-af", StringComparison.Ordinal))
                    {
                        failures.Add($"{prefix}{path} sets {cookie.Split('=')[0]}");
                    }
                    else if (!hasPostForm)
                    {
                        failures.Add($"{prefix}{path} sets the antiforgery cookie without a form");
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
    }
}
