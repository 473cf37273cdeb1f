using System.Net;
using Baken.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baken.Tests.Features.Clients;

public sealed class BreakGlassTests
{
    [Theory]
    [Databases]
    public async Task A_team_lead_breaks_the_glass_for_sixty_minutes_and_the_case_manager_sees_it(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new BakenAppFactory(provider, time: time);
        var organisations = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).Take(2).ToListAsync());
        var manager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisations[0]);
        var lead = await app.CreateUserAsync(Roles.Teamleider, organisationId: organisations[0]);
        var otherLead = await app.CreateUserAsync(Roles.Teamleider, organisationId: organisations[1]);
        var (clientId, code) = await app.CreateClientAsync(organisations[0], teamMember: manager.Id);
        var file = $"/Clients/{clientId}";
        var glass = $"/Clients/{clientId}/BreakGlass";

        using var leadClient = app.NewClient();
        await leadClient.SignInAsync(lead);
        var (_, list) = await leadClient.GetPageAsync("/Clients");
        list.QuerySelector("tbody")!.TextContent.ShouldContain(code, customMessage: "a team lead lists the organisation's clients");
        (await leadClient.GetAsync(file)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var empty = await leadClient.SubmitAsync(glass, new Dictionary<string, string> { ["Input.Reason"] = "kort" });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BakenClient.ReadAsync(empty)).QuerySelector("#Input_Reason-error").ShouldNotBeNull();
        var opened = await leadClient.SubmitAsync(glass, new Dictionary<string, string> { ["Input.Reason"] = "Casemanager ziek, cliënt belt in crisis" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await leadClient.GetAsync(file)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var managerClient = app.NewClient();
        await managerClient.SignInAsync(manager);
        var (_, managerView) = await managerClient.GetPageAsync(file);
        managerView.QuerySelector("main")!.TextContent.ShouldContain("Casemanager ziek, cliënt belt in crisis");

        for (var minutes = 0; minutes < 55; minutes += 20)
        {
            time.Advance(TimeSpan.FromMinutes(20));
            (await leadClient.GetAsync(file)).StatusCode.ShouldBe(minutes + 20 < 60 ? HttpStatusCode.OK : HttpStatusCode.NotFound, $"after {minutes + 20} minutes");
        }

        (await app.QueryAsync(db => db.ProcessingLog.CountAsync(e => e.SubjectId == clientId && e.Action == "BreakTheGlass"))).ShouldBe(1);

        using var otherClient = app.NewClient();
        await otherClient.SignInAsync(otherLead);
        (await otherClient.GetAsync(glass)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "only for clients of the lead's own organisation");
    }

    [Theory]
    [Databases]
    public async Task Breaking_the_glass_asks_for_password_and_code_again_after_ten_minutes(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new BakenAppFactory(provider, time: time);
        var organisation = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).FirstAsync());
        var manager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisation);
        var lead = await app.CreateUserAsync(Roles.Teamleider, organisationId: organisation);
        var (clientId, _) = await app.CreateClientAsync(organisation, teamMember: manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(lead);
        time.Advance(TimeSpan.FromMinutes(11));
        var stale = await client.GetAsync($"/Clients/{clientId}/BreakGlass");
        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stale.Headers.Location!.OriginalString.ShouldStartWith("/Account/Reauthenticate");
    }
}
