using Baken.Features.Contact;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Inbox;

/// <summary>
/// The anonymous channel's inbox for the receiving organisation's team: reports by status, those waiting for the
/// team first. Only metadata: the list decrypts nothing.
/// </summary>
[Authorize(Roles = AnonymousReports.StaffRoles)]
public sealed class IndexModel(AnonymousReports reports) : PageModel
{
    public const string All = "all";

    public sealed record Row(Guid Id, ReportKind Kind, string Language, DateTime CreatedAtUtc, DateTime LastMessageAtUtc, ReportStatus Status);

    /// <summary>The status filter: a <see cref="ReportStatus"/> name or "all"; waiting for the team by default.</summary>
    public string Status { get; private set; } = nameof(ReportStatus.AwaitingTeam);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(string? status, int p = 1, CancellationToken cancellationToken = default)
    {
        ReportStatus? filter = Enum.TryParse<ReportStatus>(status, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
            ? parsed
            : status == All ? null : ReportStatus.AwaitingTeam;
        Status = filter?.ToString() ?? All;

        var query = reports.Visible(User).AsNoTracking();
        query = filter switch
        {
            // Who waited longest comes first.
            ReportStatus.AwaitingTeam => query.Where(r => r.Status == ReportStatus.AwaitingTeam).OrderBy(r => r.LastMessageAtUtc),
            { } only => query.Where(r => r.Status == only).OrderByDescending(r => r.LastMessageAtUtc),
            null => query.OrderBy(r => r.Status == ReportStatus.AwaitingTeam ? 0 : 1).ThenByDescending(r => r.LastMessageAtUtc),
        };
        var (rows, paging) = await query
            .Select(r => new Row(r.Id, r.Kind, r.Language, r.CreatedAtUtc, r.LastMessageAtUtc, r.Status))
            .ToPageAsync(p, cancellationToken);
        Rows = rows;
        Paging = paging;
    }
}
