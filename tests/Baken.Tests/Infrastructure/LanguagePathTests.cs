using System.Net;

namespace Baken.Tests.Infrastructure;

/// <summary>
/// A visitor's language lives in the address (/en/Portal): no cookie, links and forms keep it, and languages
/// without interface texts show the English text under a note in the visitor's own language.
/// </summary>
public sealed class LanguagePathTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task A_language_prefix_shows_the_page_in_that_language_keeps_it_in_links_and_sets_no_cookie(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();
        var (response, page) = await visitor.GetPageAsync("/en/Portal");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("h1")!.TextContent.ShouldNotBe("Waar kun je vandaag terecht?");
        page.QuerySelector(".baken-translation-note").ShouldBeNull("English texts exist");
        page.QuerySelector("main a[href='/en/Portal/Services']").ShouldNotBeNull("links made by the app keep the prefix");
        page.QuerySelector("main a[href='/en/Contact']").ShouldNotBeNull();
        page.QuerySelector(".baken-languages a[aria-current='true']")!.GetAttribute("hreflang").ShouldBe("en");
        page.QuerySelector(".baken-languages a[hreflang='nl']")!.GetAttribute("href").ShouldBe("/nl/Portal");

        var stylesheet = page.QuerySelector("link[rel='stylesheet'][href*='site.css']")!.GetAttribute("href")!;
        (await visitor.GetAsync(stylesheet)).StatusCode.ShouldBe(HttpStatusCode.OK, "static files are served under the prefix too");
    }

    [Theory]
    [Databases]
    public async Task A_language_without_interface_texts_shows_english_with_a_note_in_that_language(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();
        var (_, english) = await visitor.GetPageAsync("/en/Portal");
        var (response, page) = await visitor.GetPageAsync("/es/Portal");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.DocumentElement.GetAttribute("lang").ShouldBe("en", "the interface text is English, so screen readers read it as English");
        var note = page.QuerySelector(".baken-translation-note")!;
        note.GetAttribute("lang").ShouldBe("es");
        note.TextContent.ShouldContain("español");
        page.QuerySelector("h1")!.TextContent.ShouldBe(english.QuerySelector("h1")!.TextContent, "the English text, not the Dutch");
        page.QuerySelector("main a[href='/es/Portal/Services']").ShouldNotBeNull();
        page.QuerySelector(".baken-languages a[aria-current='true']")!.GetAttribute("hreflang").ShouldBe("es");
    }

    [Theory]
    [Databases]
    public async Task The_address_decides_over_a_staff_language_cookie_and_unknown_prefixes_are_not_languages(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();
        var (_, login) = await visitor.GetPageAsync("/Account/Login");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)login.QuerySelector("form[action='/Account/Language']")!;
        (await visitor.SubmitAsync(form, "/Account/Login", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, cookieEnglish) = await visitor.GetPageAsync("/Portal");
        cookieEnglish.DocumentElement.GetAttribute("lang").ShouldBe("en", "without a prefix the staff cookie applies");
        var (_, dutch) = await visitor.GetPageAsync("/nl/Portal");
        dutch.DocumentElement.GetAttribute("lang").ShouldBe("nl");
        dutch.QuerySelector("h1")!.TextContent.ShouldBe("Waar kun je vandaag terecht?");

        (await visitor.GetAsync("/xx/Portal")).StatusCode.ShouldNotBe(HttpStatusCode.OK, "xx is no language, so there is no such page");
    }
}
