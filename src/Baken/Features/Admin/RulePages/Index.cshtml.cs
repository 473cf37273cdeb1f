using Baken.Features.Rules;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.RulePages;

/// <summary>The rule pages of the portal, one row per page with its languages, current versions and review dates.</summary>
public sealed class IndexModel(BakenDbContext db) : PageModel
{
    public sealed record LanguageVersion(string Language, int Version, string Title, DateOnly LastReviewedOn, LegalStatus LegalStatus);

    public sealed record Row(string Slug, IReadOnlyList<LanguageVersion> Languages)
    {
        /// <summary>The Dutch title, else the English one, else any.</summary>
        public string Title => Languages.FirstOrDefault(l => l.Language == ContentLanguage.Dutch)?.Title
            ?? Languages.FirstOrDefault(l => l.Language == ContentLanguage.English)?.Title
            ?? Languages[0].Title;
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        var (slugs, info) = await db.Set<RulePage>().AsNoTracking()
            .GroupBy(page => page.Slug)
            .Select(g => new { Slug = g.Key, Order = g.Min(page => page.SortOrder) })
            .OrderBy(x => x.Order).ThenBy(x => x.Slug)
            .ToPageAsync(p, cancellationToken);
        Paging = info;
        var keys = slugs.Select(s => s.Slug).ToList();
        var current = await RuleContent.Current(db).Where(page => keys.Contains(page.Slug))
            .Select(page => new { page.Slug, Version = new LanguageVersion(page.Language, page.Version, page.Title, page.LastReviewedOn, page.LegalStatus) })
            .ToListAsync(cancellationToken);
        Rows = [.. slugs.Select(s => new Row(s.Slug, [.. current.Where(c => c.Slug == s.Slug).Select(c => c.Version).OrderBy(v => LanguageOrder(v.Language))]))];
    }

    /// <summary>Languages in the order of the public language list (Dutch, English, then the others).</summary>
    public static int LanguageOrder(string code)
    {
        var index = Infrastructure.Localization.LocalizationSetup.PublicLanguages.Select(l => l.Code).ToList().IndexOf(code);
        return index < 0 ? int.MaxValue : index;
    }
}
