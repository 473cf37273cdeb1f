using System.Security.Claims;
using Baken.Features.Admin;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Clients;

/// <summary>
/// Need-to-know: the one place that decides which clients a staff member may see. A client file opens for
/// members of the client's care team and, while the client waits in the intake queue (no team yet), for the
/// case workers of the intake organisation. Policy officers, referrers and administrators see no client data.
/// </summary>
public sealed class ClientAccess(BakenDbContext db, TimeProvider timeProvider)
{
    /// <summary>Roles that work with client files at all; everyone else gets 404 on every client page.</summary>
    public const string ClientRoles = $"{Roles.Teamleider},{Roles.Casemanager},{Roles.Jobcoach},{Roles.Woonbegeleider},{Roles.Zorgcoordinator},{Roles.Veldwerker}";

    public static bool WorksWithClients(ClaimsPrincipal user) => ClientRoles.Split(',').Any(user.IsInRole);

    /// <summary>The clients whose file this user may open.</summary>
    public IQueryable<Client> Openable(ClaimsPrincipal user)
    {
        if (!WorksWithClients(user) || user.UserId() is not { } userId || user.OrganisationId() is not { } organisationId)
        {
            return db.Set<Client>().Where(_ => false);
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var members = db.Set<ClientTeamMember>();
        return db.Set<Client>().Where(c =>
            members.Any(m => m.ClientId == c.Id && m.UserId == userId && (m.ToUtc == null || m.ToUtc > now))
            || (c.OrganisationId == organisationId && !members.Any(m => m.ClientId == c.Id && (m.ToUtc == null || m.ToUtc > now))));
    }

    public Task<bool> CanOpenAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken) =>
        Openable(user).AnyAsync(c => c.Id == clientId, cancellationToken);
}
