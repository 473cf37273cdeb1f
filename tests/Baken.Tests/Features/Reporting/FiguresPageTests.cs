using System.Net;
using AngleSharp.Html.Dom;
using Baken.Features.Admin;
using Baken.Tests.Features.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Reporting;

/// <summary>
/// The figures page reads its choices from the address: a wrong period, table or organisation gets a message next
/// to the field (with what was typed kept) and no figures; a team lead reaches only their own organisation, and
/// anyone else finds no page at all.
/// </summary>
public sealed class FiguresPageTests(SharedApps apps)
{
    private const string Page = "/Reporting/Figures";

    [Theory]
    [Databases]
    public async Task A_period_that_is_not_a_period_is_refused_next_to_the_field_and_kept(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Beleidsmedewerker));

        var (_, valid) = await client.GetPageAsync($"{Page}?period=2025");
        valid.QuerySelector("#Period-error").ShouldBeNull();
        valid.QuerySelector("table[data-figure=exit-clients]").ShouldNotBeNull("a valid choice shows the figures");

        foreach (var typed in new[] { "2026-13", "abc", "2026-K5" })
        {
            var (response, page) = await client.GetPageAsync($"{Page}?period={Uri.EscapeDataString(typed)}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, typed);
            page.QuerySelector("#Period-error").ShouldNotBeNull(typed).TextContent.ShouldContain("Kies een jaar (2026), kwartaal (2026-K2) of maand (2026-03).");
            page.QuerySelector("#Period")!.GetAttribute("aria-invalid").ShouldBe("true");
            ((IHtmlInputElement)page.QuerySelector("#Period")!).Value.ShouldBe(typed, "what was typed stays in the field");
            page.QuerySelector("#error-summary").ShouldNotBeNull(typed);
            page.QuerySelector("table[data-figure]").ShouldBeNull("no figures for a period that is not one");
        }
    }

    [Theory]
    [Databases]
    public async Task A_period_that_has_not_started_is_refused(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Beleidsmedewerker));
        var next = Baken.Infrastructure.Web.DisplayTime.LocalDate(DateTime.UtcNow).Year + 1;

        foreach (var typed in new[] { $"{next}", "1999" })
        {
            var (_, page) = await client.GetPageAsync($"{Page}?period={typed}");
            page.QuerySelector("#Period-error").ShouldNotBeNull(typed).TextContent.ShouldContain("vanaf 2000 die al begonnen is");
            ((IHtmlInputElement)page.QuerySelector("#Period")!).Value.ShouldBe(typed);
            page.QuerySelector("table[data-figure]").ShouldBeNull();
        }
    }

    [Theory]
    [Databases]
    public async Task An_unknown_table_or_organisation_is_refused(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Beleidsmedewerker));
        var partner = await app.NewOrganisationAsync(OrganisationKind.PartnerReferrer);

        foreach (var table in new[] { "Nonsense", "2", "99" })
        {
            var (_, page) = await client.GetPageAsync($"{Page}?table={table}");
            page.QuerySelector("#Table-error").ShouldNotBeNull(table).TextContent.ShouldContain("Kies een onderwerp uit de lijst.");
            page.QuerySelector("table[data-figure]").ShouldBeNull(table);
        }

        foreach (var organisation in new[] { Guid.NewGuid(), partner })
        {
            var (_, page) = await client.GetPageAsync($"{Page}?org={organisation}");
            page.QuerySelector("#Org-error").ShouldNotBeNull("only care providers and info centres report").TextContent.ShouldContain("Kies een organisatie uit de lijst.");
            page.QuerySelector("table[data-figure]").ShouldBeNull();
        }

        var (_, outreach) = await client.GetPageAsync($"{Page}?table=Outreach");
        outreach.QuerySelector("#Table-error").ShouldBeNull();
        outreach.QuerySelector("table[data-figure]").ShouldNotBeNull("a known table shows its figures");
    }

    [Theory]
    [Databases]
    public async Task A_team_lead_sees_only_their_own_organisation(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var own = await app.NewOrganisationAsync();
        var other = await app.NewOrganisationAsync();
        var otherName = await app.QueryAsync(db => db.Organisations.Where(o => o.Id == other).Select(o => o.Name).SingleAsync());
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Teamleider, organisationId: own));

        var (_, mine) = await client.GetPageAsync(Page);
        mine.QuerySelector("#Org-error").ShouldBeNull();
        mine.QuerySelector("table[data-figure=exit-clients]").ShouldNotBeNull("the own organisation is chosen by itself");
        var choices = mine.QuerySelectorAll("#Org option").Select(o => o.GetAttribute("value")).ToList();
        choices.ShouldBe([own.ToString()], "no whole region and no other organisation to choose");

        foreach (var query in new[] { $"?org={other}", $"?org={other}&table=Signals", $"?org={other}&handler=Csv" })
        {
            var (response, page) = await client.GetPageAsync(Page + query);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, query);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", "no export of another organisation's figures");
            page.QuerySelector("#Org-error").ShouldNotBeNull(query).TextContent.ShouldContain("Kies een organisatie uit de lijst.");
            page.QuerySelector("table[data-figure]").ShouldBeNull(query);
            page.QuerySelector("main")!.TextContent.ShouldNotContain(otherName, customMessage: "the other organisation is not named");
        }
    }

    [Theory]
    [Databases]
    public async Task A_case_manager_finds_no_figures_page(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Casemanager));

        foreach (var url in new[] { Page, $"{Page}?period=2025", $"{Page}?handler=Csv", $"{Page}?handler=Xlsx" })
        {
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
    }

    [Theory]
    [Databases]
    public async Task The_app_refuses_to_start_with_a_threshold_below_five(DatabaseProvider provider)
    {
        await using var app = new BakenAppFactory(provider, demo: false, settings: new Dictionary<string, string?> { ["Baken:Reporting:Threshold"] = "3" });

        var refusal = Should.Throw<Exception>(() => app.StartServer());
        Flatten(refusal).ShouldContain("Baken:Reporting:Threshold");
        Flatten(refusal).ShouldContain("De drempel is minimaal 5.");
    }

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
            : exception.Message + (exception.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);
}
