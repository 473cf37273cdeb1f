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

    /// <summary>A goal in the first life domain of the trajectory's plan.</summary>
    public static async Task<Guid> AddGoalAsync(this BakenAppFactory app, Guid trajectoryId, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var trajectory = await db.Set<Trajectory>().SingleAsync(t => t.Id == trajectoryId);
        var client = await db.Set<Client>().SingleAsync(c => c.Id == trajectory.ClientId);
        var (goal, refusal) = await scope.ServiceProvider.GetRequiredService<Baken.Features.Plan.PlanRecords>().AddGoalAsync(
            client, trajectory, Baken.Features.Plan.PlanDefaults.Domains[0].Id, text, TeamRole.Casemanager, null, await db.Users.Select(u => u.Id).FirstAsync(), CancellationToken.None);
        refusal.ShouldBeNull();
        await db.SaveChangesAsync();
        return goal!.Value;
    }

    /// <summary>A journal entry by <paramref name="author"/> (or any user), visible to the whole team unless told otherwise.</summary>
    public static async Task<Guid> AddJournalEntryAsync(this BakenAppFactory app, Guid trajectoryId, string text, Guid? author = null,
        Baken.Features.Journal.JournalVisibility visibility = Baken.Features.Journal.JournalVisibility.Team)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var trajectory = await db.Set<Trajectory>().SingleAsync(t => t.Id == trajectoryId);
        var client = await db.Set<Client>().SingleAsync(c => c.Id == trajectory.ClientId);
        var by = author ?? await db.Users.Select(u => u.Id).FirstAsync();
        var refusal = await scope.ServiceProvider.GetRequiredService<Baken.Features.Journal.JournalRecords>().AddAsync(
            client, trajectory, Baken.Features.Journal.ContactKind.FaceToFace, DateTime.UtcNow.AddHours(-1), visibility, text, by, CancellationToken.None);
        refusal.ShouldBeNull();
        await db.SaveChangesAsync();
        return await db.Set<Baken.Features.Journal.JournalEntry>().Where(e => e.TrajectoryId == trajectoryId).OrderByDescending(e => e.CreatedAtUtc).Select(e => e.Id).FirstAsync();
    }
}
