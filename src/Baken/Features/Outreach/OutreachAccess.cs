using System.Security.Claims;
using Baken.Features.Admin;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;

namespace Baken.Features.Outreach;

/// <summary>
/// Who sees which outreach session: the workers who took part, and the team lead of the organisation. Only
/// the workers change it. Everyone else gets 404.
/// </summary>
public sealed class OutreachAccess(BakenDbContext db)
{
    public const string Roles = $"{Admin.Roles.Veldwerker},{Admin.Roles.Teamleider}";

    public IQueryable<OutreachSession> Visible(ClaimsPrincipal user)
    {
        var userId = user.UserId() ?? Guid.Empty;
        var organisationId = user.OrganisationId() ?? Guid.Empty;
        var lead = user.IsInRole(Admin.Roles.Teamleider);
        var workers = db.Set<OutreachWorker>();
        var worker = user.IsInRole(Admin.Roles.Veldwerker);
        return db.Set<OutreachSession>().Where(s => s.OrganisationId == organisationId
            && ((worker && workers.Any(w => w.SessionId == s.Id && w.UserId == userId)) || lead));
    }

    /// <summary>Rounds this user worked on, as an outreach worker of the round's organisation (not after a move or a change of role).</summary>
    public IQueryable<OutreachSession> Editable(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Admin.Roles.Veldwerker))
        {
            return db.Set<OutreachSession>().Where(_ => false);
        }

        var userId = user.UserId() ?? Guid.Empty;
        var organisationId = user.OrganisationId() ?? Guid.Empty;
        var workers = db.Set<OutreachWorker>();
        return db.Set<OutreachSession>().Where(s => s.OrganisationId == organisationId && workers.Any(w => w.SessionId == s.Id && w.UserId == userId));
    }
}
