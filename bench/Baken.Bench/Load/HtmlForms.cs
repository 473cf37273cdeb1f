using System.Net;
using System.Text.RegularExpressions;

namespace Baken.Bench.Load;

/// <summary>A form of a page: where it posts and its hidden fields (the antiforgery token among them).</summary>
public sealed record HtmlForm(string Action, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<KeyValuePair<string, string>> Hidden, string Inner)
{
    /// <summary>The hidden fields plus <paramref name="fields"/>, as the browser would post them.</summary>
    public FormUrlEncodedContent Content(params (string Name, string Value)[] fields) =>
        new([.. Hidden.Where(h => !fields.Any(f => f.Name == h.Key)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
}

/// <summary>
/// Just enough HTML reading for the harness (a regular expression per construct, on the app's own markup): the
/// forms inside <c>main</c>, links to trajectories and the caseload's alias column. An HTML parser would be
/// sturdier but slower, and the harness should spend its CPU on sending requests.
/// </summary>
public static partial class HtmlForms
{
    /// <summary>The post forms inside <c>main</c> (the layout's language and sign-out forms come before it).</summary>
    public static IReadOnlyList<HtmlForm> PostForms(string html, string pageUrl)
    {
        var main = html.IndexOf("<main", StringComparison.OrdinalIgnoreCase);
        var forms = new List<HtmlForm>();
        foreach (Match form in FormPattern().Matches(main < 0 ? html : html[main..]))
        {
            var attributes = Attributes(form.Groups[1].Value);
            if (!string.Equals(attributes.GetValueOrDefault("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var hidden = new List<KeyValuePair<string, string>>();
            foreach (Match input in InputPattern().Matches(form.Groups[2].Value))
            {
                var fields = Attributes(input.Groups[1].Value);
                if (string.Equals(fields.GetValueOrDefault("type"), "hidden", StringComparison.OrdinalIgnoreCase) && fields.TryGetValue("name", out var name))
                {
                    hidden.Add(new(name, fields.GetValueOrDefault("value") ?? string.Empty));
                }
            }

            var action = attributes.GetValueOrDefault("action") is { Length: > 0 } a ? a : pageUrl;
            forms.Add(new HtmlForm(action, attributes, hidden, form.Groups[2].Value));
        }

        return forms;
    }

    public static HtmlForm FirstPostForm(string html, string pageUrl) =>
        PostForms(html, pageUrl) is [var first, ..] ? first : throw new InvalidOperationException($"No post form on {pageUrl}.");

    /// <summary>The values of a select's options (the empty "choose" option left out).</summary>
    public static IReadOnlyList<string> OptionValues(string html) =>
        [.. OptionPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(v => v.Length > 0)];

    /// <summary>The trajectory ids linked from a page, in order, without duplicates.</summary>
    public static IReadOnlyList<Guid> TrajectoryIds(string html) =>
        [.. TrajectoryLinkPattern().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).Distinct()];

    /// <summary>The caseload table's rows: the client code and the alias shown next to it ("—" when none).</summary>
    public static IReadOnlyList<(string Code, string? Alias)> CaseloadClients(string html) =>
        [.. CaseloadRowPattern().Matches(html).Select(m =>
        {
            var alias = WebUtility.HtmlDecode(m.Groups[2].Value).Trim();
            return (WebUtility.HtmlDecode(m.Groups[1].Value).Trim(), alias is "" or "—" ? null : alias);
        })];

    /// <summary>The first cell of each table body row (the client code in the caseload and its baseline), decoded and trimmed.</summary>
    public static IReadOnlyList<string> FirstCells(string html) =>
        [.. FirstCellPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim())];

    /// <summary>The first number in a table's caption (the caseload's total, "1.234 trajecten"), or null.</summary>
    public static long? CaptionNumber(string html) =>
        CaptionPattern().Match(html) is { Success: true } m && long.TryParse(new string([.. m.Groups[1].Value.Where(char.IsAsciiDigit)]), out var n) ? n : null;

    /// <summary>The baseline's rows: client code and the state-change moment (its fourth cell), and its total.</summary>
    public static (IReadOnlyList<(string Code, string Since)> Rows, long? Total) BaselineRows(string html) =>
        ([.. BaselineRowPattern().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Value))],
         BaselineTotalPattern().Match(html) is { Success: true } t ? long.Parse(t.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null);

    private static Dictionary<string, string> Attributes(string tag)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in AttributePattern().Matches(tag))
        {
            attributes[attribute.Groups[1].Value] = WebUtility.HtmlDecode(attribute.Groups[2].Value);
        }

        return attributes;
    }

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("([\\w\\-:.]+)\\s*=\\s*\"([^\"]*)\"")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<option\\b[^>]*\\bvalue=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("href=\"/Trajectories/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\"")]
    private static partial Regex TrajectoryLinkPattern();

    [GeneratedRegex("<caption\\b[^>]*>[^<0-9]*([0-9][0-9.,\\u00a0\\u202f ]*)")]
    private static partial Regex CaptionPattern();

    [GeneratedRegex("<tr><td><a href=\"/Trajectories/[^\"]*\">([^<]*)</a></td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>")]
    private static partial Regex BaselineRowPattern();

    [GeneratedRegex("</table><p>([0-9]+)</p>")]
    private static partial Regex BaselineTotalPattern();

    [GeneratedRegex("<tr\\b[^>]*>\\s*<td\\b[^>]*>\\s*(?:<a\\b[^>]*>)?([^<]*)")]
    private static partial Regex FirstCellPattern();

    [GeneratedRegex("href=\"/Trajectories/[0-9a-fA-F-]{36}\">([^<]*)</a>\\s*</td>\\s*<td[^>]*>([^<]*)</td>")]
    private static partial Regex CaseloadRowPattern();
}
