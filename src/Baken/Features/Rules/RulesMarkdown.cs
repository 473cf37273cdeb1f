using System.Globalization;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Baken.Features.Rules;

/// <summary>
/// Turns the Markdown of a rule page into HTML that is safe to put on a public page, for the portal and for the
/// preview in management alike. Sanitising happens on the syntax tree, not on HTML text: raw HTML is not parsed at
/// all (it shows as text), links keep only http, https, mailto and addresses on this site (anything else, such as
/// <c>javascript:</c>, becomes plain text), links to other sites get <c>rel="noopener noreferrer"</c>, images are
/// not shown (their description is, so no request leaves for another site), and headings are shifted so the
/// body's highest one is an h2: the page's own title stays the only h1.
/// </summary>
public static class RulesMarkdown
{
    private const string ExternalRel = "noopener noreferrer";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private enum UrlKind
    {
        Refused,
        OnThisSite,
        External,
        Mail,
    }

    /// <param name="markdown">The page body.</param>
    /// <param name="pathBase">
    /// The request's path base (e.g. <c>/en</c> for a visitor reading English): put in front of links that start
    /// with <c>/</c>, so a link to another page keeps the visitor's language.
    /// </param>
    public static IHtmlContent Render(string? markdown, string? pathBase = null)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count > 0)
        {
            // The body's highest heading becomes h2, whether the editor started at # or ##: no h1, no skipped level.
            var shift = 2 - headings.Min(h => h.Level);
            foreach (var heading in headings)
            {
                heading.Level = Math.Clamp(heading.Level + shift, 2, 6);
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            link.GetDynamicUrl = null;
            var kind = link.IsImage ? UrlKind.Refused : Classify(link.Url);
            if (kind == UrlKind.Refused)
            {
                // The text of the link (or the image's description) stays; the address goes.
                Unwrap(link);
                continue;
            }

            if (kind == UrlKind.OnThisSite && link.Url!.StartsWith('/') && !string.IsNullOrEmpty(pathBase))
            {
                link.Url = pathBase.TrimEnd('/') + link.Url;
            }
            else if (kind == UrlKind.External)
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var kind = autolink.IsEmail ? UrlKind.Mail : Classify(autolink.Url);
            if (kind == UrlKind.Refused)
            {
                autolink.InsertBefore(new LiteralInline(autolink.Url));
                autolink.Remove();
            }
            else if (kind == UrlKind.External)
            {
                autolink.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
            }
        }

        AddDesignSystemClasses(document);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new HtmlString(writer.ToString());
    }

    /// <summary>
    /// An allow-list: a scheme other than http, https or mailto is refused, and so is anything a browser might read
    /// differently from how it looks (whitespace or control characters, backslashes, <c>//</c> to another host).
    /// </summary>
    private static UrlKind Classify(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\') || url.StartsWith("//", StringComparison.Ordinal))
        {
            return UrlKind.Refused;
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var delimiter = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (delimiter >= 0 && delimiter < colon))
        {
            return UrlKind.OnThisSite;
        }

        return url[..colon].ToUpperInvariant() switch
        {
            "HTTP" or "HTTPS" => UrlKind.External,
            "MAILTO" => UrlKind.Mail,
            _ => UrlKind.Refused,
        };
    }

    /// <summary>
    /// The NL Design System classes the rest of the portal uses, so the text looks like every other page. A quote
    /// stays a plain blockquote: the design system's quote is a large pull quote, not a note.
    /// </summary>
    private static void AddDesignSystemClasses(MarkdownDocument document)
    {
        foreach (var block in document.Descendants<Block>())
        {
            var name = block switch
            {
                HeadingBlock heading => $"utrecht-heading-{heading.Level}",
                ParagraphBlock => "utrecht-paragraph",
                ListBlock list => list.IsOrdered ? "utrecht-ordered-list" : "utrecht-unordered-list",
                ListItemBlock item => item.Parent is ListBlock { IsOrdered: true } ? "utrecht-ordered-list__item" : "utrecht-unordered-list__item",
                _ => null,
            };
            if (name is not null)
            {
                block.GetAttributes().AddClass(name);
            }
        }

        foreach (var link in document.Descendants<Inline>().Where(i => i is LinkInline { IsImage: false } or AutolinkInline))
        {
            link.GetAttributes().AddClass("utrecht-link utrecht-link--html-a");
        }
    }

    private static void Unwrap(ContainerInline container)
    {
        var child = container.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            container.InsertBefore(child);
            child = next;
        }

        container.Remove();
    }
}
