namespace Baken.Features.Rules;

/// <summary>
/// Which language version of a piece of content to show. The visitor's own language when it exists; otherwise
/// English (the language most visitors who do not read Dutch read), then Dutch (the original), so a page is never
/// missing just because it has not been translated. The caller shows a "not yet translated" note on a fallback.
/// </summary>
public static class ContentLanguage
{
    public const string English = "en";

    public const string Dutch = "nl";

    /// <param name="Language">The language to show.</param>
    /// <param name="IsFallback">True when it is not the language asked for (say so, and mark the content's lang).</param>
    public sealed record Choice(string Language, bool IsFallback);

    /// <summary>The language to show of <paramref name="available"/>, or null when there is none at all.</summary>
    public static Choice? Pick(IEnumerable<string> available, string requested)
    {
        var languages = available.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (languages.Contains(requested))
        {
            return new Choice(requested, false);
        }

        foreach (var fallback in (string[])[English, Dutch])
        {
            if (languages.Contains(fallback))
            {
                return new Choice(fallback, true);
            }
        }

        return languages.Count > 0 ? new Choice(languages[0], true) : null;
    }
}
