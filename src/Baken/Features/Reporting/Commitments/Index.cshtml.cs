using Baken.Features.Admin;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Reporting.Commitments;

/// <summary>The register of council commitments: search on number or title, filter on status, paged.</summary>
[Authorize(Roles = Roles.Beleidsmedewerker)]
public sealed class IndexModel(CommitmentRecords records) : PageModel
{
    private const int MaxQueryLength = 100;

    public IReadOnlyList<CommitmentRecords.Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public string? Query { get; private set; }

    public CommitmentStatus? Status { get; private set; }

    public bool Filtered => !string.IsNullOrEmpty(Query) || Status is not null;

    public async Task OnGetAsync(string? q, CommitmentStatus? status, int p = 1, CancellationToken cancellationToken = default)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, MaxQueryLength)];
        Status = status is { } s && Enum.IsDefined(s) ? s : null;
        (Rows, Paging) = await records.Search(Query, Status).ToPageAsync(p, cancellationToken);
    }
}
