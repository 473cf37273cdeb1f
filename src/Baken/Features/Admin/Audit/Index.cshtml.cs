using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.Audit;

/// <summary>The administrative audit trail, newest first, with actor names resolved in the same query.</summary>
public sealed class IndexModel(BakenDbContext db) : PageModel
{
    public sealed record Row(DateTime OccurredAtUtc, string? Actor, string Action, string TargetType, Guid? TargetId, string? Details);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default) =>
        (Rows, Paging) = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new Row(
                a.OccurredAtUtc,
                db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                a.Action,
                a.TargetType,
                a.TargetId,
                a.Details))
            .ToPageAsync(p, cancellationToken, pageSize: 50);
}
