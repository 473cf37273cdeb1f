using System.Net;
using Baken.Features.Admin;
using Baken.Features.Journal;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Journal;

public sealed class JournalTests(SharedApps apps)
{
    private static async Task<(StaffBuilder.CreatedUser Manager, StaffBuilder.CreatedUser Coordinator, StaffBuilder.CreatedUser Jobcoach, Guid TrajectoryId)> TeamAsync(BakenAppFactory app)
    {
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var organisation = (await app.FindUserAsync(manager.Id)).OrganisationId;
        var coordinator = await app.CreateUserAsync(Roles.Zorgcoordinator, organisationId: organisation);
        var jobcoach = await app.CreateUserAsync(Roles.Jobcoach, organisationId: organisation);
        var (clientId, _) = await app.CreateClientAsync(organisation, teamMember: manager.Id);
        var trajectoryId = await app.StartTrajectoryAsync(clientId, manager.Id);
        using var asManager = app.NewClient();
        await asManager.SignInAsync(manager);
        foreach (var (user, role) in new[] { (coordinator, "Zorgcoordinator"), (jobcoach, "Jobcoach") })
        {
            (await asManager.SubmitAsync($"/Trajectories/{trajectoryId}/Team", new Dictionary<string, string> { ["Candidate"] = $"{user.Id}|{role}" }, "form[action*=Add]"))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        return (manager, coordinator, jobcoach, trajectoryId);
    }

    private static Dictionary<string, string> Entry(string text, string visibility = "Team", DateTime? at = null) => new()
    {
        ["Input.Kind"] = "FaceToFace",
        ["Input.OccurredAt"] = DisplayTime.LocalInput(at ?? DateTime.UtcNow.AddHours(-2)),
        ["Input.Visibility"] = visibility,
        ["Input.Text"] = text,
    };

    [Theory]
    [Databases]
    public async Task A_restricted_note_is_read_by_its_author_and_the_case_manager_only(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var (manager, coordinator, jobcoach, trajectoryId) = await TeamAsync(app);
        var journal = $"/Trajectories/{trajectoryId}/Journal";
        using var asCoordinator = app.NewClient();
        await asCoordinator.SignInAsync(coordinator);

        var refused = await BakenClient.ReadAsync(await asCoordinator.SubmitAsync(journal, Entry("x", at: DateTime.UtcNow.AddDays(2)), "#journal-form"));
        refused.QuerySelector("#Input_OccurredAt-error").ShouldNotBeNull();
        refused.QuerySelector("#Input_Text-error").ShouldNotBeNull();
        refused.QuerySelector("#Input_Text")!.TextContent.ShouldBe("x");

        (await asCoordinator.SubmitAsync(journal, Entry("Signalen van uitbuiting besproken, aangifte overwogen", "CaseManagerAndAuthor"), "#journal-form"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await asCoordinator.SubmitAsync(journal, Entry("Samen naar de woningcorporatie geweest", at: DateTime.UtcNow.AddDays(-3)), "#journal-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var restricted = await app.QueryAsync(db => db.Set<JournalEntry>().SingleAsync(e => e.TrajectoryId == trajectoryId && e.Visibility == JournalVisibility.CaseManagerAndAuthor));
        System.Text.Encoding.UTF8.GetString(restricted.Text).ShouldNotContain("uitbuiting");

        using var asJobcoach = app.NewClient();
        await asJobcoach.SignInAsync(jobcoach);
        var (_, jobcoachView) = await asJobcoach.GetPageAsync(journal);
        jobcoachView.QuerySelector("#journal")!.TextContent.ShouldContain("woningcorporatie");
        jobcoachView.QuerySelector("#journal")!.TextContent.ShouldNotContain("uitbuiting");
        (await asJobcoach.GetAsync($"{journal}/{restricted.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var dutch = new System.Globalization.CultureInfo("nl-NL");
        var (_, jobcoachCaseload) = await asJobcoach.GetPageAsync("/Caseload");
        var row = jobcoachCaseload.QuerySelectorAll("#caseload tbody tr").Single().TextContent;
        row.ShouldContain(DisplayTime.LocalDate(DateTime.UtcNow.AddDays(-3)).ToString("d", dutch), customMessage: "last contact: the team note");
        row.ShouldNotContain(DisplayTime.LocalDate(restricted.OccurredAtUtc).ToString("d", dutch), customMessage: "the restricted note's date is not the job coach's to see");

        using var asManager = app.NewClient();
        await asManager.SignInAsync(manager);
        var (_, managerView) = await asManager.GetPageAsync(journal);
        managerView.QuerySelector("#journal")!.TextContent.ShouldContain("uitbuiting");
        (await asManager.GetAsync($"{journal}/{restricted.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.ProcessingLog.CountAsync(e => e.Action == "JournalRead"))).ShouldBeGreaterThan(0);
    }

    [Theory]
    [Databases]
    public async Task Only_the_author_edits_and_an_edit_keeps_the_earlier_version(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var (manager, coordinator, jobcoachUser, trajectoryId) = await TeamAsync(app);
        var entryId = await app.AddJournalEntryAsync(trajectoryId, "Eerste gesprek, veel spanning", coordinator.Id);
        var page = $"/Trajectories/{trajectoryId}/Journal/{entryId}";

        using var asManager = app.NewClient();
        await asManager.SignInAsync(manager);
        var (_, managerPage) = await asManager.GetPageAsync(page);
        managerPage.QuerySelector("main form").ShouldBeNull("only the author gets the edit form");

        using var asCoordinator = app.NewClient();
        await asCoordinator.SignInAsync(coordinator);
        var edited = Entry("Eerste gesprek, veel spanning; vervolgafspraak gemaakt");
        (await asCoordinator.SubmitAsync(page, edited)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await asCoordinator.GetPageAsync(page);
        after.QuerySelector("#entry-text")!.TextContent.ShouldContain("vervolgafspraak");
        after.QuerySelector("#versions")!.TextContent.ShouldContain("Eerste gesprek, veel spanning");
        (await app.QueryAsync(db => db.Set<JournalEntry>().SingleAsync(e => e.Id == entryId))).Version.ShouldBe(2);

        var (_, managerAfter) = await asManager.GetPageAsync(page);
        managerAfter.QuerySelector("#versions").ShouldNotBeNull("the case manager sees earlier versions");
        using var asJobcoach = app.NewClient();
        await asJobcoach.SignInAsync(jobcoachUser);
        var (_, jobcoachPage) = await asJobcoach.GetPageAsync(page);
        jobcoachPage.QuerySelector("#entry-text")!.TextContent.ShouldContain("vervolgafspraak");
        jobcoachPage.QuerySelector("#versions").ShouldBeNull("an earlier version may have had a narrower audience");

        var (_, teamPage) = await asJobcoach.GetPageAsync($"/Trajectories/{trajectoryId}/Team");
        teamPage.QuerySelector("form[action*=Add]").ShouldBeNull("only the case manager or the team lead changes the team");
        var (_, journalPage) = await asJobcoach.GetPageAsync($"/Trajectories/{trajectoryId}/Journal");
        var anyForm = (AngleSharp.Html.Dom.IHtmlFormElement)journalPage.QuerySelector("#journal-form")!;
        var refused = await BakenClient.ReadAsync(await asJobcoach.SubmitAsync(anyForm, $"/Trajectories/{trajectoryId}/Team?handler=Add",
            new Dictionary<string, string> { ["Candidate"] = $"{jobcoachUser.Id}|Jobcoach" }));
        refused.QuerySelector("#error-summary")!.TextContent.ShouldContain("Alleen de casemanager");
    }

    [Theory]
    [Databases]
    public async Task Appointments_and_tasks_feed_the_caseload(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var (manager, _, _, trajectoryId) = await TeamAsync(app);
        using var client = app.NewClient();
        await client.SignInAsync(manager);
        var agenda = $"/Trajectories/{trajectoryId}/Agenda";

        var badTask = await BakenClient.ReadAsync(await client.SubmitAsync(agenda, new Dictionary<string, string>
        {
            ["TaskText"] = "Uitkering aanvragen",
            ["TaskDue"] = "2020-01-01",
        }, "#task-form"));
        badTask.QuerySelector("#TaskDue-error").ShouldNotBeNull();
        badTask.QuerySelector("#TaskOwner-error").ShouldNotBeNull();
        badTask.QuerySelector("#TaskText")!.GetAttribute("value").ShouldBe("Uitkering aanvragen");

        var nextWeek = DateTime.UtcNow.AddDays(7);
        (await client.SubmitAsync(agenda, new Dictionary<string, string>
        {
            ["AppointmentAt"] = DisplayTime.LocalInput(nextWeek),
            ["AppointmentWith"] = manager.Id.ToString(),
            ["AppointmentDescription"] = "Spreekuur informatiecentrum",
        }, "#appointment-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SubmitAsync(agenda, new Dictionary<string, string>
        {
            ["TaskText"] = "Uitkering aanvragen",
            ["TaskOwner"] = manager.Id.ToString(),
            ["TaskDue"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, "#task-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.QueryAsync(db => db.Set<Baken.Features.Agenda.FollowUpTask>().Where(x => x.TrajectoryId == trajectoryId)
            .ExecuteUpdateAsync(x => x.SetProperty(y => y.DueDate, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)))));
        var contactId = await app.AddJournalEntryAsync(trajectoryId, "Telefonisch contact", manager.Id);
        var contactAt = await app.QueryAsync(db => db.Set<JournalEntry>().Where(e => e.Id == contactId).Select(e => e.OccurredAtUtc).SingleAsync());

        var (_, page) = await client.GetPageAsync(agenda);
        page.QuerySelector("#appointments")!.TextContent.ShouldContain("Spreekuur informatiecentrum");
        page.QuerySelector("#tasks")!.TextContent.ShouldContain("te laat");

        var (_, caseload) = await client.GetPageAsync("/Caseload");
        var row = caseload.QuerySelectorAll("#caseload tbody tr").Single();
        row.TextContent.ShouldContain("1 taken te laat");
        var (_, home) = await client.GetPageAsync("/");
        home.QuerySelector("#attention")!.TextContent.ShouldContain("1 open trajecten");
        home.QuerySelector("#attention")!.TextContent.ShouldContain("1 van je taken zijn te laat");
        row.TextContent.ShouldContain(DisplayTime.LocalDate(contactAt).ToString("d", new System.Globalization.CultureInfo("nl-NL")),
            customMessage: "last contact: the local date of the latest entry, which is an hour ago and so yesterday just after midnight");
    }
}
