using Baken.Features.Admin;
using Baken.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Clients;

/// <summary>
/// Who finds whom in the client list. The list looks up its candidates through indexes first (the teams the user is
/// on, the organisation's intake queue) and lets the access rule decide for those; these cases hold it to the rule.
/// </summary>
public sealed class ClientListTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task A_worker_finds_the_clients_of_their_teams_and_of_their_organisations_queue_and_no_others(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisations = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).Take(2).ToListAsync());
        var manager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisations[0]);
        var colleague = await app.CreateUserAsync(Roles.Jobcoach, organisationId: organisations[0]);
        var otherManager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisations[0]);
        var lead = await app.CreateUserAsync(Roles.Teamleider, organisationId: organisations[0]);
        var (_, ownCode) = await app.CreateClientAsync(organisations[0], teamMember: manager.Id);
        var (_, waitingCode) = await app.CreateClientAsync(organisations[0]);
        var (_, elsewhereWaitingCode) = await app.CreateClientAsync(organisations[1]);
        var (_, othersCode) = await app.CreateClientAsync(organisations[0], teamMember: otherManager.Id);

        async Task<bool> FindsAsync(StaffBuilder.CreatedUser user, string code)
        {
            using var client = app.NewClient();
            await client.SignInAsync(user);
            var page = await BakenClient.ReadAsync(await client.SubmitAsync("/Clients", new Dictionary<string, string> { ["q"] = code }, "form[role=search]"));
            return page.QuerySelector("tbody")?.TextContent.Contains(code, StringComparison.Ordinal) ?? false;
        }

        (await FindsAsync(manager, ownCode)).ShouldBeTrue("on the client's team");
        (await FindsAsync(manager, waitingCode)).ShouldBeTrue("in the organisation's intake queue");
        (await FindsAsync(colleague, waitingCode)).ShouldBeTrue("any case worker of the organisation may take up a waiting client");
        (await FindsAsync(colleague, ownCode)).ShouldBeFalse("not on that team");
        (await FindsAsync(manager, othersCode)).ShouldBeFalse("someone else's client");
        (await FindsAsync(manager, elsewhereWaitingCode)).ShouldBeFalse("another organisation's queue");
        (await FindsAsync(lead, othersCode)).ShouldBeTrue("a team lead lists every client of the organisation");
        (await FindsAsync(lead, elsewhereWaitingCode)).ShouldBeFalse();
    }
}
