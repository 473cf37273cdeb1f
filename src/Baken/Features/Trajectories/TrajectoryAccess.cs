using System.Security.Claims;
using Baken.Features.Clients;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Trajectories;

/// <summary>A trajectory is reachable exactly when its client's file is (<see cref="ClientAccess"/>): one rule, not two.</summary>
public sealed class TrajectoryAccess(BakenDbContext db, ClientAccess clients)
{
    public IQueryable<Trajectory> Openable(ClaimsPrincipal user)
    {
        var openable = clients.Openable(user);
        return db.Set<Trajectory>().Where(t => openable.Any(c => c.Id == t.ClientId));
    }

    /// <summary>The trajectory and its client, both tracked, when this user may open them; otherwise null (404).</summary>
    public async Task<(Trajectory Trajectory, Client Client)?> FindAsync(ClaimsPrincipal user, Guid trajectoryId, CancellationToken cancellationToken)
    {
        var found = await (
            from t in db.Set<Trajectory>()
            join c in clients.Openable(user) on t.ClientId equals c.Id
            where t.Id == trajectoryId
            select new { t, c }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.t, found.c);
    }

    /// <summary>
    /// The ids of the trajectories whose team this user is on at <paramref name="now"/>, read through the membership
    /// index. Pages filter their trajectories by this list (the database then looks each one up by key) rather than
    /// test every trajectory for a membership: as a subquery EF writes an EXISTS, which both databases answer by
    /// scanning every open trajectory, so the page would grow with the system instead of with the caseload.
    /// The list says nothing about access: combine it with <see cref="Openable"/>. It can hold hundreds of ids (closed
    /// trajectories included), so pass it to a query with <c>EF.Parameter</c>, as one parameter.
    /// </summary>
    public Task<List<Guid>> CurrentTeamTrajectoryIdsAsync(Guid userId, DateTime now, CancellationToken cancellationToken) =>
        db.Set<ClientTeamMember>()
            .Where(m => m.UserId == userId && m.TrajectoryId != null && (m.ToUtc == null || m.ToUtc > now))
            .Select(m => m.TrajectoryId!.Value)
            .Distinct()
            .ToListAsync(cancellationToken);
}
