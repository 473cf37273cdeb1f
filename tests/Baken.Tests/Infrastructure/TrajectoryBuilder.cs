using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Infrastructure;

/// <summary>Starts trajectories through the application's own records service (encrypted, logged).</summary>
public static class TrajectoryBuilder
{
    /// <summary>
    /// A trajectory for <paramref name="clientId"/>, with <paramref name="caseManager"/> as its case manager when
    /// given (otherwise without a team, so the client stays in the intake queue).
    /// </summary>
    public static async Task<Guid> StartTrajectoryAsync(this BakenAppFactory app, Guid clientId, Guid? caseManager = null,
        TrajectoryType type = TrajectoryType.Exit, TrajectoryIntake? intake = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var client = await db.Set<Client>().SingleAsync(c => c.Id == clientId);
        var by = caseManager ?? await db.Users.Select(u => u.Id).FirstAsync();
        var (trajectory, refusal) = await scope.ServiceProvider.GetRequiredService<TrajectoryRecords>().StartAsync(
            client, type, intake ?? new TrajectoryIntake { ReferralRoute = ReferralRoute.OutreachOffline }, client.OrganisationId, by,
            joinAsCaseManager: caseManager is not null, CancellationToken.None);
        refusal.ShouldBeNull();
        await db.SaveChangesAsync();
        return trajectory!.Id;
    }
}
