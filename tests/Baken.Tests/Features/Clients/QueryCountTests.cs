using System.Net;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Clients;

/// <summary>
/// List pages cost a fixed number of reads, however many rows they show: no query per row (N+1). Counted from
/// EF Core's "executed command" log lines on an app of its own, so no other test's requests are counted.
/// </summary>
public sealed class QueryCountTests
{
    /// <summary>
    /// Reads only: every listed client gets its own processing-log entry by design, and SQLite runs each insert as
    /// a command of its own (PostgreSQL batches them), so writes grow with the page and are not what N+1 is about.
    /// </summary>
    private static int ExecutedCommands(BakenAppFactory app) =>
        app.Logs.Lines.Count(l => l.StartsWith("Information Microsoft.EntityFrameworkCore.Database.Command: Executed DbCommand", StringComparison.Ordinal)
            && ReadCommand.IsMatch(l));

    private static readonly System.Text.RegularExpressions.Regex ReadCommand = new(@"\]\s*\n\s*(SELECT|WITH)\b");

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
        await using var app = new BakenAppFactory(provider, demo: false, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        });
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var organisation = (await app.FindUserAsync(manager.Id)).OrganisationId;
        using var client = app.NewClient();
        await client.SignInAsync(manager);

        await AddClientsAsync(app, organisation, manager.Id, 2, old: true);
        await CountQueriesAsync(client, "/Clients");
        var fewClients = await CountQueriesAsync(client, "/Clients");
        var fewExpiring = await CountQueriesAsync(client, "/Retention");

        await AddClientsAsync(app, organisation, manager.Id, 12, old: true);
        var manyClients = await CountQueriesAsync(client, "/Clients");
        var manyExpiring = await CountQueriesAsync(client, "/Retention");

        fewClients.ShouldBeGreaterThan(0, "the log lines are counted");
        manyClients.ShouldBe(fewClients, "2 and 14 clients cost the same number of queries");
        manyExpiring.ShouldBe(fewExpiring);
    }
}
