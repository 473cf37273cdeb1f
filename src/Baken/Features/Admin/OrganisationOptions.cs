using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin;

/// <summary>The organisations of the network as options for a drop-down list, by name.</summary>
public static class OrganisationOptions
{
    public static Task<List<SelectListItem>> ListAsync(BakenDbContext db, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .ToListAsync(cancellationToken);
}
