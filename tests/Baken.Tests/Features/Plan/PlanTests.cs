using System.Globalization;
using System.Net;
using Baken.Features.Admin;
using Baken.Features.Plan;
using Baken.Features.Trajectories;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Plan;

public sealed class PlanTests(SharedApps apps)
{
    private static readonly Guid Housing = PlanDefaults.Domains[0].Id;
    private static readonly Guid Finances = PlanDefaults.Domains[1].Id;
    private static readonly Guid Meaning = PlanDefaults.Domains[8].Id;

    private static string Day(DateTime utc) => DateOnly.FromDateTime(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(BakenClient Client, Guid TrajectoryId, StaffBuilder.CreatedUser Manager)> TrajectoryAsync(BakenAppFactory app, DateTime? startedUtc = null)
    {
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var (clientId, _) = await app.CreateClientAsync((await app.FindUserAsync(manager.Id)).OrganisationId, teamMember: manager.Id);
        var trajectoryId = await app.StartTrajectoryAsync(clientId, manager.Id);
        var started = startedUtc ?? DateTime.UtcNow;
        await app.QueryAsync(db => db.Set<Trajectory>().Where(t => t.Id == trajectoryId)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.CreatedAtUtc, started).SetProperty(x => x.State, TrajectoryState.Active)));

        var client = app.NewClient();
        await client.SignInAsync(manager);
        return (client, trajectoryId, manager);
    }

    [Theory]
    [Databases]
    public async Task Assessments_are_validated_stored_encrypted_and_shown_as_overview_and_charts(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var (client, trajectoryId, _) = await TrajectoryAsync(app, DateTime.UtcNow.AddDays(-200));
        using var _ = client;
        var form = $"/Trajectories/{trajectoryId}/Assessments/New";

        var bad = await BakenClient.ReadAsync(await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["AssessedOn"] = Day(DateTime.UtcNow.AddDays(3)),
            [$"ScoresByDomain[{Housing}]"] = "7",
        }));
        bad.QuerySelector("#AssessedOn-error").ShouldNotBeNull();
        bad.QuerySelector("#error-summary")!.TextContent.ShouldContain("1, 2, 3, 4 of 5");
        var none = await BakenClient.ReadAsync(await client.SubmitAsync(form, new Dictionary<string, string> { ["AssessedOn"] = Day(DateTime.UtcNow) }));
        none.QuerySelector("#error-summary")!.TextContent.ShouldContain("minstens één leefgebied");
        (await app.QueryAsync(db => db.Set<Assessment>().CountAsync(a => a.TrajectoryId == trajectoryId))).ShouldBe(0);

        var scores = new[] { (-150, 2, 1), (-90, 3, 2), (-10, 4, 2) };
        foreach (var (days, housing, finances) in scores)
        {
            (await client.SubmitAsync(form, new Dictionary<string, string>
            {
                ["AssessedOn"] = Day(DateTime.UtcNow.AddDays(days)),
                ["WithClient"] = "true",
                [$"ScoresByDomain[{Housing}]"] = housing.ToString(CultureInfo.InvariantCulture),
                [$"ScoresByDomain[{Finances}]"] = finances.ToString(CultureInfo.InvariantCulture),
                [$"ClientScoresByDomain[{Housing}]"] = "3",
                ["Note"] = "Samen ingevuld",
            })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var stored = await app.QueryAsync(db => db.Set<Assessment>().Where(a => a.TrajectoryId == trajectoryId).Select(a => a.Scores).ToListAsync());
        stored.Count.ShouldBe(3);
        stored.ShouldAllBe(bytes => !System.Text.Encoding.UTF8.GetString(bytes).Contains(Housing.ToString("N"), StringComparison.Ordinal));

        var (_, plan) = await client.GetPageAsync($"/Trajectories/{trajectoryId}/Plan");
        var overview = plan.QuerySelectorAll("#overview tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.TextContent);
        overview["Huisvesting"].ShouldContain("2 – Niet zelfredzaam");
        overview["Huisvesting"].ShouldContain("4 – Voldoende zelfredzaam");
        overview["Huisvesting"].ShouldContain("2 hoger");
        overview["Financiën"].ShouldContain("1 hoger");
        overview["Zingeving"].ShouldNotContain("hoger");
        var charts = plan.QuerySelectorAll("#charts svg[role=img]");
        charts.Length.ShouldBe(2, "one chart per scored domain");
        charts[0].QuerySelectorAll("circle").Length.ShouldBe(3);
        charts[0].QuerySelector("title")!.TextContent.ShouldContain("Huisvesting");
        plan.QuerySelectorAll("#charts details table tbody tr").Length.ShouldBe(6, "the same data as a table");
        plan.QuerySelector("#assessment-due").ShouldNotBeNull();
    }

    [Theory]
    [Databases]
    public async Task A_goal_edited_by_two_colleagues_at_once_loses_nothing(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var (first, trajectoryId, manager) = await TrajectoryAsync(app);
        using var __ = first;
        var refused = await BakenClient.ReadAsync(await first.SubmitAsync($"/Trajectories/{trajectoryId}/Goals/New", new Dictionary<string, string> { ["Input.Text"] = "x" }));
        refused.QuerySelector("#Input_DomainId-error").ShouldNotBeNull();
        refused.QuerySelector("#Input_Text-error").ShouldNotBeNull();

        var added = await first.SubmitAsync($"/Trajectories/{trajectoryId}/Goals/New", new Dictionary<string, string>
        {
            ["Input.DomainId"] = Meaning.ToString(),
            ["Input.Text"] = "Weer gaan zingen in een koor",
            ["Input.OwnerRole"] = "Casemanager",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var goalId = await app.QueryAsync(db => db.Set<Goal>().Where(g => g.TrajectoryId == trajectoryId).Select(g => g.Id).SingleAsync());
        var edit = $"/Trajectories/{trajectoryId}/Goals/{goalId}";

        using var second = app.NewClient();
        await second.SignInAsync(manager);
        var (_, secondPage) = await second.GetPageAsync(edit);

        (await first.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Text"] = "Zingen in het buurtkoor", ["Input.Status"] = "Open" }, "main form:not([action*=Action])"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var secondForm = (AngleSharp.Html.Dom.IHtmlFormElement)secondPage.QuerySelector("main form:not([action*=Action])")!;
        var conflict = await BakenClient.ReadAsync(await second.SubmitAsync(secondForm, edit, new Dictionary<string, string> { ["Input.Text"] = "Koor gevonden, eerste repetitie", ["Input.Status"] = "Achieved" }));
        conflict.QuerySelector("#conflict")!.TextContent.ShouldContain("Zingen in het buurtkoor", customMessage: "what the first colleague saved");
        conflict.QuerySelector("#Input_Text")!.TextContent.ShouldBe("Koor gevonden, eerste repetitie", "what the second typed is kept");
        var resubmit = (AngleSharp.Html.Dom.IHtmlFormElement)conflict.QuerySelector("main form:not([action*=Action])")!;
        (await second.SubmitAsync(resubmit, edit, new Dictionary<string, string> { ["Input.Text"] = "Koor gevonden, eerste repetitie", ["Input.Status"] = "Achieved" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<Goal>().SingleAsync(g => g.Id == goalId))).Status.ShouldBe(GoalStatus.Achieved);

        (await first.SubmitAsync(edit, new Dictionary<string, string> { ["ActionText"] = "Proefrepetitie bijwonen" }, "form[action*=Action]")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, plan) = await first.GetPageAsync($"/Trajectories/{trajectoryId}/Plan");
        plan.QuerySelector($"#goal-{goalId}")!.TextContent.ShouldContain("Proefrepetitie bijwonen");
        var done = (AngleSharp.Html.Dom.IHtmlFormElement)plan.QuerySelector($"#goal-{goalId} form")!;
        (await first.SubmitAsync(done, $"/Trajectories/{trajectoryId}/Plan", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<GoalAction>().SingleAsync(a => a.GoalId == goalId))).DoneAtUtc.ShouldNotBeNull();
    }

    [Theory]
    [Databases]
    public async Task A_closed_trajectory_refuses_new_assessments(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var (client, trajectoryId, _) = await TrajectoryAsync(app);
        using var _ = client;
        await app.QueryAsync(db => db.Set<Trajectory>().Where(t => t.Id == trajectoryId)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.State, TrajectoryState.Closed)));
        var refused = await BakenClient.ReadAsync(await client.SubmitAsync($"/Trajectories/{trajectoryId}/Assessments/New", new Dictionary<string, string>
        {
            ["AssessedOn"] = Day(DateTime.UtcNow),
            [$"ScoresByDomain[{Housing}]"] = "3",
        }));
        refused.QuerySelector("#error-summary")!.TextContent.ShouldContain("afgesloten");
        (await app.QueryAsync(db => db.Set<Assessment>().CountAsync(a => a.TrajectoryId == trajectoryId))).ShouldBe(0);
    }

    [Theory]
    [Databases]
    public async Task An_administrator_manages_life_domains_and_a_retired_domain_is_no_longer_offered(DatabaseProvider provider)
    {
        await using var app = new BakenAppFactory(provider);
        using var admin = app.NewClient();
        await admin.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));

        var duplicate = await BakenClient.ReadAsync(await admin.SubmitAsync("/Admin/LifeDomains", new Dictionary<string, string> { ["Input.Name"] = "Huisvesting", ["Input.SortOrder"] = "10" }, "#add-domain-form"));
        duplicate.QuerySelector("#Input_Name-error").ShouldNotBeNull();
        (await admin.SubmitAsync("/Admin/LifeDomains", new Dictionary<string, string> { ["Input.Name"] = "Veiligheid", ["Input.SortOrder"] = "10" }, "#add-domain-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var added = await app.QueryAsync(db => db.Set<LifeDomain>().SingleAsync(d => d.Name == "Veiligheid"));
        (await admin.SubmitAsync($"/Admin/LifeDomains/Edit/{added.Id}", new Dictionary<string, string> { ["Input.Name"] = "Veiligheid en bescherming", ["Input.SortOrder"] = "10" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, list) = await admin.GetPageAsync("/Admin/LifeDomains");
        var retire = (AngleSharp.Html.Dom.IHtmlFormElement)list.QuerySelectorAll("#domains tr").Single(r => r.TextContent.Contains("Zingeving", StringComparison.Ordinal)).QuerySelector("form")!;
        (await admin.SubmitAsync(retire, "/Admin/LifeDomains", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, scale) = await admin.GetPageAsync("/Admin/LifeDomains/Scale");
        scale.QuerySelector("#Levels_0__Label")!.GetAttribute("value").ShouldBe("Acute problemen");
        var levels = new Dictionary<string, string>();
        for (var i = 0; i < 5; i++)
        {
            levels[$"Levels[{i}].Label"] = i == 0 ? "Crisis" : PlanDefaults.Scale[i].Label;
            levels[$"Levels[{i}].Description"] = PlanDefaults.Scale[i].Description;
        }

        (await admin.SubmitAsync("/Admin/LifeDomains/Scale", levels)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (client, trajectoryId, _) = await TrajectoryAsync(app);
        using var _ = client;
        var (_, form) = await client.GetPageAsync($"/Trajectories/{trajectoryId}/Assessments/New");
        var rows = form.QuerySelector("#scores tbody")!.TextContent;
        rows.ShouldContain("Veiligheid en bescherming");
        rows.ShouldNotContain("Zingeving");
        rows.ShouldContain("1 – Crisis");
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action.StartsWith("LifeDomain")))).ShouldBe(3);
    }

    [Fact]
    public void Scores_round_trip_and_ignore_anything_outside_the_scale()
    {
        var scores = new Dictionary<Guid, int> { [Housing] = 2, [Finances] = 5 };
        Scores.Parse(Scores.Format(scores)).ShouldBe(scores);
        Scores.Parse($"{Housing:N}:9;nonsense;{Finances:N}:3").ShouldBe(new Dictionary<Guid, int> { [Finances] = 3 });
        Scores.Parse(null).ShouldBeEmpty();
    }

    [Fact]
    public void The_chart_is_an_image_with_a_title_a_description_and_a_point_per_assessment()
    {
        var html = ProgressChart.Render("c1", "Voortgang Huisvesting", "Scores: 2, 4", [new(new DateOnly(2026, 1, 5), 2), new(new DateOnly(2026, 3, 5), 4)]).ToString()!;
        var svg = BakenClient.Parse(html).QuerySelector("svg")!;
        svg.GetAttribute("role").ShouldBe("img");
        svg.GetAttribute("aria-labelledby").ShouldBe("c1-title c1-desc");
        svg.QuerySelector("title")!.TextContent.ShouldBe("Voortgang Huisvesting");
        svg.QuerySelectorAll("circle").Length.ShouldBe(2);
        svg.QuerySelector("polyline").ShouldNotBeNull();
    }
}
