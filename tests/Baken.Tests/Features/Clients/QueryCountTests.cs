using System.Data.Common;
using System.Net;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Clients;

/// <summary>
/// List pages cost a fixed number of reads, however many rows they show: no query per row (N+1). Counted with
/// a command interceptor on an app of its own.
/// </summary>
public sealed class QueryCountTests
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BakenAppFactory, ReadCounter> Counters = [];

    private static BakenAppFactory CountingApp(DatabaseProvider provider)
    {
        var counter = new ReadCounter();
        var app = new BakenAppFactory(provider, demo: false, services: s => s.AddSingleton<IInterceptor>(counter));
        Counters.Add(app, counter);
        return app;
    }

    private static int ExecutedCommands(BakenAppFactory app) => Counters.TryGetValue(app, out var counter) ? counter.Reads : 0;

    private static async Task<int> CountQueriesAsync(BakenClient client, string url)
    {
        var before = ExecutedCommands(client.App);
        var (response, _) = await client.GetPageAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return ExecutedCommands(client.App) - before;
    }

    private static async Task AddClientsAsync(BakenAppFactory app, Guid organisation, Guid manager, int count, bool old)
    {
        for (var i = 0; i < count; i++)
        {
            var (id, _) = await app.CreateClientAsync(organisation, new ClientIdentity { Alias = $"Lijst {i}" }, teamMember: manager);
            await app.StartTrajectoryAsync(id, manager, intake: new Baken.Features.Trajectories.TrajectoryIntake
            {
                ReferralRoute = Baken.Features.Trajectories.ReferralRoute.Police,
                HousingNeed = i % 2 == 0,
            });
            if (old)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BakenDbContext>().Set<Client>().Where(c => c.Id == id)
                    .ExecuteUpdateAsync(c => c.SetProperty(x => x.LastActivityAtUtc, DateTime.UtcNow.AddMonths(-24).AddDays(10)));
            }
        }
    }

    [Theory]
    [Databases]
    public async Task The_client_list_and_the_expiring_soon_list_do_not_query_per_row(DatabaseProvider provider)
    {
        await using var app = CountingApp(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var organisation = (await app.FindUserAsync(manager.Id)).OrganisationId;
        using var client = app.NewClient();
        await client.SignInAsync(manager);

        await AddClientsAsync(app, organisation, manager.Id, 2, old: true);
        await CountQueriesAsync(client, "/Clients");
        var fewClients = await CountQueriesAsync(client, "/Clients");
        var fewExpiring = await CountQueriesAsync(client, "/Retention");
        var fewCaseload = await CountQueriesAsync(client, "/Caseload");

        await AddClientsAsync(app, organisation, manager.Id, 12, old: true);
        var manyClients = await CountQueriesAsync(client, "/Clients");
        var manyExpiring = await CountQueriesAsync(client, "/Retention");
        var manyCaseload = await CountQueriesAsync(client, "/Caseload");

        fewClients.ShouldBeGreaterThan(0, "the log lines are counted");
        manyClients.ShouldBe(fewClients, "2 and 14 clients cost the same number of queries");
        manyExpiring.ShouldBe(fewExpiring);
        manyCaseload.ShouldBe(fewCaseload, "2 and 14 trajectories on the caseload cost the same");
    }

    [Theory]
    [Databases]
    public async Task The_trajectory_page_does_not_query_per_team_member_or_transition(DatabaseProvider provider)
    {
        await using var app = CountingApp(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var organisation = (await app.FindUserAsync(manager.Id)).OrganisationId;
        var (clientId, _) = await app.CreateClientAsync(organisation, teamMember: manager.Id);
        var trajectoryId = await app.StartTrajectoryAsync(clientId, manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(manager);
        var page = $"/Trajectories/{trajectoryId}";
        await CountQueriesAsync(client, page);
        var small = await CountQueriesAsync(client, page);

        foreach (var (to, note) in new[] { ("Intake", "a"), ("Active", "b"), ("Aftercare", "c"), ("Active", "d"), ("Aftercare", "e"), ("Active", "f") })
        {
            (await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.To"] = to, ["Input.Note"] = note }, "form[action*=Transition]"))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        foreach (var role in new[] { Roles.Jobcoach, Roles.Woonbegeleider, Roles.Zorgcoordinator })
        {
            var colleague = await app.CreateUserAsync(role);
            (await client.SubmitAsync(page + "/Team", new Dictionary<string, string> { ["Candidate"] = $"{colleague.Id}|{role}" }, "form[action*=Add]"))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await CountQueriesAsync(client, page)).ShouldBe(small, "7 transitions and 4 members cost what 1 and 1 did");
    }
}
