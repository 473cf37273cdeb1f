using System.Globalization;
using System.Net;
using Baken.Features.Admin;
using Baken.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Signals;

/// <summary>Triage: status changes with history, stale posts, assignment within the organisation, closing and reopening.</summary>
public sealed class SignalTriageTests(SharedApps apps)
{
    private const string ChangedMeanwhile = "Iemand anders heeft dit signaal net gewijzigd";
    private const string NotAllowed = "Deze statuswijziging kan nu niet.";

    /// <summary>Submits the handler's form as the page offers it; null when it was done (redirect to the signal), else the refusal.</summary>
    private static async Task<string?> ActAsync(BakenClient client, Guid signal, string handler, Dictionary<string, string> fields)
    {
        var url = $"/Signals/{signal}";
        var response = await client.SubmitAsync(url, fields, $"form[action*='handler={handler}']");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.OriginalString.ShouldBe(url);
            return null;
        }

        return (await SignalTestSupport.RefusedAsync(response)).Errors;
    }

    private static Task<string?> StatusAsync(BakenClient client, Guid signal, string status, int? version = null) =>
        ActAsync(client, signal, "Status", version is { } v
            ? new() { ["status"] = status, ["version"] = v.ToString(CultureInfo.InvariantCulture) }
            : new() { ["status"] = status });

    [Theory]
    [Databases]
    public async Task A_coordinator_triages_new_to_in_triage_to_in_progress_and_illegal_or_stale_changes_are_refused(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var (signal, _) = await app.RaiseSignalAsync(organisation);
        using var coordinator = app.NewClient();
        var me = await coordinator.SignInAsNewAsync(Roles.Zorgcoordinator, organisation);

        var (_, page) = await coordinator.GetPageAsync($"/Signals/{signal}");
        page.QuerySelectorAll("form[action*='handler=Status'] input[name=status]").Select(i => i.GetAttribute("value"))
            .ShouldBe(["InTriage", "InProgress"], "a new signal goes into triage or straight into progress");

        (await StatusAsync(coordinator, signal, "InTriage")).ShouldBeNull();
        var triaged = await app.SignalAsync(signal);
        triaged.Status.ShouldBe(SignalStatus.InTriage);
        triaged.TriagedAtUtc.ShouldNotBeNull();
        triaged.Version.ShouldBe(1);
        var events = await app.EventsAsync(signal);
        events.Select(e => e.Kind).ShouldBe([SignalEventKind.Raised, SignalEventKind.StatusChanged]);
        events[1].Status.ShouldBe(SignalStatus.InTriage);
        events[1].ByUserId.ShouldBe(me.Id);
        (await app.LogCountAsync(signal, "SignalStatusChanged")).ShouldBe(1);

        foreach (var illegal in new[] { "New", "InTriage", "HandedOver", "Closed", "42" })
        {
            (await StatusAsync(coordinator, signal, illegal)).ShouldNotBeNull().ShouldContain(NotAllowed, customMessage: $"in triage to {illegal}");
        }

        (await StatusAsync(coordinator, signal, "InProgress", version: 0)).ShouldNotBeNull().ShouldContain(ChangedMeanwhile, customMessage: "a post made on an older version");
        var unchanged = await app.SignalAsync(signal);
        unchanged.Status.ShouldBe(SignalStatus.InTriage, "refused changes change nothing");
        unchanged.Version.ShouldBe(1);
        (await app.EventsAsync(signal)).Count.ShouldBe(2);
        (await app.LogCountAsync(signal, "SignalStatusChanged")).ShouldBe(1);

        (await StatusAsync(coordinator, signal, "InProgress")).ShouldBeNull();
        var inProgress = await app.SignalAsync(signal);
        inProgress.Status.ShouldBe(SignalStatus.InProgress);
        inProgress.TriagedAtUtc.ShouldBe(triaged.TriagedAtUtc, "triage started once");
        inProgress.Version.ShouldBe(2);
        (await app.EventsAsync(signal)).Select(e => e.Status).ShouldBe([SignalStatus.New, SignalStatus.InTriage, SignalStatus.InProgress]);

        var (_, after) = await coordinator.GetPageAsync($"/Signals/{signal}");
        after.Text("#signal-status").ShouldContain("In behandeling");
        after.QuerySelectorAll("#signal-history tbody tr").Length.ShouldBe(3);
        after.QuerySelector("form[action*='handler=Status']").ShouldBeNull("in progress has no next status by hand");

        var (other, _) = await app.RaiseSignalAsync(organisation);
        (await StatusAsync(coordinator, other, "InProgress")).ShouldBeNull();
        (await app.SignalAsync(other)).TriagedAtUtc.ShouldNotBeNull("straight into progress also counts as triaged");
    }

    [Theory]
    [Databases]
    public async Task A_signal_is_assigned_within_the_organisation_and_the_assignee_then_sees_handles_and_closes_it(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var otherOrganisation = await app.NewOrganisationAsync();
        var (signal, _) = await app.RaiseSignalAsync(organisation);
        using var coordinator = app.NewClient();
        await coordinator.SignInAsNewAsync(Roles.Zorgcoordinator, organisation);
        using var assignee = app.NewClient();
        var colleague = await assignee.SignInAsNewAsync(Roles.Casemanager, organisation);
        var stranger = await app.CreateUserAsync(Roles.Casemanager, organisationId: otherOrganisation);
        var policyOfficer = await app.CreateUserAsync(Roles.Beleidsmedewerker, organisationId: organisation);
        var url = $"/Signals/{signal}";

        (await assignee.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not assigned yet");
        var (_, page) = await coordinator.GetPageAsync(url);
        var options = page.QuerySelectorAll("#assigneeId option").Select(o => o.GetAttribute("value")).ToList();
        options.ShouldContain(colleague.Id.ToString());
        options.ShouldNotContain(stranger.Id.ToString(), "only colleagues of the organisation are offered");
        options.ShouldNotContain(policyOfficer.Id.ToString(), "only colleagues who work with signals are offered");

        foreach (var wrong in new[] { stranger.Id, policyOfficer.Id, Guid.NewGuid() })
        {
            (await ActAsync(coordinator, signal, "Assign", new() { ["assigneeId"] = wrong.ToString() }))
                .ShouldNotBeNull().ShouldContain("Kies een actieve collega van uw organisatie.");
        }

        (await app.SignalAsync(signal)).AssignedToUserId.ShouldBeNull("a refused assignment changes nothing");
        (await ActAsync(coordinator, signal, "Assign", new() { ["assigneeId"] = colleague.Id.ToString() })).ShouldBeNull();
        (await app.SignalAsync(signal)).AssignedToUserId.ShouldBe(colleague.Id);
        var assigned = (await app.EventsAsync(signal)).Last();
        assigned.Kind.ShouldBe(SignalEventKind.Assigned);
        assigned.AssignedToUserId.ShouldBe(colleague.Id);
        (await app.LogCountAsync(signal, "SignalAssigned")).ShouldBe(1);

        // The assignee now sees the signal and handles it.
        var (listResponse, list) = await assignee.GetPageAsync("/Signals?show=Mine");
        listResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.QuerySelector($"a[href='{url}']").ShouldNotBeNull();
        var (response, own) = await assignee.GetPageAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.QuerySelector("#signal-actions").ShouldNotBeNull("the assignee handles the signal");
        (await StatusAsync(assignee, signal, "InTriage")).ShouldBeNull();
        (await app.SignalAsync(signal)).Status.ShouldBe(SignalStatus.InTriage);
        (await ActAsync(assignee, signal, "Close", new() { ["CloseReason"] = "Resolved" })).ShouldBeNull();
        (await app.SignalAsync(signal)).Status.ShouldBe(SignalStatus.Closed);
        var (_, closedPage) = await assignee.GetPageAsync(url);
        closedPage.QuerySelector("form[action*='handler=Reopen']").ShouldBeNull("reopening is for a manager");

        (await coordinator.SubmitAsync(url, new Dictionary<string, string>(), "form[action*='handler=Reopen']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ActAsync(coordinator, signal, "Assign", new() { ["assigneeId"] = string.Empty })).ShouldBeNull();
        (await app.SignalAsync(signal)).AssignedToUserId.ShouldBeNull();
        (await assignee.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "no longer assigned, no longer visible");
    }

    [Theory]
    [Databases]
    public async Task Closing_needs_a_reason_keeps_the_note_encrypted_and_a_manager_reopens(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var (signal, _) = await app.RaiseSignalAsync(organisation);
        using var coordinator = app.NewClient();
        var me = await coordinator.SignInAsNewAsync(Roles.Zorgcoordinator, organisation);
        var url = $"/Signals/{signal}";
        (await StatusAsync(coordinator, signal, "InTriage")).ShouldBeNull();

        (await ActAsync(coordinator, signal, "Close", new() { ["CloseNote"] = "zonder reden" })).ShouldNotBeNull().ShouldContain("Kies waarom u het signaal sluit.");
        (await ActAsync(coordinator, signal, "Close", new() { ["CloseReason"] = "99" })).ShouldNotBeNull().ShouldContain("Kies waarom u het signaal sluit.");
        (await ActAsync(coordinator, signal, "Close", new() { ["CloseReason"] = "NoGrounds", ["CloseNote"] = new string('n', 1001) }))
            .ShouldNotBeNull().ShouldContain("De toelichting is te lang");
        var open = await app.SignalAsync(signal);
        open.Status.ShouldBe(SignalStatus.InTriage, "a refused close changes nothing");
        open.ClosedAtUtc.ShouldBeNull();

        var canary = $"kanarie{Guid.NewGuid():N}";
        var note = $"Gesproken, geen aanwijzingen {canary}";
        (await ActAsync(coordinator, signal, "Close", new() { ["CloseReason"] = "NoGrounds", ["CloseNote"] = note })).ShouldBeNull();
        var closed = await app.SignalAsync(signal);
        closed.Status.ShouldBe(SignalStatus.Closed);
        closed.CloseReason.ShouldBe(SignalCloseReason.NoGrounds);
        closed.ClosedAtUtc.ShouldNotBeNull();
        var closing = (await app.EventsAsync(signal)).Last();
        closing.Kind.ShouldBe(SignalEventKind.Closed);
        closing.CloseReason.ShouldBe(SignalCloseReason.NoGrounds);
        closing.ByUserId.ShouldBe(me.Id);
        closing.Note.ShouldNotBeNull().Holds(canary).ShouldBeFalse("the note is encrypted");
        (await app.TableBytesAsync(SignalEvent.Table)).Holds(canary).ShouldBeFalse();
        (await app.DecryptAsync(signal, SignalEvent.Table, nameof(SignalEvent.Note), closing.Id, closing.Note)).ShouldBe(note);
        (await app.LogCountAsync(signal, "SignalClosed")).ShouldBe(1);

        var (_, closedPage) = await coordinator.GetPageAsync(url);
        closedPage.Text("#signal-status").ShouldContain("Geen grond");
        closedPage.Text("#signal-history").ShouldContain(canary);
        closedPage.QuerySelector("form[action*='handler=Close']").ShouldBeNull("a closed signal is not closed again");
        closedPage.QuerySelector("form[action*='handler=Status']").ShouldBeNull();
        closedPage.QuerySelector($"a[href='{url}/Handover']").ShouldBeNull();
        var again = await coordinator.PostDirectAsync(url, url + "?handler=Close",
            [SignalTestSupport.Field("version", closed.Version.ToString(CultureInfo.InvariantCulture)), SignalTestSupport.Field("CloseReason", "Resolved")]);
        (await SignalTestSupport.RefusedAsync(again)).Errors.ShouldContain("Dit signaal is al gesloten.");
        (await app.SignalAsync(signal)).CloseReason.ShouldBe(SignalCloseReason.NoGrounds);

        (await ActAsync(coordinator, signal, "Reopen", new())).ShouldBeNull();
        var reopened = await app.SignalAsync(signal);
        reopened.Status.ShouldBe(SignalStatus.InProgress);
        reopened.ClosedAtUtc.ShouldBeNull();
        reopened.CloseReason.ShouldBeNull();
        (await app.EventsAsync(signal)).Last().Kind.ShouldBe(SignalEventKind.Reopened);
        (await app.LogCountAsync(signal, "SignalReopened")).ShouldBe(1);
        var (_, reopenedPage) = await coordinator.GetPageAsync(url);
        reopenedPage.QuerySelector("form[action*='handler=Close']").ShouldNotBeNull("a reopened signal can be closed again");
    }

    [Theory]
    [Databases]
    public async Task Only_a_manager_can_reopen_a_closed_signal_even_when_the_post_is_forged(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var (signal, _) = await app.RaiseSignalAsync(organisation);
        using var coordinator = app.NewClient();
        var manager = await coordinator.SignInAsNewAsync(Roles.Zorgcoordinator, organisation);
        using var assignee = app.NewClient();
        var colleague = await assignee.SignInAsNewAsync(Roles.Casemanager, organisation);

        // Assigned through the records service, so this test does not depend on the assign form.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            var stored = await db.Set<Signal>().SingleAsync(s => s.Id == signal);
            await scope.ServiceProvider.GetRequiredService<SignalRecords>().AssignAsync(stored, colleague.Id, manager.Id, CancellationToken.None);
        }

        (await ActAsync(assignee, signal, "Close", new() { ["CloseReason"] = "Resolved" })).ShouldBeNull();
        var closed = await app.SignalAsync(signal);
        closed.Status.ShouldBe(SignalStatus.Closed);

        // The page offers reopening to managers only; the handler must hold the same line.
        var url = $"/Signals/{signal}";
        var forged = await assignee.PostDirectAsync(url, url + "?handler=Reopen",
            [SignalTestSupport.Field("version", closed.Version.ToString(CultureInfo.InvariantCulture))]);
        forged.StatusCode.ShouldNotBe(HttpStatusCode.Redirect, "a case worker's forged reopen is not carried out");
        (await app.SignalAsync(signal)).Status.ShouldBe(SignalStatus.Closed, "only a manager reopens a closed signal");
    }
}
