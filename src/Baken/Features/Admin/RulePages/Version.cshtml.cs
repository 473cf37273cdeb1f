using Baken.Features.Rules;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.RulePages;

/// <summary>One version as it was published, old or current: what the portal said from that day on.</summary>
public sealed class VersionModel(BakenDbContext db) : PageModel
{
    public RulePage Rule { get; private set; } = null!;

    public string? By { get; private set; }

    public int CurrentVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var page = await db.Set<RulePage>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Rule = page;
        By = page.ByUserId is { } userId ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
        CurrentVersion = await db.Set<RulePage>().Where(p => p.Slug == page.Slug && p.Language == page.Language).MaxAsync(p => p.Version, cancellationToken);
        return Page();
    }
}
