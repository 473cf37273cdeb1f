using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Rules;

/// <summary>
/// The rule pages as the public reads them: per page the current version (the highest) in the visitor's language,
/// or the fallback language (see <see cref="ContentLanguage"/>). Read-only and anonymous: nothing is logged about
/// who reads what.
/// </summary>
public sealed class RuleContent(BakenDbContext db)
{
    public sealed record Entry(
        string Slug, string Language, bool IsFallback, int Version, int SortOrder, string Title, string Summary,
        LegalStatus LegalStatus, DateOnly? StatusDate, DateOnly LastReviewedOn);

    public sealed record Page(
        string Slug, string Language, bool IsFallback, int Version, string Title, string Summary, string BodyMarkdown,
        LegalStatus LegalStatus, DateOnly? StatusDate, DateOnly LastReviewedOn);

    /// <summary>Every page once, in the best language available, in the order management chose.</summary>
    public async Task<IReadOnlyList<Entry>> OverviewAsync(string language, CancellationToken cancellationToken)
    {
        var current = await Current(db).Select(p => new Entry(
                p.Slug, p.Language, false, p.Version, p.SortOrder, p.Title, p.Summary, p.LegalStatus, p.StatusDate, p.LastReviewedOn))
            .ToListAsync(cancellationToken);
        return [.. current.GroupBy(p => p.Slug)
            .Select(versions =>
            {
                var choice = ContentLanguage.Pick(versions.Select(v => v.Language), language)!;
                return versions.Single(v => v.Language == choice.Language) with { IsFallback = choice.IsFallback };
            })
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>One page in the best language available, or null when the page does not exist.</summary>
    public async Task<Page?> FindAsync(string slug, string language, CancellationToken cancellationToken)
    {
        var languages = await db.Set<RulePage>().Where(p => p.Slug == slug).Select(p => p.Language).Distinct().ToListAsync(cancellationToken);
        if (ContentLanguage.Pick(languages, language) is not { } choice)
        {
            return null;
        }

        return await db.Set<RulePage>().AsNoTracking()
            .Where(p => p.Slug == slug && p.Language == choice.Language)
            .OrderByDescending(p => p.Version)
            .Select(p => new Page(p.Slug, p.Language, choice.IsFallback, p.Version, p.Title, p.Summary, p.BodyMarkdown, p.LegalStatus, p.StatusDate, p.LastReviewedOn))
            .FirstAsync(cancellationToken);
    }

    /// <summary>The current version of every page in every language: no higher version of the same page and language exists.</summary>
    public static IQueryable<RulePage> Current(BakenDbContext db) =>
        db.Set<RulePage>().AsNoTracking()
            .Where(p => !db.Set<RulePage>().Any(q => q.Slug == p.Slug && q.Language == p.Language && q.Version > p.Version));
}
