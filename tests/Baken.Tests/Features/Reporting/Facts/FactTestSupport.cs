using System.Globalization;
using System.Net;
using Baken.Features.Clients;
using Baken.Features.Plan;
using Baken.Features.Reporting.Facts;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Reporting.Facts;

/// <summary>Reads of the fact tables for the fact tests, always narrowed to what a test made itself (the database is shared).</summary>
internal static class FactTestSupport
{
    /// <summary>Today as the facts count it: the local (Amsterdam) date.</summary>
    public static DateOnly Today => DisplayTime.LocalDate(DateTime.UtcNow);

    /// <summary>A date of birth <paramref name="years"/> years and a few weeks before today, as the identity form takes it.</summary>
    public static string BornYearsAgo(int years) =>
        Today.AddYears(-years).AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Task<List<TrajectoryFact>> EpisodesAsync(this BakenAppFactory app, Guid organisationId) =>
        app.QueryAsync(db => db.Set<TrajectoryFact>().AsNoTracking().Where(f => f.OrganisationId == organisationId).ToListAsync());

    public static Task<List<EventFact>> EventsAsync(this BakenAppFactory app, Guid organisationId, EventFactKind kind) =>
        app.QueryAsync(db => db.Set<EventFact>().AsNoTracking().Where(f => f.OrganisationId == organisationId && f.Kind == kind).ToListAsync());

    public static Task<ClientStatisticsKey?> StatisticsKeyRowAsync(this BakenAppFactory app, Guid clientId) =>
        app.QueryAsync(db => db.Set<ClientStatisticsKey>().AsNoTracking().SingleOrDefaultAsync(k => k.ClientId == clientId));

    /// <summary>The client's statistics key as only the holder of the client's data key can read it.</summary>
    public static async Task<Guid> SubjectKeyAsync(this BakenAppFactory app, Guid clientId)
    {
        var row = (await app.StatisticsKeyRowAsync(clientId)).ShouldNotBeNull("every client with a trajectory has a statistics key");
        await using var scope = app.Services.CreateAsyncScope();
        var crypto = scope.ServiceProvider.GetRequiredService<ClientCrypto>();
        var text = await crypto.DecryptAsync(clientId, ClientStatisticsKey.Table, nameof(ClientStatisticsKey.Key), row.Id, row.Key, CancellationToken.None);
        return Guid.Parse(text.ShouldNotBeNull());
    }

    /// <summary>Moves a trajectory through the application's own records service, as the page does, in one unit of work.</summary>
    public static async Task MoveAsync(this BakenAppFactory app, Guid trajectoryId, Guid by, params (TrajectoryState To, ClosureOutcome? Outcome)[] steps)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<TrajectoryRecords>();
        var trajectory = await db.Set<Trajectory>().SingleAsync(t => t.Id == trajectoryId);
        var client = await db.Set<Client>().SingleAsync(c => c.Id == trajectory.ClientId);
        foreach (var (to, outcome) in steps)
        {
            (await records.TransitionAsync(client, trajectory, to, outcome, "Evaluatie uit een test", null, by, CancellationToken.None)).ShouldBeNull($"to {to}");
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Records an assessment of the first life domain through the plan's records service, as the assessment page does.</summary>
    public static async Task AssessAsync(this BakenAppFactory app, Guid trajectoryId, DateOnly on, int score, Guid by)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var trajectory = await db.Set<Trajectory>().SingleAsync(t => t.Id == trajectoryId);
        var client = await db.Set<Client>().SingleAsync(c => c.Id == trajectory.ClientId);
        (await scope.ServiceProvider.GetRequiredService<PlanRecords>().AddAssessmentAsync(client, trajectory, on, withClient: true,
            new Dictionary<Guid, int> { [PlanDefaults.Domains[0].Id] = score }, new Dictionary<Guid, int>(), null, by, CancellationToken.None)).ShouldBeNull();
        await db.SaveChangesAsync();
    }

    /// <summary>Posts the transition form of the trajectory page; null when it was made, else the error summary.</summary>
    public static async Task<string?> TransitionAsync(this BakenClient client, Guid trajectoryId, string to, Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>(extra ?? []) { ["Input.To"] = to };
        var response = await client.SubmitAsync($"/Trajectories/{trajectoryId}", fields, "form[action*=Transition]");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return null;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await BakenClient.ReadAsync(response)).QuerySelector("#error-summary")?.TextContent ?? "no error summary";
    }
}
