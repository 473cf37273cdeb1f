using System.Security.Claims;
using Baken.Features.Admin;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Reporting;

/// <summary>
/// Who sees which figures: the Beleidsmedewerker the whole region and every organisation, a team lead only their
/// own organisation. Nobody else reaches the reports (404). The figures never hold client-level data, but a team
/// lead has no business with another organisation's numbers.
/// </summary>
public sealed class ReportAccess(BakenDbContext db)
{
    public const string Roles = $"{Admin.Roles.Beleidsmedewerker},{Admin.Roles.Teamleider}";

    public sealed record Choice(Guid Id, string Name);

    /// <summary>The organisations the user may choose; for the Beleidsmedewerker also the whole region (not in the list: null).</summary>
    public async Task<List<Choice>> OrganisationsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var organisations = db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.CareProvider || o.Kind == OrganisationKind.InfoCentre);
        if (!user.IsInRole(Admin.Roles.Beleidsmedewerker))
        {
            var own = user.OrganisationId() ?? Guid.Empty;
            organisations = organisations.Where(o => o.Id == own);
        }

        return await organisations.OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(cancellationToken);
    }

    public static bool MaySeeRegion(ClaimsPrincipal user) => user.IsInRole(Admin.Roles.Beleidsmedewerker);
}
