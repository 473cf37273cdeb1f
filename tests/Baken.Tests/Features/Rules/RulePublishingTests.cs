using System.Net;
using Baken.Features.Admin;
using Baken.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Rules;

/// <summary>Management of rule pages: every publication is a new, audited version after a sanitised preview; old versions stay.</summary>
public sealed class RulePublishingTests(SharedApps apps)
{
    private static Dictionary<string, string> Fields(string title, string body, string reviewed = "2026-11-02") => new()
    {
        ["Input.Title"] = title,
        ["Input.Summary"] = "Korte samenvatting voor het overzicht.",
        ["Input.Body"] = body,
        ["Input.LegalStatus"] = nameof(LegalStatus.InForce),
        ["Input.StatusDate"] = string.Empty,
        ["Input.LastReviewedOn"] = reviewed,
        ["Input.SortOrder"] = "500",
    };

    [Theory]
    [Databases]
    public async Task Publishing_a_new_version_shows_it_and_keeps_the_old_one_in_the_history(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var beheerder = await app.CreateUserAsync(Roles.Beheerder);
        using var admin = app.NewClient();
        await admin.SignInAsync(beheerder);
        var slug = "test-" + Guid.NewGuid().ToString("N")[..10];

        // A new page: preview first (sanitised), then publish.
        var create = Fields("Eerste titel", "## Kopje\n\nTekst met <script>alert(1)</script> en [een link](javascript:alert(1)).");
        create["Slug"] = slug;
        create["Language"] = "nl";
        var preview = await admin.SubmitAsync("/Admin/RulePages/Create", create);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var previewPage = await BakenClient.ReadAsync(preview);
        previewPage.QuerySelector("#error-summary").ShouldBeNull(previewPage.QuerySelector("#error-summary")?.TextContent);
        var rendered = previewPage.QuerySelector("#preview-body")!;
        rendered.QuerySelector("h2")!.TextContent.ShouldBe("Kopje");
        rendered.QuerySelectorAll("script, a").ShouldBeEmpty("the preview is the sanitised rendering");
        (await app.QueryAsync(db => db.Set<RulePage>().CountAsync(p => p.Slug == slug))).ShouldBe(0, "a preview stores nothing");

        var published = await RuleForms.PressAsync(admin, previewPage, "#publish-button");
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        published.Headers.Location!.OriginalString.ShouldStartWith($"/Admin/RulePages/Details/{slug}");

        using var visitor = app.NewClient();
        var (_, first) = await visitor.GetPageAsync($"/Portal/Rules/{slug}");
        first.QuerySelector("h1")!.TextContent.ShouldBe("Eerste titel");
        BakenClient.TextOf(first, "#rule-meta").ShouldContain("versie 1");
        first.QuerySelector("#rule-body script").ShouldBeNull();

        // A new version: the form starts from the current text.
        var (_, edit) = await admin.GetPageAsync($"/Admin/RulePages/Edit/{slug}/nl");
        edit.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Eerste titel");
        var secondPreview = await RuleForms.PressAsync(admin, edit, "#preview-button", new Dictionary<string, string>
        {
            ["Input.Title"] = "Tweede titel",
            ["Input.Body"] = "Nieuwe tekst.",
        });
        var secondPreviewPage = await BakenClient.ReadAsync(secondPreview);
        secondPreviewPage.QuerySelector("#preview-body")!.TextContent.ShouldContain("Nieuwe tekst.");

        // Changing the text after the preview publishes nothing: the new text is shown as a preview first.
        var changed = await RuleForms.PressAsync(admin, secondPreviewPage, "#publish-button", new Dictionary<string, string> { ["Input.Title"] = "Ongezien" });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var changedPage = await BakenClient.ReadAsync(changed);
        changedPage.QuerySelector("#error-summary").ShouldNotBeNull();
        changedPage.QuerySelector("#preview")!.TextContent.ShouldContain("Ongezien");
        (await app.QueryAsync(db => db.Set<RulePage>().CountAsync(p => p.Slug == slug))).ShouldBe(1);

        var second = await RuleForms.PressAsync(admin, secondPreviewPage, "#publish-button");
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, now) = await visitor.GetPageAsync($"/Portal/Rules/{slug}");
        now.QuerySelector("h1")!.TextContent.ShouldBe("Tweede titel");
        BakenClient.TextOf(now, "#rule-meta").ShouldContain("versie 2");

        var rows = await app.QueryAsync(db => db.Set<RulePage>().AsNoTracking().Where(p => p.Slug == slug).OrderBy(p => p.Version).ToListAsync());
        rows.Select(r => (r.Version, r.Title)).ShouldBe([(1, "Eerste titel"), (2, "Tweede titel")], "the old version is kept as it was");
        rows.ShouldAllBe(r => r.ByUserId == beheerder.Id && r.LastReviewedOn == new DateOnly(2026, 11, 2));
        var audits = await app.QueryAsync(db => db.AuditEvents.Where(a => a.Action == "RulePagePublished" && a.Details!.StartsWith(slug)).ToListAsync());
        audits.Count.ShouldBe(2);
        audits.ShouldAllBe(a => a.ActorUserId == beheerder.Id);

        var (_, details) = await admin.GetPageAsync($"/Admin/RulePages/Details/{slug}?published=nl");
        details.QuerySelector("#published").ShouldNotBeNull();
        var history = details.QuerySelectorAll("#history tbody tr").Select(r => r.TextContent).ToList();
        history.Count.ShouldBe(2);
        history[0].ShouldContain("Tweede titel");
        history[1].ShouldContain("Eerste titel");
        history.ShouldAllBe(h => h.Contains("Test Beheerder"));
        var (_, old) = await admin.GetPageAsync($"/Admin/RulePages/Version/{rows[0].Id}");
        old.QuerySelector("#superseded").ShouldNotBeNull();
        old.QuerySelector("#preview")!.TextContent.ShouldContain("Eerste titel");
    }

    [Theory]
    [Databases]
    public async Task A_language_is_added_as_its_own_first_version(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = app.NewClient();
        await admin.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        var slug = "taal-" + Guid.NewGuid().ToString("N")[..10];
        var create = Fields("Nederlandse titel", "Nederlandse tekst.");
        create["Slug"] = slug;
        create["Language"] = "nl";
        var preview = await BakenClient.ReadAsync(await admin.SubmitAsync("/Admin/RulePages/Create", create));
        (await RuleForms.PressAsync(admin, preview, "#publish-button")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, add) = await admin.GetPageAsync($"/Admin/RulePages/Edit/{slug}/es");
        add.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBeNullOrEmpty("a translation starts empty");
        add.QuerySelector("details pre")!.TextContent.ShouldContain("Nederlandse tekst.", customMessage: "with the text to translate from");
        var spanishPreview = await BakenClient.ReadAsync(await RuleForms.PressAsync(admin, add, "#preview-button", new Dictionary<string, string>
        {
            ["Input.Title"] = "Título en español",
            ["Input.Summary"] = "Resumen.",
            ["Input.Body"] = "Texto en español.",
            ["Input.LastReviewedOn"] = "2026-11-03",
        }));
        (await RuleForms.PressAsync(admin, spanishPreview, "#publish-button")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var versions = await app.QueryAsync(db => db.Set<RulePage>().Where(p => p.Slug == slug).Select(p => new { p.Language, p.Version }).ToListAsync());
        versions.Select(v => (v.Language, v.Version)).ShouldBe([("nl", 1), ("es", 1)], ignoreOrder: true);
        using var visitor = app.NewClient();
        var (_, spanish) = await visitor.GetPageAsync($"/es/Portal/Rules/{slug}");
        spanish.QuerySelector("h1")!.TextContent.ShouldBe("Título en español");
        spanish.QuerySelector("h1")!.GetAttribute("lang").ShouldBe("es");
        spanish.QuerySelector("#not-translated").ShouldBeNull();
    }

    [Theory]
    [Databases]
    public async Task Bad_input_is_refused_next_to_the_field_keeps_the_text_and_stores_nothing(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = app.NewClient();
        await admin.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        var before = await app.QueryAsync(db => db.Set<RulePage>().CountAsync(p => p.Slug == RuleCheck.AtHome));
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var fields = Fields("Een titel", "Een tekst die blijft staan.", reviewed: tomorrow);
        fields["Slug"] = "Geen Goed Adres!";
        fields["Language"] = "xx";
        fields["Input.LegalStatus"] = nameof(LegalStatus.NotYetInForce);
        fields["Input.SortOrder"] = "veel";
        var response = await admin.SubmitAsync("/Admin/RulePages/Create", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await BakenClient.ReadAsync(response);
        page.QuerySelector("#error-summary").ShouldNotBeNull();
        foreach (var field in new[] { "Slug", "Language", "Input_LastReviewedOn", "Input_StatusDate", "Input_SortOrder" })
        {
            page.QuerySelector($"#{field}-error").ShouldNotBeNull(field);
        }

        page.QuerySelector("#Input_Body")!.TextContent.ShouldBe("Een tekst die blijft staan.");
        page.QuerySelector("#preview").ShouldBeNull();
        page.QuerySelector("#publish-button").ShouldBeNull();

        // Taken and reserved addresses, and a publish without any preview.
        foreach (var slug in new[] { RuleCheck.AtHome, "check" })
        {
            var again = Fields("Titel", "Tekst.");
            again["Slug"] = slug;
            again["Language"] = "nl";
            var refused = await BakenClient.ReadAsync(await admin.SubmitAsync("/Admin/RulePages/Create", again));
            refused.QuerySelector("#Slug-error").ShouldNotBeNull(slug);
        }

        var direct = Fields("Titel", "Tekst.");
        direct["Slug"] = "zonder-voorbeeld-" + Guid.NewGuid().ToString("N")[..6];
        direct["Language"] = "nl";
        var (_, form) = await admin.GetPageAsync("/Admin/RulePages/Create");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        direct["__RequestVerificationToken"] = token;
        var unpreviewed = await admin.Http.PostAsync(new Uri("/Admin/RulePages/Create?handler=Publish", UriKind.Relative), new FormUrlEncodedContent(direct));
        unpreviewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BakenClient.ReadAsync(unpreviewed)).QuerySelector("#preview").ShouldNotBeNull("what was not previewed is shown, not published");

        (await app.QueryAsync(db => db.Set<RulePage>().CountAsync(p => p.Slug == direct["Slug"]))).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<RulePage>().CountAsync(p => p.Slug == RuleCheck.AtHome))).ShouldBe(before);
    }
}
