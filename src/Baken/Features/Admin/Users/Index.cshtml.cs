using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.Users;

public sealed class IndexModel(BakenDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string DisplayName, string? Email, string Organisation, bool IsActive, bool HasSecondFactor, List<string> Roles);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public string? Query { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public bool IncludeInactive { get; private set; }

    public Task OnGetAsync(Guid? org, bool inactive = false, int p = 1, CancellationToken cancellationToken = default) =>
        ListAsync(null, org, inactive, p, Infrastructure.Web.Paging.DefaultPageSize, cancellationToken);

    /// <summary>Staff names and e-mail addresses are personal data: a search for them is posted, never put in a URL.</summary>
    public Task OnPostAsync(string? q, Guid? org, bool inactive = false, CancellationToken cancellationToken = default) =>
        ListAsync(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), org, inactive, 1, 100, cancellationToken);

    private async Task ListAsync(string? query, Guid? org, bool inactive, int p, int pageSize, CancellationToken cancellationToken)
    {
        Query = query;
        OrganisationId = org;
        IncludeInactive = inactive;
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == org))
            .ToListAsync(cancellationToken);

        var users = db.Users.AsNoTracking();
        if (!inactive)
        {
            users = users.Where(u => u.IsActive);
        }

        if (org is not null)
        {
            users = users.Where(u => u.OrganisationId == org);
        }

        if (!string.IsNullOrEmpty(Query))
        {
            var upper = Query.ToUpperInvariant();
            users = users.Where(u => u.DisplayName.ToUpper().Contains(upper) || u.NormalizedEmail!.Contains(upper));
        }

        (Rows, Paging) = await users
            .OrderBy(u => u.DisplayName)
            .Select(u => new Row(
                u.Id,
                u.DisplayName,
                u.Email,
                u.Organisation!.Name,
                u.IsActive,
                u.TwoFactorEnabled,
                db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
                    .ToList()))
            .ToPageAsync(p, cancellationToken, pageSize);
    }
}
