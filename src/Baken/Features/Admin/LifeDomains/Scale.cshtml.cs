using Baken.Features.Plan;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.LifeDomains;

/// <summary>The wording of the 1–5 self-reliance scale: a label and a description per score.</summary>
public sealed class ScaleModel(BakenDbContext db, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class Level
    {
        public int Score { get; set; }

        public string Label { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;
    }

    [BindProperty]
    public List<Level> Levels { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Levels = await db.Set<ScaleLevel>().AsNoTracking().OrderBy(s => s.Score)
            .Select(s => new Level { Score = s.Score, Label = s.Label, Description = s.Description }).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Set<ScaleLevel>().OrderBy(s => s.Score).ToListAsync(cancellationToken);
        for (var i = 0; i < Levels.Count; i++)
        {
            var level = Levels[i];
            if (string.IsNullOrWhiteSpace(level.Label) || level.Label.Trim().Length > 60)
            {
                ModelState.AddModelError($"Levels[{i}].Label", t["Scale_LabelInvalid"]);
            }

            if (string.IsNullOrWhiteSpace(level.Description) || level.Description.Trim().Length > 300)
            {
                ModelState.AddModelError($"Levels[{i}].Description", t["Scale_DescriptionInvalid"]);
            }
        }

        if (Levels.Count != stored.Count || Levels.Select(l => l.Score).Order().SequenceEqual(stored.Select(s => s.Score)) is false)
        {
            ModelState.AddModelError(string.Empty, t["Error_BadRequest"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        foreach (var level in stored)
        {
            var posted = Levels.Single(l => l.Score == level.Score);
            level.Label = posted.Label.Trim();
            level.Description = posted.Description.Trim();
        }

        audit.Record("ScaleChanged", nameof(ScaleLevel), null);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Index");
    }
}
