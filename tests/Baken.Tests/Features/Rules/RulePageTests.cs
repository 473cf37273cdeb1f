using System.Net;
using Baken.Features.Admin;
using Baken.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Rules;

/// <summary>The public rule pages: the start pages in Dutch and English, the legal status, the language fallback, and no cookies.</summary>
public sealed class RulePageTests(SharedApps apps)
{
    private static readonly string[] Slugs = [RuleCheck.WithOperator, RuleCheck.AtHome, RuleCheck.EscortAndOnline, RuleCheck.NewLaw];

    private static void ShouldSetNoCookieButAntiforgery(HttpResponseMessage response)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        cookies.ShouldAllBe(c => c.Contains("baken-af", StringComparison.Ordinal), "no cookie but antiforgery");
    }

    [Theory]
    [Databases]
    public async Task The_start_pages_show_in_Dutch_and_in_English(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();

        var (response, overview) = await visitor.GetPageAsync("/Portal/Rules");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldSetNoCookieButAntiforgery(response);
        overview.QuerySelector("h1")!.TextContent.ShouldBe("Regels voor sekswerk in de stad");
        foreach (var slug in Slugs)
        {
            overview.QuerySelector($"#rule-{slug}").ShouldNotBeNull(slug);
        }

        overview.QuerySelector($"#rule-{RuleCheck.AtHome} h2")!.TextContent.Trim().ShouldBe("Zelfstandig thuiswerken");
        overview.QuerySelector("#quick-exit").ShouldNotBeNull();
        overview.QuerySelector("a#start-check")!.GetAttribute("href").ShouldBe("/Portal/Rules/Check");

        var (english, englishOverview) = await visitor.GetPageAsync("/en/Portal/Rules");
        english.StatusCode.ShouldBe(HttpStatusCode.OK);
        englishOverview.QuerySelector("h1")!.TextContent.ShouldBe("Rules for sex work in the city");
        englishOverview.QuerySelector($"#rule-{RuleCheck.AtHome} h2")!.TextContent.Trim().ShouldBe("Working independently from home");
        englishOverview.QuerySelector($"#rule-{RuleCheck.AtHome} h2 a")!.GetAttribute("href").ShouldBe($"/en/Portal/Rules/{RuleCheck.AtHome}");

        var (pageResponse, page) = await visitor.GetPageAsync($"/Portal/Rules/{RuleCheck.AtHome}");
        pageResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldSetNoCookieButAntiforgery(pageResponse);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Zelfstandig thuiswerken");
        page.QuerySelectorAll("h1").Length.ShouldBe(1, "the body's headings start at h2");
        page.QuerySelector("#rule-body h2").ShouldNotBeNull();
        page.QuerySelector("#rule-body blockquote")!.TextContent.ShouldContain("Voorbeeldtekst");
        page.QuerySelector("#rule-body")!.TextContent.ShouldContain("Vraag daarom altijd bij je eigen gemeente na");
        BakenClient.TextOf(page, "#rule-meta").ShouldContain("Laatst gecontroleerd op 30 november 2026");
        BakenClient.TextOf(page, "#rule-meta").ShouldContain("versie 1");
        page.QuerySelector("#rule-body a[href='/Portal/Rules/werken-met-exploitant']").ShouldNotBeNull();
        page.QuerySelector("#not-translated").ShouldBeNull();
        page.QuerySelector(".baken-rule-help a[href='/Portal/Services']").ShouldNotBeNull("every page ends with where to get help");
        page.QuerySelector(".baken-rule-help a[href='/Contact']").ShouldNotBeNull();

        var (_, englishPage) = await visitor.GetPageAsync($"/en/Portal/Rules/{RuleCheck.AtHome}");
        englishPage.QuerySelector("h1")!.TextContent.ShouldBe("Working independently from home");
        englishPage.QuerySelector("#rule-body a[href='/en/Portal/Rules/werken-met-exploitant']").ShouldNotBeNull("links in the text keep the language");
        englishPage.QuerySelector(".baken-rule-help a[href='/en/Portal/Services']").ShouldNotBeNull();
        BakenClient.TextOf(englishPage, "#rule-meta").ShouldContain("Last reviewed on");
    }

    [Theory]
    [Databases]
    public async Task The_new_law_is_marked_not_yet_in_force_with_its_status_date(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();

        var (_, overview) = await visitor.GetPageAsync("/Portal/Rules");
        BakenClient.TextOf(overview, $"#rule-{RuleCheck.NewLaw} .baken-rule-status").ShouldContain("Nog niet van kracht");
        BakenClient.TextOf(overview, $"#rule-{RuleCheck.NewLaw} .baken-rule-status").ShouldContain("stand van zaken op 30 november 2026");
        overview.QuerySelector($"#rule-{RuleCheck.AtHome} .baken-rule-status").ShouldBeNull("rules in force carry no warning in the overview");

        var (_, page) = await visitor.GetPageAsync($"/Portal/Rules/{RuleCheck.NewLaw}");
        var status = page.QuerySelector(".baken-rule-status")!;
        status.QuerySelector(".baken-badge")!.TextContent.ShouldBe("Nog niet van kracht");
        status.TextContent.ShouldContain("stand van zaken op 30 november 2026");
        page.QuerySelector("#rule-body")!.TextContent.ShouldContain("21 jaar");
        page.QuerySelector("#rule-body")!.TextContent.ShouldContain("landelijk register", Case.Insensitive);

        var (_, english) = await visitor.GetPageAsync($"/en/Portal/Rules/{RuleCheck.NewLaw}");
        english.QuerySelector(".baken-rule-status .baken-badge")!.TextContent.ShouldBe("Not yet in force");
        english.QuerySelector(".baken-rule-status")!.TextContent.ShouldContain("status as of 30 November 2026");

        var (_, inForce) = await visitor.GetPageAsync($"/Portal/Rules/{RuleCheck.WithOperator}");
        inForce.QuerySelector(".baken-rule-status .baken-badge")!.TextContent.ShouldBe("Geldt nu");
    }

    [Theory]
    [Databases]
    public async Task A_page_without_the_visitors_language_is_shown_in_English_with_a_note(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var slug = "alleen-engels-" + Guid.NewGuid().ToString("N")[..8];
        await app.QueryAsync(async db =>
        {
            db.Add(new RulePage
            {
                Slug = slug,
                Language = "en",
                Version = 1,
                SortOrder = 900,
                Title = "Only in English",
                Summary = "Not translated yet.",
                BodyMarkdown = "## Hello\n\nEnglish text.",
                LastReviewedOn = new DateOnly(2026, 11, 1),
                PublishedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        using var visitor = app.NewClient();

        var (response, page) = await visitor.GetPageAsync($"/Portal/Rules/{slug}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.DocumentElement.GetAttribute("lang").ShouldBe("nl");
        BakenClient.TextOf(page, "#not-translated").ShouldBe("Deze pagina is nog niet vertaald. Je leest hem in het Engels.");
        page.QuerySelector("h1")!.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("#rule-body")!.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("#rule-body")!.TextContent.ShouldContain("English text.");

        var (_, overview) = await visitor.GetPageAsync("/Portal/Rules");
        var card = overview.QuerySelector($"#rule-{slug}")!;
        card.QuerySelector("h2")!.GetAttribute("lang").ShouldBe("en");
        card.QuerySelector(".baken-rule-fallback").ShouldNotBeNull();
        overview.QuerySelector($"#rule-{RuleCheck.AtHome} .baken-rule-fallback").ShouldBeNull("the start pages exist in Dutch");

        // A language offered on the portal without any text of this page: English, and the note.
        var (_, spanish) = await visitor.GetPageAsync($"/es/Portal/Rules/{RuleCheck.AtHome}");
        spanish.QuerySelector("h1")!.TextContent.ShouldBe("Working independently from home");
        spanish.QuerySelector("#not-translated").ShouldNotBeNull();

        var (_, english) = await visitor.GetPageAsync($"/en/Portal/Rules/{slug}");
        english.QuerySelector("#not-translated").ShouldBeNull();
    }

    [Theory]
    [Databases]
    public async Task An_unknown_page_is_a_404_in_the_public_layout(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();

        foreach (var url in new[] { "/Portal/Rules/bestaat-niet", "/Portal/Rules/Not_A_Slug", "/en/Portal/Rules/bestaat-niet" })
        {
            var (response, page) = await visitor.GetPageAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            page.QuerySelector("#quick-exit").ShouldNotBeNull($"{url}: the public layout, with its quick exit");
            page.QuerySelector("nav.baken-nav").ShouldBeNull();
        }
    }

    [Theory]
    [Databases]
    public async Task Rule_page_management_is_only_for_the_Beheerder(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var manager = app.NewClient();
        await manager.SignInAsync(await app.CreateUserAsync(Roles.Casemanager));
        foreach (var url in new[] { "/Admin/RulePages", "/Admin/RulePages/Create", $"/Admin/RulePages/Details/{RuleCheck.AtHome}", $"/Admin/RulePages/Edit/{RuleCheck.AtHome}/nl" })
        {
            (await manager.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        using var admin = app.NewClient();
        await admin.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        var (list, page) = await admin.GetPageAsync("/Admin/RulePages");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector($"#row-{RuleCheck.NewLaw}")!.TextContent.ShouldContain("Nog niet van kracht");
        var (details, detailsPage) = await admin.GetPageAsync($"/Admin/RulePages/Details/{RuleCheck.AtHome}");
        details.StatusCode.ShouldBe(HttpStatusCode.OK);
        detailsPage.QuerySelectorAll("#current tbody tr").Select(r => r.Id).ShouldBe(["current-nl", "current-en"]);
        detailsPage.QuerySelectorAll("#missing-languages li").Length.ShouldBe(6);
        detailsPage.QuerySelector("#history tbody")!.TextContent.ShouldContain("Starttekst van Baken");
        (await admin.GetAsync("/Admin/RulePages/Details/bestaat-niet")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/Admin/RulePages/Edit/thuiswerken/xx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
