using System.Security.Claims;
using Baken.Features.Admin;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;

namespace Baken.Features.Signals;

/// <summary>
/// Who sees and handles which signal, within the signal's organisation only:
/// the Zorgcoordinator mensenhandel and the team lead see and handle all of them (the triage queue);
/// whoever a signal is assigned to handles it; whoever raised it follows it (read only). Everyone else gets 404.
/// A handover is approved by a second Zorgcoordinator or team lead, never by the person who asked for it.
/// </summary>
public sealed class SignalAccess(BakenDbContext db)
{
    /// <summary>Roles that may raise signals (and so reach the signal pages).</summary>
    public const string Roles =
        $"{Admin.Roles.Veldwerker},{Admin.Roles.Zorgcoordinator},{Admin.Roles.Teamleider},{Admin.Roles.Casemanager},{Admin.Roles.Jobcoach},{Admin.Roles.Woonbegeleider}";

    public static bool IsManager(ClaimsPrincipal user) =>
        user.IsInRole(Admin.Roles.Zorgcoordinator) || user.IsInRole(Admin.Roles.Teamleider);

    public IQueryable<Signal> Visible(ClaimsPrincipal user)
    {
        var userId = user.UserId() ?? Guid.Empty;
        var organisationId = user.OrganisationId() ?? Guid.Empty;
        var manager = IsManager(user);
        var raiser = Roles.Split(',').Any(user.IsInRole);
        return db.Set<Signal>().Where(s => raiser && s.OrganisationId == organisationId
            && (manager || s.RaisedByUserId == userId || s.AssignedToUserId == userId));
    }

    /// <summary>Whether this user may change the signal's status, assignment, or ask for a handover.</summary>
    public static bool MayHandle(ClaimsPrincipal user, Signal signal) =>
        signal.OrganisationId == user.OrganisationId() && (IsManager(user) || signal.AssignedToUserId == user.UserId());

    /// <summary>Four eyes: a manager of the organisation who did not ask for the handover.</summary>
    public static bool MayApprove(ClaimsPrincipal user, Signal signal, SignalHandover handover) =>
        signal.OrganisationId == user.OrganisationId() && IsManager(user) && handover.RequestedByUserId != user.UserId();
}
