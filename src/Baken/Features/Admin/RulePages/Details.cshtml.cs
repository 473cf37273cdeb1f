using Baken.Features.Rules;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Localization;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.RulePages;

/// <summary>
/// One rule page: its current version per language, the languages it can still be translated into, and the
/// history of every version with when and by whom it was published.
/// </summary>
public sealed class DetailsModel(BakenDbContext db) : PageModel
{
    public sealed record Version(
        Guid Id, string Language, int Number, string Title, LegalStatus LegalStatus, DateOnly? StatusDate, DateOnly LastReviewedOn,
        DateTime PublishedAtUtc, string? By);

    public string Slug { get; private set; } = string.Empty;

    public IReadOnlyList<Version> Current { get; private set; } = [];

    public IReadOnlyList<PublicLanguage> MissingLanguages { get; private set; } = [];

    public IReadOnlyList<Version> History { get; private set; } = [];

    public PageInfo HistoryPaging { get; private set; } = new(1, Paging.DefaultPageSize, 0);

    /// <summary>The language of the version just published (after the redirect from the editor).</summary>
    public string? Published { get; private set; }

    public string Title => (Current.FirstOrDefault(v => v.Language == ContentLanguage.Dutch) ?? Current[0]).Title;

    public async Task<IActionResult> OnGetAsync(string slug, string? published, int p = 1, CancellationToken cancellationToken = default)
    {
        if (!RulePublishing.IsValidSlug(slug))
        {
            return NotFound();
        }

        Current = [.. (await Versions(RuleContent.Current(db).Where(page => page.Slug == slug)).ToListAsync(cancellationToken))
            .OrderBy(v => IndexModel.LanguageOrder(v.Language))];
        if (Current.Count == 0)
        {
            return NotFound();
        }

        Slug = slug;
        Published = Current.Any(v => v.Language == published) ? published : null;
        MissingLanguages = [.. LocalizationSetup.PublicLanguages.Where(l => Current.All(v => v.Language != l.Code))];
        (var history, HistoryPaging) = await Versions(db.Set<RulePage>().AsNoTracking().Where(page => page.Slug == slug))
            .ToPageAsync(p, cancellationToken);
        History = history;
        return Page();
    }

    /// <summary>The versions, newest first, with the display name of who published them (none for the start text).</summary>
    private IQueryable<Version> Versions(IQueryable<RulePage> pages) =>
        from page in pages
        join user in db.Users on page.ByUserId equals user.Id into users
        from user in users.DefaultIfEmpty()
        orderby page.PublishedAtUtc descending, page.Language, page.Version descending
        select new Version(page.Id, page.Language, page.Version, page.Title, page.LegalStatus, page.StatusDate, page.LastReviewedOn,
            page.PublishedAtUtc, user == null ? null : user.DisplayName);
}
