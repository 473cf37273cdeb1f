using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.Organisations;

public sealed class IndexModel(BakenDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, OrganisationKind Kind, int ActiveUsers);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public string? Query { get; private set; }

    public async Task OnGetAsync(string? q, int p = 1, CancellationToken cancellationToken = default)
    {
        Query = q?.Trim();
        var organisations = db.Organisations.AsNoTracking();
        if (!string.IsNullOrEmpty(Query))
        {
            var upper = Query.ToUpperInvariant();
            organisations = organisations.Where(o => o.Name.ToUpper().Contains(upper));
        }

        (Rows, Paging) = await organisations
            .OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind, db.Users.Count(u => u.OrganisationId == o.Id && u.IsActive)))
            .ToPageAsync(p, cancellationToken);
    }
}
