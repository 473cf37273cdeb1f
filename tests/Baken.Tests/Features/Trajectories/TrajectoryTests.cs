using System.Net;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Retention;
using Baken.Features.Trajectories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Trajectories;

public sealed class TrajectoryTests(SharedApps apps)
{
    private static Task<Trajectory> LoadAsync(BakenAppFactory app, Guid id) =>
        app.QueryAsync(db => db.Set<Trajectory>().AsNoTracking().SingleAsync(t => t.Id == id));

    private static async Task<string?> TransitionAsync(BakenClient client, Guid trajectoryId, string to, Dictionary<string, string>? extra = null)
    {
        var page = $"/Trajectories/{trajectoryId}";
        var fields = new Dictionary<string, string>(extra ?? []) { ["Input.To"] = to };
        var response = await client.SubmitAsync(page, fields, "form[action*=Transition]");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return null;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await BakenClient.ReadAsync(response)).QuerySelector("#error-summary")?.TextContent;
    }

    [Theory]
    [Databases]
    public async Task A_case_manager_starts_a_trajectory_with_intake_and_moves_it_to_closure_and_back(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var organisation = (await app.FindUserAsync(manager.Id)).OrganisationId;
        var (clientId, _) = await app.CreateClientAsync(organisation, teamMember: manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(manager);
        var start = $"/Clients/{clientId}/Trajectories/Start";

        var refused = await BakenClient.ReadAsync(await client.SubmitAsync(start, new Dictionary<string, string>
        {
            ["Input.ReferralDate"] = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Languages"] = "Roemeens",
        }));
        refused.QuerySelector("#Type-error").ShouldNotBeNull();
        refused.QuerySelector("#Input_ReferralRoute-error").ShouldNotBeNull();
        refused.QuerySelector("#Input_ReferralDate-error").ShouldNotBeNull();
        refused.QuerySelector("#Input_Languages")!.GetAttribute("value").ShouldBe("Roemeens", "what was typed is kept");
        (await app.QueryAsync(db => db.Set<Trajectory>().AnyAsync(t => t.ClientId == clientId))).ShouldBeFalse();

        var started = await client.SubmitAsync(start, new Dictionary<string, string>
        {
            ["Type"] = "Exit",
            ["JoinAsCaseManager"] = "true",
            ["Input.ReferralRoute"] = "PoliceEscortCheck",
            ["Input.HousingNeed"] = "true",
            ["Input.VictimStatus"] = "Suspected",
            ["Input.GenderIdentity"] = "Woman",
            ["Input.Languages"] = "Roemeens",
        });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = started.Headers.Location!.OriginalString;
        var trajectoryId = Guid.Parse(page.Split('/')[^1]);
        var stored = await LoadAsync(app, trajectoryId);
        stored.State.ShouldBe(TrajectoryState.Registered);
        stored.TeamIncomplete.ShouldBeTrue("victimhood suspected and a housing need ask for two more roles");
        System.Text.Encoding.UTF8.GetString(stored.VictimStatus!).ShouldNotContain("Suspected");

        var (_, details) = await client.GetPageAsync(page);
        details.QuerySelector("#trajectory-state")!.TextContent.ShouldBe("Aangemeld");
        details.QuerySelector("#missing-roles")!.TextContent.ShouldContain("Zorgcoördinator mensenhandel");
        details.QuerySelector("#team")!.TextContent.ShouldContain("Casemanager");

        var again = await BakenClient.ReadAsync(await client.SubmitAsync(start, new Dictionary<string, string> { ["Type"] = "Exit", ["Input.ReferralRoute"] = "Police" }));
        again.QuerySelector("#Type-error")!.TextContent.ShouldContain("al een open traject");

        (await TransitionAsync(client, trajectoryId, "Active"))!.ShouldContain("niet vanuit de huidige fase");
        (await TransitionAsync(client, trajectoryId, "Intake", new() { ["Input.Note"] = "Eerste gesprek gepland" })).ShouldBeNull();
        (await TransitionAsync(client, trajectoryId, "Active")).ShouldBeNull();
        (await TransitionAsync(client, trajectoryId, "Closed"))!.ShouldContain("resultaat");
        (await LoadAsync(app, trajectoryId)).State.ShouldBe(TrajectoryState.Active, "nothing saved on a refusal");
        (await TransitionAsync(client, trajectoryId, "Closed", new() { ["Input.Outcome"] = "PaidWork", ["Input.Evaluation"] = "Werkt nu bij een bakkerij" })).ShouldBeNull();

        var closed = await LoadAsync(app, trajectoryId);
        closed.State.ShouldBe(TrajectoryState.Closed);
        closed.Outcome.ShouldBe(ClosureOutcome.PaidWork);
        closed.ClosedAtUtc.ShouldNotBeNull();
        var intakeEdit = await BakenClient.ReadAsync(await client.SubmitAsync($"/Trajectories/{trajectoryId}/Intake", new Dictionary<string, string> { ["Input.ReferralRoute"] = "Police" }));
        intakeEdit.QuerySelector("#error-summary")!.TextContent.ShouldContain("afgesloten");

        var (_, closedPage) = await client.GetPageAsync(page);
        closedPage.QuerySelector("#history")!.TextContent.ShouldContain("Eerste gesprek gepland");
        closedPage.QuerySelector("main")!.TextContent.ShouldContain("Werkt nu bij een bakkerij");
        (await TransitionAsync(client, trajectoryId, "Active", new() { ["Input.Note"] = "Baan verloren, wil opnieuw begeleiding" })).ShouldBeNull();
        (await LoadAsync(app, trajectoryId)).Outcome.ShouldBeNull();

        var actions = await app.QueryAsync(db => db.ProcessingLog.Where(e => e.SubjectId == clientId).Select(e => e.Action).ToListAsync());
        actions.ShouldContain("TrajectoryStarted");
        actions.ShouldContain("TrajectoryViewed");
        actions.ShouldContain("TrajectoryMovedToClosed");
    }

    [Theory]
    [Databases]
    public async Task A_stale_form_does_not_overwrite_a_newer_state(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var (clientId, _) = await app.CreateClientAsync((await app.FindUserAsync(manager.Id)).OrganisationId, teamMember: manager.Id);
        var trajectoryId = await app.StartTrajectoryAsync(clientId, manager.Id);
        using var first = app.NewClient();
        using var second = app.NewClient();
        await first.SignInAsync(manager);
        await second.SignInAsync(manager);
        var page = $"/Trajectories/{trajectoryId}";
        var (_, staleDocument) = await second.GetPageAsync(page);

        (await TransitionAsync(first, trajectoryId, "Intake")).ShouldBeNull();
        var staleForm = (AngleSharp.Html.Dom.IHtmlFormElement)staleDocument.QuerySelector("form[action*=Transition]")!;
        var response = await second.SubmitAsync(staleForm, page, new Dictionary<string, string> { ["Input.To"] = "DroppedOut", ["Input.Note"] = "Geen contact meer" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await BakenClient.ReadAsync(response);
        shown.QuerySelector("#error-summary")!.TextContent.ShouldContain("intussen gewijzigd");
        shown.QuerySelector("#trajectory-state")!.TextContent.ShouldBe("Intake", "the page shows the newer state");
        shown.QuerySelector("#Input_Note")!.TextContent.ShouldBe("Geen contact meer", "what was typed is kept");
        (await LoadAsync(app, trajectoryId)).State.ShouldBe(TrajectoryState.Intake);
    }

    [Theory]
    [Databases]
    public async Task Team_membership_by_role_grants_access_and_ending_it_revokes_access_at_once(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisations = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).Take(2).ToListAsync());
        var manager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisations[0]);
        var coordinator = await app.CreateUserAsync(Roles.Zorgcoordinator, organisationId: organisations[1]);
        var otherManager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisations[1]);
        var (clientId, _) = await app.CreateClientAsync(organisations[0], teamMember: manager.Id);
        var trajectoryId = await app.StartTrajectoryAsync(clientId, manager.Id,
            intake: new TrajectoryIntake { ReferralRoute = ReferralRoute.Police, VictimStatus = VictimStatus.Yes });
        (await LoadAsync(app, trajectoryId)).TeamIncomplete.ShouldBeTrue();

        using var asCoordinator = app.NewClient();
        await asCoordinator.SignInAsync(coordinator);
        (await asCoordinator.GetAsync($"/Clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not on the team yet");

        using var asManager = app.NewClient();
        await asManager.SignInAsync(manager);
        var team = $"/Trajectories/{trajectoryId}/Team";
        var wrongRole = await BakenClient.ReadAsync(await asManager.SubmitAsync(team, new Dictionary<string, string> { ["Candidate"] = $"{coordinator.Id}|Jobcoach" }, "form[action*=Add]"));
        wrongRole.QuerySelector("#Candidate-error")!.TextContent.ShouldContain("heeft die rol niet");
        var secondManager = await BakenClient.ReadAsync(await asManager.SubmitAsync(team, new Dictionary<string, string> { ["Candidate"] = $"{otherManager.Id}|Casemanager" }, "form[action*=Add]"));
        secondManager.QuerySelector("#Candidate-error")!.TextContent.ShouldContain("precies één casemanager");
        (await asManager.SubmitAsync(team, new Dictionary<string, string> { ["Candidate"] = $"{coordinator.Id}|Zorgcoordinator" }, "form[action*=Add]"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoadAsync(app, trajectoryId)).TeamIncomplete.ShouldBeFalse();

        (await asCoordinator.GetAsync($"/Clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.OK, "joining grants access");
        (await asCoordinator.GetAsync($"/Trajectories/{trajectoryId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, caseload) = await asCoordinator.GetPageAsync("/Caseload");
        caseload.QuerySelector("#caseload")!.TextContent.ShouldContain("Zorgcoördinator mensenhandel");

        var (_, teamPage) = await asManager.GetPageAsync(team);
        var end = (AngleSharp.Html.Dom.IHtmlFormElement)teamPage.QuerySelectorAll("#current-team form").Single(f => f.TextContent.Contains("Test Zorgcoordinator", StringComparison.Ordinal));
        (await asManager.SubmitAsync(end, team, new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await asCoordinator.GetAsync($"/Clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "leaving revokes access at once");
        (await asCoordinator.GetAsync($"/Trajectories/{trajectoryId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await LoadAsync(app, trajectoryId)).TeamIncomplete.ShouldBeTrue();
        var (_, afterwards) = await asManager.GetPageAsync(team);
        afterwards.QuerySelector("#former-team")!.TextContent.ShouldContain("Test Zorgcoordinator");
    }

    [Theory]
    [Databases]
    public async Task The_caseload_and_start_page_show_my_trajectories_with_missing_roles_and_a_team_lead_sees_the_queue(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var organisation = (await app.FindUserAsync(manager.Id)).OrganisationId;
        var (complete, completeCode) = await app.CreateClientAsync(organisation, new ClientIdentity { Alias = "Compleet" }, teamMember: manager.Id);
        var (incomplete, incompleteCode) = await app.CreateClientAsync(organisation, new ClientIdentity { Alias = "Woonvraag" }, teamMember: manager.Id);
        var (waiting, waitingCode) = await app.CreateClientAsync(organisation, new ClientIdentity { Alias = "Wacht" });
        await app.StartTrajectoryAsync(complete, manager.Id);
        await app.StartTrajectoryAsync(incomplete, manager.Id, intake: new TrajectoryIntake { ReferralRoute = ReferralRoute.Police, HousingNeed = true });
        using var client = app.NewClient();
        await client.SignInAsync(manager);

        var (_, caseload) = await client.GetPageAsync("/Caseload");
        var table = caseload.QuerySelector("#caseload")!.TextContent;
        table.ShouldContain(completeCode);
        table.ShouldContain("Woonvraag");
        table.ShouldContain("Woonbegeleider");
        table.ShouldNotContain(waitingCode);
        var (_, onlyMissing) = await client.GetPageAsync("/Caseload?Missing=true");
        onlyMissing.QuerySelector("#caseload")!.TextContent.ShouldContain(incompleteCode);
        onlyMissing.QuerySelector("#caseload")!.TextContent.ShouldNotContain(completeCode);

        // The start page counts the same trajectories: not a colleague's, nor one in the queue the manager may open.
        var colleague = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisation);
        var (theirs, _) = await app.CreateClientAsync(organisation, teamMember: colleague.Id);
        await app.StartTrajectoryAsync(theirs, colleague.Id, intake: new TrajectoryIntake { ReferralRoute = ReferralRoute.Police, HousingNeed = true });
        await app.StartTrajectoryAsync(waiting, intake: new TrajectoryIntake { ReferralRoute = ReferralRoute.Police, HousingNeed = true });
        var (_, start) = await client.GetPageAsync("/");
        var attention = start.QuerySelectorAll("#attention li").Select(li => li.TextContent.Trim()).ToList();
        attention.ShouldContain("2 open trajecten waarin je in het team zit");
        attention.ShouldContain("1 daarvan missen een rol in het team");

        var lead = await app.CreateUserAsync(Roles.Teamleider, organisationId: organisation);
        using var asLead = app.NewClient();
        await asLead.SignInAsync(lead);
        var (_, organisationLoad) = await asLead.GetPageAsync("/Caseload");
        organisationLoad.QuerySelector("#caseload")!.TextContent.ShouldContain(incompleteCode);
        organisationLoad.QuerySelector("#intake-queue")!.TextContent.ShouldContain(waitingCode);
    }

    [Theory]
    [Databases]
    public async Task A_client_leaves_the_intake_queue_when_someone_joins_the_team_and_returns_when_the_last_one_leaves(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var organisation = (await app.FindUserAsync(manager.Id)).OrganisationId;
        var lead = await app.CreateUserAsync(Roles.Teamleider, organisationId: organisation);
        var (clientId, code) = await app.CreateClientAsync(organisation, new ClientIdentity { Alias = "Wachtend" });
        using var asLead = app.NewClient();
        await asLead.SignInAsync(lead);
        async Task<bool> WaitingAsync()
        {
            var (_, page) = await asLead.GetPageAsync("/Caseload");
            return page.QuerySelector("#intake-queue")?.TextContent.Contains(code, StringComparison.Ordinal) ?? false;
        }

        (await WaitingAsync()).ShouldBeTrue("registered without a team");

        var trajectoryId = await app.StartTrajectoryAsync(clientId, manager.Id);
        (await WaitingAsync()).ShouldBeFalse("the case manager joined the team");
        (await app.QueryAsync(db => db.Set<Client>().Where(c => c.Id == clientId).Select(c => c.WaitingSinceUtc).SingleAsync())).ShouldBeNull();

        using var asManager = app.NewClient();
        await asManager.SignInAsync(manager);
        var team = $"/Trajectories/{trajectoryId}/Team";
        var (_, teamPage) = await asManager.GetPageAsync(team);
        var end = (AngleSharp.Html.Dom.IHtmlFormElement)teamPage.QuerySelectorAll("#current-team form").Single();
        (await asManager.SubmitAsync(end, team, new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await WaitingAsync()).ShouldBeTrue("the last member left");
        var stored = await app.QueryAsync(db => db.Set<Client>().Where(c => c.Id == clientId).Select(c => new { c.CreatedAtUtc, c.WaitingSinceUtc }).SingleAsync());
        stored.WaitingSinceUtc.ShouldNotBeNull();
        stored.WaitingSinceUtc.Value.ShouldBeGreaterThan(stored.CreatedAtUtc, "it waits since the member left, not since it was registered");
    }

    [Theory]
    [Databases]
    public async Task A_client_with_an_open_trajectory_is_not_erased_by_retention(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.QueryAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        var (clientId, _) = await app.CreateClientAsync(organisation);
        await app.StartTrajectoryAsync(clientId);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BakenDbContext>().Set<Client>().Where(c => c.Id == clientId)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.LastActivityAtUtc, DateTime.UtcNow.AddMonths(-30)));
        }

        await app.Services.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None);
        (await app.QueryAsync(db => db.Set<Client>().AnyAsync(c => c.Id == clientId))).ShouldBeTrue();
    }
}
