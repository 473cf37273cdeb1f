using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Retention;

/// <summary>
/// Client files whose retention period ends soon, earliest first, so a case manager can decide in time whether
/// one must be kept longer (with a reason). A team lead sees the files of their organisation.
/// </summary>
[Authorize(Roles = $"{Roles.Casemanager},{Roles.Teamleider}")]
public sealed class IndexModel(BakenDbContext db, ClientAccess access, ClientRecords records, ClientRetention retention) : PageModel
{
    public sealed record Row(Guid Id, string Code, IdentityLevel Level, string? Alias, DateTime LastActivityAtUtc, DateTime ExpiresAtUtc, bool CanOpen);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public int WindowDays { get; private set; }

    public async Task OnGetAsync([FromServices] Microsoft.Extensions.Options.IOptions<RetentionOptions> options, int p = 1, CancellationToken cancellationToken = default)
    {
        WindowDays = options.Value.ExpiringSoonDays;
        var openable = access.Openable(User);
        var listable = await access.ListableForListAsync(User, cancellationToken);
        var (page, paging) = await retention.OrderByExpiry(retention.ExpiringSoon(listable.AsNoTracking()))
            .Select(c => new { c.Id, c.Code, c.Level, c.Alias, c.LastActivityAtUtc, c.KeepUntilUtc, CanOpen = openable.Any(o => o.Id == c.Id) })
            .ToPageAsync(p, cancellationToken);
        Paging = paging;
        var aliases = await records.ReadAliasesAsync([.. page.Select(c => (c.Id, c.Alias))], cancellationToken);
        Rows = [.. page
            .Select(c => new Row(c.Id, c.Code, c.Level, aliases[c.Id], c.LastActivityAtUtc, retention.ExpiresAtUtc(c.Level, c.LastActivityAtUtc, c.KeepUntilUtc), c.CanOpen))];
        await db.SaveChangesAsync(cancellationToken);
    }
}
