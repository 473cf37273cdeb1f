using AngleSharp.Dom;
using Baken.Features.Rules;

namespace Baken.Tests.Features.Rules;

/// <summary>The sanitiser of rule pages: whatever an editor (or an attacker with an editor's account) writes, only safe HTML comes out.</summary>
public sealed class RulesMarkdownTests
{
    private static IDocument Render(string markdown, string? pathBase = null)
    {
        var html = RulesMarkdown.Render(markdown, pathBase).ToString()!;
        return BakenClient.Parse("<!DOCTYPE html><html><body><div id=\"body\">" + html + "</div></body></html>");
    }

    private static IElement Body(IDocument document) => document.QuerySelector("#body")!;

    [Fact]
    public void Script_tags_and_raw_html_are_shown_as_text_never_as_markup()
    {
        var document = Render("""
            Hallo <script>alert('x')</script> daar.

            <script>alert('block')</script>

            <div onclick="steal()">klik</div>

            <iframe src="https://evil.example/frame"></iframe>

            Een <img src=x onerror=alert(1)> en <a href="javascript:alert(1)">link</a>.

            <style>body { display: none }</style>
            """);

        var body = Body(document);
        body.QuerySelectorAll("script, iframe, img, style, div").ShouldBeEmpty("raw HTML is never parsed as HTML");
        body.QuerySelectorAll("a").ShouldBeEmpty("an HTML anchor is text, not a link");
        body.QuerySelectorAll("*").SelectMany(e => e.Attributes).Select(a => a.Name).ShouldAllBe(name => !name.StartsWith("on", StringComparison.Ordinal));
        body.TextContent.ShouldContain("<script>alert('x')</script>", customMessage: "the text is shown as written");
        body.InnerHtml.ShouldNotContain("<script", Case.Sensitive);
        body.InnerHtml.ShouldNotContain("<iframe", Case.Sensitive);
    }

    [Theory]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("[klik](JaVaScRiPt:alert(1))")]
    [InlineData("[klik](javascript&#58;alert(1))")]
    [InlineData("[klik](<javascript:alert(1)>)")]
    [InlineData("[klik](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[klik](vbscript:msgbox(1))")]
    [InlineData("[klik](file:///etc/passwd)")]
    [InlineData("[klik](//evil.example/pad)")]
    [InlineData("[klik](/\\evil.example)")]
    [InlineData("[klik][ref]\n\n[ref]: javascript:alert(2)")]
    [InlineData("<javascript:alert(3)>")]
    public void Links_to_dangerous_or_foreign_schemes_become_plain_text(string markdown)
    {
        var body = Body(Render(markdown));

        body.QuerySelectorAll("a").ShouldBeEmpty();
        body.TextContent.ShouldNotBeNullOrWhiteSpace("the link text stays readable");
    }

    [Fact]
    public void Safe_links_stay_and_links_to_other_sites_get_noopener_noreferrer()
    {
        var body = Body(Render("""
            [GGD](https://www.ggd.example/soa) · [oud](http://old.example) · [mail](mailto:info@example.org) ·
            [diensten](/Portal/Services) · [boven](#top) · [thuis](thuiswerken) · <https://auto.example/x> · <info@example.org>
            """, pathBase: "/en"));

        var links = body.QuerySelectorAll("a").ToDictionary(a => a.TextContent, a => a);
        links["GGD"].GetAttribute("href").ShouldBe("https://www.ggd.example/soa");
        links["GGD"].GetAttribute("rel").ShouldBe("noopener noreferrer");
        links["oud"].GetAttribute("rel").ShouldBe("noopener noreferrer");
        links["https://auto.example/x"].GetAttribute("rel").ShouldBe("noopener noreferrer");
        links["mail"].GetAttribute("href").ShouldBe("mailto:info@example.org");
        links["info@example.org"].GetAttribute("href").ShouldBe("mailto:info@example.org");
        links["diensten"].GetAttribute("href").ShouldBe("/en/Portal/Services", "a link on this site keeps the visitor's language");
        links["diensten"].HasAttribute("rel").ShouldBeFalse();
        links["boven"].GetAttribute("href").ShouldBe("#top");
        links["thuis"].GetAttribute("href").ShouldBe("thuiswerken");
        links.Values.ShouldAllBe(a => a.ClassList.Contains("utrecht-link"), "links look like the portal's other links");
    }

    [Fact]
    public void Images_are_not_shown_only_their_description_so_nothing_loads_from_elsewhere()
    {
        var body = Body(Render("""
            ![Kaart van de stad](https://tracker.example/pixel.png)

            ![Logo](/img/logo.png) en [![Knop](https://tracker.example/knop.png)](https://www.example.org)
            """));

        body.QuerySelectorAll("img, picture, source").ShouldBeEmpty();
        body.InnerHtml.ShouldNotContain("tracker.example");
        body.TextContent.ShouldContain("Kaart van de stad");
        body.TextContent.ShouldContain("Logo");
        body.QuerySelector("a")!.TextContent.ShouldBe("Knop", "a linked image leaves its description as the link text");
    }

    [Fact]
    public void Headings_move_down_so_the_page_title_is_the_only_h1()
    {
        var body = Body(Render("# Een\n\n## Twee\n\nTitel\n=====\n\n###### Zes"));

        body.QuerySelectorAll("h1").ShouldBeEmpty();
        body.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldBe(["Een", "Titel"]);
        body.QuerySelector("h3")!.TextContent.ShouldBe("Twee");
        body.QuerySelector("h6")!.TextContent.ShouldBe("Zes", "the deepest level stays h6");
    }

    [Fact]
    public void A_body_that_starts_at_a_lower_heading_level_skips_no_level()
    {
        var body = Body(Render("## Kopje\n\n#### Dieper"));

        body.QuerySelector("h2")!.TextContent.ShouldBe("Kopje");
        body.QuerySelector("h4")!.TextContent.ShouldBe("Dieper");
    }
}
