using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.ProcessingActivities;

/// <summary>The register of processing activities (AVG art. 30), every version, with how often each was logged.</summary>
public sealed class IndexModel(BakenDbContext db) : PageModel
{
    public sealed record Row(ProcessingActivity Activity, int Entries);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await db.Set<ProcessingActivity>().AsNoTracking()
            .OrderBy(a => a.Code).ThenByDescending(a => a.Version)
            .Select(a => new Row(a, db.ProcessingLog.Count(e => e.ProcessingActivityId == a.Id)))
            .ToListAsync(cancellationToken);
}
