using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.ServiceDirectory;

/// <summary>
/// Directory text in the visitor's language: the translation in that language, else the English one, else the
/// Dutch original (the same order as content pages). Each text says which language it is in, so the page can mark
/// it with <c>lang</c>. Loaded for a whole page of entities in one query.
/// </summary>
public sealed class DirectoryTexts(Dictionary<(Guid EntityId, string Field), Dictionary<string, string>> translations, string requested)
{
    /// <summary>The language directory entries are written in.</summary>
    public const string Original = "nl";

    public const string English = "en";

    public sealed record Text(string? Value, string Language);

    public static async Task<DirectoryTexts> LoadAsync(BakenDbContext db, IReadOnlyCollection<Guid> entityIds, string language, CancellationToken cancellationToken)
    {
        var rows = language == Original || entityIds.Count == 0
            ? []
            : await db.Set<DirectoryTranslation>().AsNoTracking()
                .Where(t => entityIds.Contains(t.EntityId) && (t.Language == language || t.Language == English))
                .Select(t => new { t.EntityId, t.Field, t.Language, t.Text })
                .ToListAsync(cancellationToken);
        var byField = rows
            .GroupBy(t => (t.EntityId, t.Field))
            .ToDictionary(g => g.Key, g => g.ToDictionary(t => t.Language, t => t.Text));
        return new DirectoryTexts(byField, language);
    }

    /// <summary>The best text of <paramref name="field"/> for the visitor, or the original when there is no translation.</summary>
    public Text Pick(Guid entityId, string field, string? original)
    {
        if (original is null || requested == Original)
        {
            return new Text(original, Original);
        }

        if (translations.TryGetValue((entityId, field), out var texts))
        {
            if (texts.TryGetValue(requested, out var own))
            {
                return new Text(own, requested);
            }

            if (texts.TryGetValue(English, out var english))
            {
                return new Text(english, English);
            }
        }

        return new Text(original, Original);
    }
}
