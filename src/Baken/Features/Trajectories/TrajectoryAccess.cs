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
}
