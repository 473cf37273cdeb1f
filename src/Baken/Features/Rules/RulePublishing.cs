using System.Text.RegularExpressions;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Rules;

/// <summary>
/// Publishes rule pages. A change is always a new row with the next version number, never an update, so the
/// history of what the portal said stays complete. Every publication is audited in the same transaction.
/// </summary>
public sealed partial class RulePublishing(BakenDbContext db, AuditLog audit, TimeProvider timeProvider)
{
    /// <summary>Parts of the portal's address under /Portal/Rules that a page may not take.</summary>
    public static readonly IReadOnlyList<string> ReservedSlugs = ["check", "index"];

    /// <summary>What an editor writes; the version, time and author are added when it is published.</summary>
    public sealed record Draft(
        string Title, string Summary, string BodyMarkdown, LegalStatus LegalStatus, DateOnly? StatusDate, DateOnly LastReviewedOn, int SortOrder);

    /// <summary>Lowercase letters, digits and single hyphens between them, e.g. "nieuwe-wet-wrs".</summary>
    public static bool IsValidSlug(string? slug) =>
        slug is { Length: >= 2 and <= 60 } && SlugPattern().IsMatch(slug) && !ReservedSlugs.Contains(slug);

    public Task<bool> SlugExistsAsync(string slug, CancellationToken cancellationToken) =>
        db.Set<RulePage>().AnyAsync(p => p.Slug == slug, cancellationToken);

    /// <summary>The current version number of a page in a language, 0 when there is none yet.</summary>
    public async Task<int> CurrentVersionAsync(string slug, string language, CancellationToken cancellationToken) =>
        await db.Set<RulePage>().Where(p => p.Slug == slug && p.Language == language).MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0;

    /// <summary>
    /// Adds version <paramref name="basedOnVersion"/> + 1. Returns null, storing nothing, when someone else
    /// published a version meanwhile (the editor should look at it first rather than overwrite it unseen).
    /// </summary>
    public async Task<RulePage?> PublishAsync(string slug, string language, int basedOnVersion, Draft draft, Guid? byUserId, CancellationToken cancellationToken)
    {
        if (await CurrentVersionAsync(slug, language, cancellationToken) != basedOnVersion)
        {
            return null;
        }

        var page = new RulePage
        {
            Slug = slug,
            Language = language,
            Version = basedOnVersion + 1,
            SortOrder = draft.SortOrder,
            Title = draft.Title,
            Summary = draft.Summary,
            BodyMarkdown = draft.BodyMarkdown,
            LegalStatus = draft.LegalStatus,
            StatusDate = draft.StatusDate,
            LastReviewedOn = draft.LastReviewedOn,
            PublishedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            ByUserId = byUserId,
        };
        db.Add(page);
        audit.Record("RulePagePublished", nameof(RulePage), page.Id, $"{slug} {language} v{page.Version}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index caught a publication at the same moment: the same answer as the check above.
            db.ChangeTracker.Clear();
            if (await CurrentVersionAsync(slug, language, cancellationToken) >= page.Version)
            {
                return null;
            }

            throw;
        }

        return page;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SlugPattern();
}
