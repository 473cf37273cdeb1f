using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Referrals;

/// <summary>All referrals of a trajectory, newest first, a page at a time; reading the list is logged.</summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class IndexModel(BakenDbContext db, TrajectoryAccess access, ReferralRecords records) : PageModel
{
    public Trajectory Trajectory { get; private set; } = null!;

    public string Code { get; private set; } = string.Empty;

    public IReadOnlyList<ReferralRecords.Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public async Task<IActionResult> OnGetAsync(Guid id, int p = 1, CancellationToken cancellationToken = default)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Trajectory, var client) = found;
        Code = client.Code;
        (var rows, Paging) = await records.ListAsync(Trajectory, p, cancellationToken);
        Rows = rows;
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}
