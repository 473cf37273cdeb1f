using System.Net;
using Baken.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Rules;

/// <summary>"Which rules apply to me?" through the browser: the right pages and contacts, errors that keep answers, and nothing kept.</summary>
public sealed class RuleCheckFlowTests(SharedApps apps)
{
    private const string Url = "/Portal/Rules/Check";

    private static Dictionary<string, string> Answers(string? place = "Home", string? company = "Alone", string? age = "From21", string? change = "No")
    {
        var answers = new Dictionary<string, string>();
        foreach (var (name, value) in new[] { ("Place", place), ("Company", company), ("Age", age), ("Change", change) })
        {
            if (value is not null)
            {
                answers[name] = value;
            }
        }

        return answers;
    }

    private static List<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    /// <summary>Rows in every table of the model, so the test notices a row stored anywhere.</summary>
    private static async Task<Dictionary<string, long>> CountEveryTableAsync(BakenAppFactory app) =>
        await app.QueryAsync(async db =>
        {
            var counts = new Dictionary<string, long>();
            foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
            {
                // Table names come from the model, not from input.
                var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
                counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
            }

            return counts;
        });

    [Theory]
    [Databases]
    public async Task Working_at_home_leads_to_the_home_work_page_and_contacts_and_nothing_is_kept(DatabaseProvider provider)
    {
        // An app of its own: no other test writes to its database while the rows are counted.
        await using var app = new BakenAppFactory(provider);
        app.StartServer();
        using var visitor = app.NewClient();
        var (get, form) = await visitor.GetPageAsync(Url);
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        Cookies(get).ShouldAllBe(c => c.Contains("baken-af", StringComparison.Ordinal), "only the antiforgery cookie of the form");
        form.QuerySelector("#check-form")!.GetAttribute("method").ShouldBe("post", "answers are never put in an address");
        form.QuerySelectorAll("#check-form fieldset legend").Length.ShouldBe(4);
        var before = await CountEveryTableAsync(app);

        var response = await visitor.SubmitAsync(Url, Answers());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Cookies(response).ShouldBeEmpty("the answer sets no cookie");
        var result = await BakenClient.ReadAsync(response);
        var pages = result.QuerySelectorAll("#check-pages a").Select(a => a.GetAttribute("data-slug")).ToList();
        pages.ShouldBe([RuleCheck.AtHome, RuleCheck.NewLaw]);
        result.QuerySelector($"#check-pages a[data-slug={RuleCheck.AtHome}]")!.GetAttribute("href").ShouldBe($"/Portal/Rules/{RuleCheck.AtHome}");
        result.QuerySelector("#check-pages li")!.TextContent.ShouldContain("Je werkt thuis.");
        var contacts = result.QuerySelectorAll("#check-contact-list li").Select(li => li.TextContent).ToList();
        contacts.ShouldContain(c => c.Contains("Inloopspreekuur"), "the info centre answers questions about rules");
        contacts.Count.ShouldBeGreaterThan(1, "health help is listed too");
        contacts.ShouldNotContain(c => c.Contains("Uitstapprogramma"), "no exit programme when not asked for");
        result.QuerySelector("#check-contact-list a")!.GetAttribute("href")!.ShouldStartWith("/Portal/Services#service-");
        result.QuerySelector("a#check-restart")!.GetAttribute("href").ShouldBe(Url);
        result.QuerySelector("#check-form").ShouldBeNull();

        (await CountEveryTableAsync(app)).ShouldBe(before, "nothing of the answers is stored");
        app.Logs.All.ShouldNotContain("From21", Case.Sensitive, "answers are not logged");

        // Changing the answers goes back to the questions with them chosen, through a post.
        var change = await RuleForms.PressAsync(visitor, result, "#change-answers button");
        var again = await BakenClient.ReadAsync(change);
        again.QuerySelector("#Place-Home")!.HasAttribute("checked").ShouldBeTrue();
        again.QuerySelector("#Age-From21")!.HasAttribute("checked").ShouldBeTrue();
        again.QuerySelector("#error-summary").ShouldBeNull();
    }

    [Theory]
    [Databases]
    public async Task A_missing_answer_shows_the_error_summary_and_keeps_the_other_answers(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();

        var response = await visitor.SubmitAsync(Url, Answers(place: "Escort", age: null));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await BakenClient.ReadAsync(response);
        page.QuerySelector("#error-summary a[href='#Age']").ShouldNotBeNull();
        page.QuerySelector("#Age-error").ShouldNotBeNull();
        page.QuerySelector("#Age")!.GetAttribute("aria-describedby")!.ShouldContain("Age-error");
        page.QuerySelector("#Place-error").ShouldBeNull();
        page.QuerySelector("#Place-Escort")!.HasAttribute("checked").ShouldBeTrue("the other answers stay chosen");
        page.QuerySelector("#Change-No")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("#check-advice").ShouldBeNull();
    }

    [Theory]
    [Databases]
    public async Task Tampered_answers_are_validation_errors_never_a_server_error(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();

        foreach (var (place, age) in new[] { ("Hacker", "From21"), ("1", "99"), ("Home,Escort", "From21"), ("home", "<script>") })
        {
            var response = await visitor.SubmitAsync(Url, Answers(place: place, age: age));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{place}/{age}");
            var page = await BakenClient.ReadAsync(response);
            page.QuerySelector("#Place-error").ShouldNotBeNull(place);
            page.QuerySelectorAll("#check-form input[type=radio][checked]").Select(i => i.GetAttribute("name")).ShouldNotContain("Place");
        }

        var tooYoung = await BakenClient.ReadAsync(await visitor.SubmitAsync(Url, Answers(age: "Under18")));
        tooYoung.QuerySelector("#too-young").ShouldNotBeNull();
        tooYoung.QuerySelector("#check-pages").ShouldBeNull("no rules for work under 18: help and protection");
        tooYoung.QuerySelectorAll("#check-contact-list li").ShouldNotBeEmpty();
    }
}
