using Baken.Features.Retention;
using Baken.Infrastructure.Data;

namespace Baken.Features.Trajectories;

/// <summary>A client with an open trajectory is still being helped: their file does not expire.</summary>
public sealed class OpenTrajectoryHold : IClientRetentionHold
{
    public IQueryable<Guid> ClientsToKeep(BakenDbContext db) =>
        db.Set<Trajectory>().Where(t => TrajectoryStates.Open.Contains(t.State)).Select(t => t.ClientId);
}
