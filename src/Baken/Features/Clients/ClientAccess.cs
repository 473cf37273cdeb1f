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
        var glass = db.Set<BreakGlassAccess>();
        var openable = db.Set<Client>().Where(c =>
            members.Any(m => m.ClientId == c.Id && m.UserId == userId && (m.ToUtc == null || m.ToUtc > now))
            || (c.OrganisationId == organisationId && !members.Any(m => m.ClientId == c.Id && (m.ToUtc == null || m.ToUtc > now)))
            || glass.Any(b => b.ClientId == c.Id && b.UserId == userId && b.ExpiresAtUtc > now));

        // A restricted file stays readable for the case managers on its team, and for nobody else.
        var caseManager = user.IsInRole(Roles.Casemanager);
        return openable.Where(c => c.RestrictedAtUtc == null
            || (caseManager && members.Any(m => m.ClientId == c.Id && m.UserId == userId && (m.ToUtc == null || m.ToUtc > now))));
    }

    /// <summary>Changes and sharing stop while processing is restricted.</summary>
    public Task<bool> IsRestrictedAsync(Guid clientId, CancellationToken cancellationToken) =>
        db.Set<Client>().AnyAsync(c => c.Id == clientId && c.RestrictedAtUtc != null, cancellationToken);

    /// <summary>
    /// The clients shown in this user's list: what they may open and, for a team lead, every client of their
    /// organisation (listed by code and alias; the file itself needs team membership or break-the-glass).
    /// </summary>
    public IQueryable<Client> Listable(ClaimsPrincipal user)
    {
        var openable = Openable(user);
        if (!user.IsInRole(Roles.Teamleider) || user.OrganisationId() is not { } organisationId)
        {
            return openable;
        }

        return db.Set<Client>().Where(c => c.OrganisationId == organisationId || openable.Any(o => o.Id == c.Id));
    }

    /// <summary>
    /// <see cref="Listable"/> for a list page: first the ids of the clients this user could list are found through
    /// indexes (the teams they are on, their organisation's intake queue, the glass they broke), then the rule
    /// above decides for those alone. Testing the rule on every client in the system took 2 s on the national
    /// dataset and grows with it. The ids only narrow the search; the rule still decides. A team lead's
    /// organisation is found by its index as it was.
    /// </summary>
    public async Task<IQueryable<Client>> ListableForListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var listable = Listable(user);
        if (!WorksWithClients(user) || user.UserId() is not { } userId || user.OrganisationId() is not { } organisationId)
        {
            return listable;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var candidates = await db.Set<ClientTeamMember>().Where(m => m.UserId == userId && (m.ToUtc == null || m.ToUtc > now)).Select(m => m.ClientId)
            .Union(db.Set<Client>().Where(c => c.OrganisationId == organisationId && c.WaitingSinceUtc != null).Select(c => c.Id))
            .Union(db.Set<BreakGlassAccess>().Where(b => b.UserId == userId && b.ExpiresAtUtc > now).Select(b => b.ClientId))
            .ToListAsync(cancellationToken);
        return user.IsInRole(Roles.Teamleider)
            ? listable.Where(c => c.OrganisationId == organisationId || candidates.Contains(c.Id))
            : listable.Where(c => candidates.Contains(c.Id));
    }

    /// <summary>A team lead may break the glass for clients of their own organisation they cannot open yet.</summary>
    public async Task<bool> CanBreakGlassAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Teamleider)
        && await Listable(user).AnyAsync(c => c.Id == clientId, cancellationToken)
        && !await CanOpenAsync(user, clientId, cancellationToken);

    /// <summary>The client, tracked for changes, when this user may open it; otherwise null (the page answers 404).</summary>
    public Task<Client?> FindOpenableAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken) =>
        Openable(user).FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);

    public Task<bool> CanOpenAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken) =>
        Openable(user).AnyAsync(c => c.Id == clientId, cancellationToken);
}
