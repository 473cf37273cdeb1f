using System.Data.Common;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Journal;
using Baken.Features.Plan;
using Baken.Features.Referrals;
using Baken.Features.Trajectories;
using Baken.Tests.Features.Referrals;
using Baken.Tests.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Clients;

/// <summary>
/// The right of access covers the whole file: every trajectory with its course, journal, plan, referrals and
/// agenda, decrypted, on the printable page and in the JSON; staff as role and organisation only; one
/// processing-log entry for the export; and the journal's need-to-know still holds.
/// </summary>
public sealed class ExportContentsTests(SharedApps apps)
{
    private sealed record Filled(ReferralTestSupport.Case Case, string Canary, Guid Referral);

    [Theory]
    [Databases]
    public async Task The_export_holds_trajectories_journal_plan_and_referrals_decrypted_on_the_page_and_in_the_json(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var filled = await FillAsync(app);
        var (@case, canary) = (filled.Case, filled.Canary);
        await app.QueryAsync(db => db.Users.Where(u => u.Id == @case.Manager.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Naam" + canary)));
        var lead = await app.CreateUserAsync(Roles.Teamleider, organisationId: @case.Organisation);
        using (var leadClient = app.NewClient())
        {
            await leadClient.SignInAsync(lead);
            (await leadClient.SubmitAsync($"/Clients/{@case.Client}/BreakGlass", new Dictionary<string, string> { ["Input.Reason"] = "Noodtoegang " + canary }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await app.RaiseSignalAsync(@case.Organisation, description: "Signaaltekst " + canary, clientId: @case.Client);
        var report = await app.ReceiveReportAsync(@case.Organisation, "Gesprek " + canary);
        var (_, contact) = await app.StartOutreachAsync(@case.Organisation);
        await app.QueryAsync(db => db.Set<Baken.Features.Contact.AnonymousReport>().Where(r => r.Id == report)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.ClientId, @case.Client)));
        await app.QueryAsync(db => db.Set<Baken.Features.Outreach.OutreachContact>().Where(c => c.Id == contact)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.ClientId, @case.Client).SetProperty(x => x.AgeBand, Baken.Features.Outreach.AgeBand.From25To34)));
        using var client = app.NewClient();
        await client.SignInAsync(@case.Manager);
        var logBefore = await LogCountAsync(app, @case.Client);

        var (response, page) = await client.GetPageAsync($"/Clients/{@case.Client}/Export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LogCountAsync(app, @case.Client)).ShouldBe(logBefore + 1, "the export is one processing, logged once");
        (await app.ClientLogCountAsync(@case.Client, ClientExporter.Action)).ShouldBe(1);
        var main = page.QuerySelector("main")!.TextContent;
        foreach (var text in new[] { "Journaal ", "Beperkt ", "Doel ", "Actie ", "Meting ", "Vraag ", "Terugkoppeling ", "Fase ", "Afspraak ", "Noodtoegang ", "Gesprek " })
        {
            main.ShouldContain(text + canary, customMessage: $"the page shows '{text}'");
        }

        main.ShouldContain(@case.Languages, customMessage: "the trajectory's intake, decrypted");
        Cell(page, "#export-assessments", "Huisvesting: 2").ShouldContain("eigen score: 4", customMessage: "team score and the client's own score per domain");
        Cell(page, "#export-goals", "Doel " + canary).ShouldContain("Loopt");
        Cell(page, "#export-history", "Fase " + canary).ShouldContain("Intake");
        Cell(page, "#export-referrals", "Vraag " + canary).ShouldContain("Geaccepteerd");
        Cell(page, "#export-journal", "Journaal " + canary).ShouldContain("Casemanager", customMessage: "the author as role and organisation");
        page.QuerySelector("#export-signals")!.TextContent.ShouldContain("Uitbuiting");
        main.ShouldNotContain("Signaaltekst", customMessage: "a signal's text is left out on purpose");
        main.ShouldNotContain("Naam" + canary, customMessage: "no staff names");
        main.ShouldNotContain(@case.Manager.Email, Case.Insensitive);
        page.QuerySelector("#export-journal-hidden").ShouldBeNull("the case manager reads every entry");
        foreach (var table in page.QuerySelectorAll("main table"))
        {
            table.QuerySelectorAll("thead th").ShouldAllBe(th => th.GetAttribute("scope") == "col");
        }

        page.QuerySelectorAll("main h2").Select(h => h.TextContent).ShouldContain("Metingen");
        Cell(page, "#export-outreach", "25").ShouldContain("Voorbeeld: raamgebied", customMessage: "an outreach contact counted as this client");
        page.QuerySelector("#export-tasks").ShouldBeNull();
        main.ShouldContain("Er zijn geen taken.", customMessage: "an empty section says so");
        main.ShouldNotContain("ProcessingAction_", customMessage: "an action without a text shows a neutral text, never a resource key");

        var json = await client.GetAsync($"/Clients/{@case.Client}/Export?handler=Json");
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        var raw = await json.Content.ReadAsStringAsync();
        raw.ShouldNotContain("Signaaltekst");
        raw.ShouldNotContain("Naam" + canary);
        using var document = JsonDocument.Parse(raw);
        var trajectory = document.RootElement.GetProperty("trajectories").EnumerateArray().Single();
        trajectory.GetProperty("state").GetString().ShouldBe("Intake");
        trajectory.GetProperty("intake").GetProperty("languages").GetString().ShouldBe(@case.Languages);
        trajectory.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString().ShouldBe("Fase " + canary);
        trajectory.GetProperty("journal").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ShouldBe(new[] { "Journaal " + canary, "Beperkt " + canary }, ignoreOrder: true);
        trajectory.GetProperty("journal")[0].GetProperty("author").GetProperty("role").GetString().ShouldBe("Casemanager");
        trajectory.GetProperty("journalEntriesNotShown").GetInt32().ShouldBe(0);
        var goal = trajectory.GetProperty("goals").EnumerateArray().Single();
        goal.GetProperty("text").GetString().ShouldBe("Doel " + canary);
        goal.GetProperty("domain").GetString().ShouldBe("Huisvesting");
        goal.GetProperty("status").GetString().ShouldBe("Open");
        goal.GetProperty("actions")[0].GetProperty("text").GetString().ShouldBe("Actie " + canary);
        var assessment = trajectory.GetProperty("assessments").EnumerateArray().Single();
        assessment.GetProperty("note").GetString().ShouldBe("Meting " + canary);
        var score = assessment.GetProperty("scores").EnumerateArray().Single();
        score.GetProperty("domain").GetString().ShouldBe("Huisvesting");
        score.GetProperty("score").GetInt32().ShouldBe(2);
        score.GetProperty("clientScore").GetInt32().ShouldBe(4, "the client's own score beside the team's");
        var referral = trajectory.GetProperty("referrals").EnumerateArray().Single();
        referral.GetProperty("letter").GetString().ShouldNotBeNull().ShouldContain("Vraag " + canary);
        referral.GetProperty("status").GetString().ShouldBe("Accepted");
        string.Join(",", referral.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString())).ShouldBe("Sent,Accepted");
        referral.GetProperty("history")[1].GetProperty("feedback").GetString().ShouldBe("Terugkoppeling " + canary);
        trajectory.GetProperty("appointments")[0].GetProperty("description").GetString().ShouldBe("Afspraak " + canary);
        document.RootElement.GetProperty("emergencyAccess")[0].GetProperty("reason").GetString().ShouldBe("Noodtoegang " + canary);
        document.RootElement.GetProperty("emergencyAccess")[0].GetProperty("by").GetProperty("role").GetString().ShouldBe("Teamleider");
        document.RootElement.GetProperty("signals")[0].GetProperty("category").GetString().ShouldBe("Exploitation");
        var message = document.RootElement.GetProperty("conversations")[0].GetProperty("messages")[0];
        message.GetProperty("text").GetString().ShouldBe("Gesprek " + canary, "decrypted with the report's own key");
        message.GetProperty("fromClient").GetBoolean().ShouldBeTrue();
        document.RootElement.GetProperty("outreachContacts")[0].GetProperty("ageBand").GetString().ShouldBe("From25To34");
        (await app.ClientLogCountAsync(@case.Client, ClientExporter.Action)).ShouldBe(2);
        (await app.ClientLogCountAsync(@case.Client, "JournalRead")).ShouldBe(0, "no reader of another feature logged a read of its own");

        using var stranger = app.NewClient();
        await stranger.SignInAsNewAsync(Roles.Casemanager, await app.NewOrganisationAsync());
        (await stranger.GetAsync($"/Clients/{@case.Client}/Export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/Clients/{@case.Client}/Export?handler=Json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        app.Logs.All.ShouldNotContain(canary);
    }

    [Theory]
    [Databases]
    public async Task A_colleague_on_the_team_exports_without_the_entries_only_the_case_manager_may_read(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var filled = await FillAsync(app);
        var (@case, canary) = (filled.Case, filled.Canary);
        var coach = await app.CreateUserAsync(Roles.Jobcoach, organisationId: @case.Organisation);
        await app.QueryAsync(async db =>
        {
            db.Add(new ClientTeamMember { ClientId = @case.Client, UserId = coach.Id, TrajectoryId = @case.Trajectory, Role = TeamRole.Jobcoach, FromUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var client = app.NewClient();
        await client.SignInAsync(coach);

        var (response, page) = await client.GetPageAsync($"/Clients/{@case.Client}/Export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var main = page.QuerySelector("main")!.TextContent;
        main.ShouldContain("Journaal " + canary);
        main.ShouldNotContain("Beperkt " + canary);
        page.QuerySelector("#export-journal-hidden")!.TextContent.ShouldContain("1 berichten");
        using var document = JsonDocument.Parse(await client.Http.GetStringAsync(new Uri($"/Clients/{@case.Client}/Export?handler=Json", UriKind.Relative)));
        var trajectory = document.RootElement.GetProperty("trajectories")[0];
        trajectory.GetProperty("journal").GetArrayLength().ShouldBe(1);
        trajectory.GetProperty("journalEntriesNotShown").GetInt32().ShouldBe(1);
        document.RootElement.GetRawText().ShouldNotContain("Beperkt");
    }

    [Theory]
    [Databases]
    public async Task The_export_does_not_query_per_trajectory_entry_goal_or_referral(DatabaseProvider provider)
    {
        var counter = new ReadCounter();
        await using var app = new BakenAppFactory(provider, demo: false, services: s => s.AddSingleton<IInterceptor>(counter));
        var filled = await FillAsync(app);
        using var client = app.NewClient();
        await client.SignInAsync(filled.Case.Manager);
        var url = $"/Clients/{filled.Case.Client}/Export";
        await client.GetAsync(url);
        var small = await ReadsAsync(client, counter, url);

        var second = await app.StartTrajectoryAsync(filled.Case.Client, filled.Case.Manager.Id, TrajectoryType.Support);
        foreach (var trajectory in new[] { filled.Case.Trajectory, second })
        {
            for (var i = 0; i < 3; i++)
            {
                await app.AddJournalEntryAsync(trajectory, $"Meer {i}", filled.Case.Manager.Id);
                await app.AddGoalAsync(trajectory, $"Meer doelen {i}");
                await app.SendReferralAsync(trajectory, by: filled.Case.Manager.Id);
            }
        }

        var large = await ReadsAsync(client, counter, url);

        small.ShouldBeGreaterThan(0);
        large.ShouldBe(small, "more trajectories and rows cost no more queries");
    }

    /// <summary>
    /// A client of a new organisation on an exit trajectory (moved to intake with a note), with a journal entry for
    /// the team and one for the case manager only, a goal with an action, an assessment, an accepted referral
    /// with feedback and an appointment; every text carries a canary.
    /// </summary>
    private static async Task<Filled> FillAsync(BakenAppFactory app)
    {
        var canary = $"kanarie{Guid.NewGuid():N}";
        var @case = await app.NewCaseAsync();
        var author = await app.CreateUserAsync(Roles.Zorgcoordinator, organisationId: @case.Organisation);
        await app.AddJournalEntryAsync(@case.Trajectory, "Journaal " + canary, @case.Manager.Id);
        await app.AddJournalEntryAsync(@case.Trajectory, "Beperkt " + canary, author.Id, JournalVisibility.CaseManagerAndAuthor);
        await app.AddGoalAsync(@case.Trajectory, "Doel " + canary);
        var referral = await app.SendReferralAsync(@case, await app.NewPartnerAsync(), "Vraag " + canary);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<BakenDbContext>();
            var trajectory = await db.Set<Trajectory>().SingleAsync(t => t.Id == @case.Trajectory);
            var client = await db.Set<Client>().SingleAsync(c => c.Id == @case.Client);
            var housing = PlanDefaults.Domains[0].Id;
            var plan = services.GetRequiredService<PlanRecords>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            (await plan.AddAssessmentAsync(client, trajectory, today, withClient: true, new Dictionary<Guid, int> { [housing] = 2 },
                new Dictionary<Guid, int> { [housing] = 4 }, "Meting " + canary, @case.Manager.Id, CancellationToken.None)).ShouldBeNull();
            var goal = await db.Set<Goal>().SingleAsync(g => g.TrajectoryId == trajectory.Id);
            (await plan.AddActionAsync(client, trajectory, goal, "Actie " + canary, null, CancellationToken.None)).ShouldBeNull();
            var sent = await db.Set<Referral>().SingleAsync(r => r.Id == referral);
            (await services.GetRequiredService<ReferralRecords>().ChangeStatusAsync(client, sent, ReferralStatus.Accepted,
                Baken.Infrastructure.Web.DisplayTime.LocalDate(DateTime.UtcNow), "Terugkoppeling " + canary, @case.Manager.Id, CancellationToken.None)).ShouldBeNull();
            (await services.GetRequiredService<TrajectoryRecords>().TransitionAsync(client, trajectory, TrajectoryState.Intake, null, null, "Fase " + canary,
                @case.Manager.Id, CancellationToken.None)).ShouldBeNull();
            await db.SaveChangesAsync();
        }

        using var browser = app.NewClient();
        await browser.SignInAsync(@case.Manager);
        (await browser.SubmitAsync($"/Trajectories/{@case.Trajectory}/Agenda", new Dictionary<string, string>
        {
            ["AppointmentAt"] = Baken.Infrastructure.Web.DisplayTime.LocalInput(DateTime.UtcNow.AddDays(7)),
            ["AppointmentWith"] = @case.Manager.Id.ToString(),
            ["AppointmentDescription"] = "Afspraak " + canary,
        }, "#appointment-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return new Filled(@case, canary, referral);
    }

    /// <summary>The text of the row of <paramref name="table"/> that contains <paramref name="text"/>.</summary>
    private static string Cell(IHtmlDocument page, string table, string text) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(r => r.TextContent).FirstOrDefault(t => t.Contains(text, StringComparison.Ordinal))
            .ShouldNotBeNull($"{table} has a row with '{text}'");

    private static Task<int> LogCountAsync(BakenAppFactory app, Guid client) =>
        app.QueryAsync(db => db.ProcessingLog.CountAsync(e => e.SubjectId == client));

    private static async Task<int> ReadsAsync(BakenClient client, ReadCounter counter, string url)
    {
        var before = counter.Reads;
        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return counter.Reads - before;
    }
}
