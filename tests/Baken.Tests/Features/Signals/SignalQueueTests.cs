using System.Net;
using Baken.Features.Admin;
using Baken.Features.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Signals;

/// <summary>The triage queue: overdue signals (new or in triage past their deadline) stand out, come first and are counted.</summary>
public sealed class SignalQueueTests(SharedApps apps)
{
    private static Task<int> SetStatusAsync(BakenAppFactory app, Guid signal, SignalStatus status)
    {
        DateTime? closedAt = status == SignalStatus.Closed ? DateTime.UtcNow : null;
        return app.QueryAsync(db => db.Set<Signal>().Where(s => s.Id == signal).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, status)
            .SetProperty(x => x.ClosedAtUtc, closedAt)));
    }

    private static List<(Guid Id, bool Overdue)> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#signals tbody tr").Select(row => (
            Guid.Parse(row.QuerySelector("a")!.GetAttribute("href")!["/Signals/".Length..]),
            row.ClassList.Contains("baken-row--overdue")))];

    [Theory]
    [Databases]
    public async Task Overdue_signals_stand_out_come_first_and_are_counted_and_started_ones_are_not_overdue(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var now = DateTime.UtcNow;
        var (onTime, _) = await app.RaiseSignalAsync(organisation, respondByUtc: now.AddDays(5));
        var (lateInProgress, _) = await app.RaiseSignalAsync(organisation, respondByUtc: now.AddDays(-3));
        var (lateHandedOver, _) = await app.RaiseSignalAsync(organisation, respondByUtc: now.AddDays(-4));
        var (lateClosed, _) = await app.RaiseSignalAsync(organisation, respondByUtc: now.AddDays(-5));
        var (overdueInTriage, _) = await app.RaiseSignalAsync(organisation, respondByUtc: now.AddHours(-1));
        var (overdueNew, _) = await app.RaiseSignalAsync(organisation, urgency: SignalUrgency.Immediate, respondByUtc: now.AddHours(-2));
        await SetStatusAsync(app, lateInProgress, SignalStatus.InProgress);
        await SetStatusAsync(app, lateHandedOver, SignalStatus.HandedOver);
        await SetStatusAsync(app, lateClosed, SignalStatus.Closed);
        await SetStatusAsync(app, overdueInTriage, SignalStatus.InTriage);
        using var coordinator = app.NewClient();
        await coordinator.SignInAsNewAsync(Roles.Zorgcoordinator, organisation);

        var (response, queue) = await coordinator.GetPageAsync("/Signals");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Rows(queue).ShouldBe(
        [
            (overdueNew, true),
            (overdueInTriage, true),
            (lateHandedOver, false),
            (lateInProgress, false),
            (onTime, false),
        ], "overdue first (earliest deadline first), then the rest by deadline; closed ones are not in the open queue");
        queue.Text("#overdue-alert").ShouldContain("2 signaal", customMessage: "the alert counts the overdue signals");
        queue.QuerySelectorAll("#signals tbody tr.baken-row--overdue .baken-badge--error").Length.ShouldBe(2);

        var (_, all) = await coordinator.GetPageAsync("/Signals?show=All");
        var allRows = Rows(all);
        allRows.Count.ShouldBe(6);
        allRows.Single(r => r.Id == lateClosed).Overdue.ShouldBeFalse("a closed signal is never overdue");
        allRows.Last().Id.ShouldBe(lateClosed, "closed signals come last");

        var (_, overduePage) = await coordinator.GetPageAsync($"/Signals/{overdueNew}");
        overduePage.QuerySelector("#signal-facts .baken-badge--error").ShouldNotBeNull("the signal itself says it is overdue");
        var (_, startedPage) = await coordinator.GetPageAsync($"/Signals/{lateInProgress}");
        startedPage.QuerySelector("#signal-facts .baken-badge--error").ShouldBeNull("someone started on it, so it is not overdue");

        // Starting on the overdue one takes it out of the overdue count.
        (await coordinator.SubmitAsync($"/Signals/{overdueNew}", new Dictionary<string, string> { ["status"] = "InProgress" }, "form[action*='handler=Status']"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await coordinator.GetPageAsync("/Signals");
        after.Text("#overdue-alert").ShouldContain("1 signaal");
        Rows(after).First().ShouldBe((overdueInTriage, true));
        Rows(after).Single(r => r.Id == overdueNew).Overdue.ShouldBeFalse();

        var (_, filtered) = await coordinator.GetPageAsync("/Signals?show=Closed");
        Rows(filtered).Select(r => r.Id).ShouldBe([lateClosed]);
    }
}
