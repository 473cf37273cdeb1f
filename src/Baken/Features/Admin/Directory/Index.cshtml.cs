using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.Directory;

/// <summary>The organisations of the help-service directory: search, page, and the way to add one or import a file.</summary>
public sealed class IndexModel(BakenDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, PartnerType PartnerType, bool IsExample, string? BakenOrganisation, int Services);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public string? Query { get; private set; }

    public bool Deleted { get; private set; }

    public async Task OnGetAsync(string? q, bool deleted = false, int p = 1, CancellationToken cancellationToken = default)
    {
        Query = DirectoryRules.Clean(q);
        Deleted = deleted;
        var organizations = db.Set<DirectoryOrganization>().AsNoTracking();
        if (!string.IsNullOrEmpty(Query))
        {
            var upper = Query.ToUpperInvariant();
            organizations = organizations.Where(o => o.Name.ToUpper().Contains(upper) || (o.AlternateName != null && o.AlternateName.ToUpper().Contains(upper))
                || db.Set<DirectoryService>().Any(s => s.OrganizationId == o.Id && s.Name.ToUpper().Contains(upper)));
        }

        (Rows, Paging) = await organizations
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new Row(o.Id, o.Name, o.PartnerType, o.IsExample,
                db.Organisations.Where(b => b.Id == o.OrganisationId).Select(b => b.Name).FirstOrDefault(),
                db.Set<DirectoryService>().Count(s => s.OrganizationId == o.Id)))
            .ToPageAsync(p, cancellationToken);
    }
}
