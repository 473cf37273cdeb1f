using System.Globalization;
using System.Net;
using Baken.Features.Admin;
using Baken.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Signals;

/// <summary>
/// Handover to a partner with four eyes: the requester sees the exact text, a second manager of the organisation
/// approves or refuses, the requester never decides their own request, and exactly what was passed on is kept.
/// </summary>
public sealed class SignalHandoverTests(SharedApps apps)
{
    private const string SecondColleague = "Een tweede collega moet de overdracht goedkeuren";

    /// <summary>
    /// Posts the handover form. A confirmation carries the hash of the text previewed with the same choices (as
    /// the page does), unless <paramref name="previewHash"/> says otherwise.
    /// </summary>
    private static async Task<HttpResponseMessage> HandoverAsync(
        BakenClient client, Guid signal, Guid? recipient, bool confirm, string note = "", params string[] items) =>
        await PostHandoverAsync(client, signal, recipient, confirm, note, confirm ? await PreviewHashAsync(client, signal, recipient, note, items) : null, items);

    private static Task<HttpResponseMessage> PostHandoverAsync(
        BakenClient client, Guid signal, Guid? recipient, bool confirm, string note, string? previewHash, params string[] items) =>
        client.SubmitManyAsync($"/Signals/{signal}/Handover", "#handover-form",
        [
            SignalTestSupport.Field("RecipientId", recipient?.ToString() ?? string.Empty),
            .. items.Select(i => SignalTestSupport.Field("Items", i)),
            SignalTestSupport.Field("Note", note),
            SignalTestSupport.Field("confirm", confirm ? "true" : "false"),
            SignalTestSupport.Field("PreviewHash", previewHash ?? string.Empty),
        ]);

    private static async Task<string?> PreviewHashAsync(BakenClient client, Guid signal, Guid? recipient, string note, string[] items)
    {
        var preview = await BakenClient.ReadAsync(await PostHandoverAsync(client, signal, recipient, confirm: false, note, null, items));
        return preview.QuerySelector("input[name=PreviewHash]")?.GetAttribute("value");
    }

    private static async Task<string> PreviewAsync(BakenClient client, Guid signal, Guid recipient, string note = "", params string[] items)
    {
        var response = await HandoverAsync(client, signal, recipient, confirm: false, note, items);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await BakenClient.ReadAsync(response);
        page.QuerySelector("#error-summary").ShouldBeNull();
        page.QuerySelector("#handover-form button[name=confirm][value=true]").ShouldNotBeNull("after the preview the request can be made");
        return page.QuerySelector("#handover-preview pre").ShouldNotBeNull().TextContent;
    }

    /// <summary>A decision posted straight at the handler, as the requester could forge it: the page does not offer them the form.</summary>
    private static async Task<HttpResponseMessage> ForgeDecisionAsync(BakenClient client, BakenAppFactory app, Guid signal, Guid handover, bool approve, string tokenPage)
    {
        var version = (await app.SignalAsync(signal)).Version;
        return await client.PostDirectAsync(tokenPage, $"/Signals/{signal}?handler=Decide&handoverId={handover}",
        [
            SignalTestSupport.Field("version", version.ToString(CultureInfo.InvariantCulture)),
            SignalTestSupport.Field("approve", approve ? "true" : "false"),
        ]);
    }

    [Theory]
    [Databases]
    public async Task A_handover_needs_a_second_manager_and_passes_on_exactly_the_previewed_text(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var police = await app.NewOrganisationAsync(OrganisationKind.PartnerReferrer);
        var secret = $"beschrijving{Guid.NewGuid():N}";
        var (signal, _) = await app.RaiseSignalAsync(organisation, description: $"Vrouw zonder paspoort, {secret}", urgency: SignalUrgency.High);
        using var requester = app.NewClient();
        var coordinator = await requester.SignInAsNewAsync(Roles.Zorgcoordinator, organisation);
        using var approver = app.NewClient();
        var lead = await approver.SignInAsNewAsync(Roles.Teamleider, organisation);
        var url = $"/Signals/{signal}";

        var (_, form) = await requester.GetPageAsync(url + "/Handover");
        form.QuerySelectorAll("#Items input[checked]").Select(i => i.GetAttribute("value"))
            .ShouldBe(["Category", "Indicators", "Urgency"], ignoreOrder: true, "a minimal set is ticked by default");
        form.QuerySelector("#item-ClientCode").ShouldBeNull("no client, no client code on offer");
        var recipients = form.QuerySelectorAll("#RecipientId option").Select(o => o.GetAttribute("value")).ToList();
        recipients.ShouldContain(police.ToString());
        recipients.ShouldNotContain(organisation.ToString(), "a handover goes to another organisation");

        var ownOrganisation = await SignalTestSupport.RefusedAsync(await HandoverAsync(requester, signal, organisation, confirm: true, items: "Category"));
        ownOrganisation.Page.QuerySelector("#RecipientId-error").ShouldNotBeNull();
        var nothing = await SignalTestSupport.RefusedAsync(await HandoverAsync(requester, signal, police, confirm: false));
        nothing.Errors.ShouldContain("Kies minstens één onderdeel");
        var tooLong = await SignalTestSupport.RefusedAsync(await HandoverAsync(requester, signal, police, confirm: true, new string('x', HandoverModel.MaxNote + 1), "Category"));
        tooLong.Page.QuerySelector("#Note-error").ShouldNotBeNull();
        (await app.HandoversAsync(signal)).ShouldBeEmpty("nothing refused is stored");

        var note = $"Graag contact via het zorgteam {Guid.NewGuid():N}";
        var preview = await PreviewAsync(requester, signal, police, note, "Category", "Indicators");
        preview.ShouldContain("Uitbuiting");
        preview.ShouldContain(SignalDefaults.Indicators[0].Name);
        preview.ShouldContain(SignalDefaults.Indicators[7].Name);
        preview.ShouldContain(note);
        preview.ShouldNotContain(secret, customMessage: "the description is not passed on unless chosen");
        preview.ShouldNotContain("Urgentie", customMessage: "the urgency was not chosen");
        preview.ShouldNotContain("Hoog", customMessage: "the urgency was not chosen");
        (await app.HandoversAsync(signal)).ShouldBeEmpty("a preview stores nothing");

        var requested = await HandoverAsync(requester, signal, police, confirm: true, note, "Category", "Indicators");
        requested.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        requested.Headers.Location!.OriginalString.ShouldBe(url);
        var pending = (await app.HandoversAsync(signal)).ShouldHaveSingleItem();
        pending.Decision.ShouldBe(HandoverDecision.Pending);
        pending.RecipientOrganisationId.ShouldBe(police);
        pending.Items.ShouldBe(HandoverItems.Category | HandoverItems.Indicators);
        pending.RequestedByUserId.ShouldBe(coordinator.Id);
        pending.DecidedByUserId.ShouldBeNull();
        (await app.DecryptAsync(signal, SignalHandover.Table, nameof(SignalHandover.SharedText), pending.Id, pending.SharedText))
            .ShouldBe(preview, "exactly the previewed text is what will be passed on");
        pending.SharedText.Holds(note).ShouldBeFalse("the shared text is encrypted");
        (await app.TableBytesAsync(SignalHandover.Table)).Holds(note).ShouldBeFalse();
        (await app.SignalAsync(signal)).Status.ShouldBe(SignalStatus.New, "nothing is handed over before approval");
        (await app.LogCountAsync(signal, "SignalHandoverRequested")).ShouldBe(1);
        (await app.EventsAsync(signal)).Last().Kind.ShouldBe(SignalEventKind.HandoverRequested);

        var (_, own) = await requester.GetPageAsync(url);
        own.Text("#pending-text").ShouldBe(preview);
        own.QuerySelector("#pending-wait").ShouldNotBeNull("the requester waits for a second colleague");
        own.QuerySelector("form[action*='handler=Decide']").ShouldBeNull();
        own.QuerySelector($"a[href='{url}/Handover']").ShouldBeNull("one pending handover at a time");

        // Four eyes: the requester's own approval (or refusal) is refused, even when posted by hand.
        var version = (await app.SignalAsync(signal)).Version;
        foreach (var approve in new[] { true, false })
        {
            var self = await SignalTestSupport.RefusedAsync(await ForgeDecisionAsync(requester, app, signal, pending.Id, approve, url));
            self.Errors.ShouldContain(SecondColleague);
        }

        var stillPending = (await app.HandoversAsync(signal)).ShouldHaveSingleItem();
        stillPending.Decision.ShouldBe(HandoverDecision.Pending);
        stillPending.DecidedByUserId.ShouldBeNull();
        var notHandedOver = await app.SignalAsync(signal);
        notHandedOver.Status.ShouldBe(SignalStatus.New);
        notHandedOver.Version.ShouldBe(version);
        (await app.LogCountAsync(signal, "SignalHandedOver")).ShouldBe(0);

        var again = await SignalTestSupport.RefusedAsync(await HandoverAsync(requester, signal, police, confirm: true, items: "Category"));
        again.Errors.ShouldContain("Er wacht al een overdracht op goedkeuring.");
        (await app.HandoversAsync(signal)).Count.ShouldBe(1, "a second request while one is pending is refused");

        using var otherManager = app.NewClient();
        await otherManager.SignInAsNewAsync(Roles.Teamleider, police);
        (await ForgeDecisionAsync(otherManager, app, signal, pending.Id, approve: true, "/Signals")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "a manager of another organisation cannot decide");
        using var caseWorker = app.NewClient();
        await caseWorker.SignInAsNewAsync(Roles.Casemanager, organisation);
        (await ForgeDecisionAsync(caseWorker, app, signal, pending.Id, approve: true, "/Signals")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "a colleague who is no manager cannot decide");
        (await app.HandoversAsync(signal)).Single().Decision.ShouldBe(HandoverDecision.Pending);

        var (_, second) = await approver.GetPageAsync(url);
        second.Text("#pending-text").ShouldBe(preview, "the approver sees exactly what goes");
        second.QuerySelector("form[action*='handler=Decide']").ShouldNotBeNull();
        var approved = await approver.SubmitAsync(url, new Dictionary<string, string> { ["approve"] = "true" }, "form[action*='handler=Decide']");
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var handedOver = await app.SignalAsync(signal);
        handedOver.Status.ShouldBe(SignalStatus.HandedOver);
        handedOver.TriagedAtUtc.ShouldNotBeNull();
        var decided = (await app.HandoversAsync(signal)).ShouldHaveSingleItem();
        decided.Decision.ShouldBe(HandoverDecision.Approved);
        decided.DecidedByUserId.ShouldBe(lead.Id);
        decided.DecidedAtUtc.ShouldNotBeNull();
        (await app.DecryptAsync(signal, SignalHandover.Table, nameof(SignalHandover.SharedText), decided.Id, decided.SharedText)).ShouldBe(preview);
        var approval = (await app.EventsAsync(signal)).Last();
        approval.Kind.ShouldBe(SignalEventKind.HandoverApproved);
        approval.ByUserId.ShouldBe(lead.Id);
        (await app.LogCountAsync(signal, "SignalHandoverRequested")).ShouldBe(1);
        (await app.LogCountAsync(signal, "SignalHandedOver")).ShouldBe(1);

        var (_, done) = await requester.GetPageAsync(url);
        done.Text("#signal-status").ShouldContain("Overgedragen");
        done.QuerySelector("#pending-handover").ShouldBeNull();
        done.Text("#handovers").ShouldContain(note);
        done.Text("#handovers").ShouldContain("Goedgekeurd");

        var twice = await SignalTestSupport.RefusedAsync(await ForgeDecisionAsync(approver, app, signal, decided.Id, approve: false, url));
        twice.Errors.ShouldContain("Over deze overdracht is al beslist.");
        (await app.HandoversAsync(signal)).Single().Decision.ShouldBe(HandoverDecision.Approved);
    }

    [Theory]
    [Databases]
    public async Task A_refused_handover_is_recorded_a_new_one_may_follow_and_closing_withdraws_a_pending_one(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var partner = await app.NewOrganisationAsync(OrganisationKind.PartnerReferrer);
        var secret = $"beschrijving{Guid.NewGuid():N}";
        var (clientId, clientCode) = await app.CreateClientAsync(organisation);
        var (signal, _) = await app.RaiseSignalAsync(organisation, description: $"Vaste klant met letsel, {secret}", clientId: clientId);
        using var lead = app.NewClient();
        var requesterUser = await lead.SignInAsNewAsync(Roles.Teamleider, organisation);
        using var coordinator = app.NewClient();
        var approverUser = await coordinator.SignInAsNewAsync(Roles.Zorgcoordinator, organisation);
        var url = $"/Signals/{signal}";

        var preview = await PreviewAsync(lead, signal, partner, string.Empty, "Description", "ClientCode");
        preview.ShouldContain(secret, customMessage: "the description goes along when chosen");
        preview.ShouldContain(clientCode, customMessage: "the client code goes along when chosen and the requester may open the client");
        preview.ShouldNotContain("Uitbuiting", customMessage: "the category was not chosen");
        (await HandoverAsync(lead, signal, partner, confirm: true, string.Empty, "Description", "ClientCode")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var first = (await app.HandoversAsync(signal)).ShouldHaveSingleItem();
        first.Items.ShouldBe(HandoverItems.Description | HandoverItems.ClientCode);
        first.SharedText.Holds(secret).ShouldBeFalse();
        (await app.DecryptAsync(signal, SignalHandover.Table, nameof(SignalHandover.SharedText), first.Id, first.SharedText)).ShouldBe(preview);

        var reason = $"Te veel gegevens voor deze ontvanger {Guid.NewGuid():N}";
        var refused = await coordinator.SubmitAsync(url, new Dictionary<string, string> { ["approve"] = "false", ["DecisionNote"] = reason }, "form[action*='handler=Decide']");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var decided = (await app.HandoversAsync(signal)).ShouldHaveSingleItem();
        decided.Decision.ShouldBe(HandoverDecision.Refused);
        decided.DecidedByUserId.ShouldBe(approverUser.Id);
        decided.RequestedByUserId.ShouldBe(requesterUser.Id);
        (await app.SignalAsync(signal)).Status.ShouldBe(SignalStatus.New, "a refused handover hands nothing over");
        var refusal = (await app.EventsAsync(signal)).Last();
        refusal.Kind.ShouldBe(SignalEventKind.HandoverRefused);
        refusal.Note.ShouldNotBeNull().Holds(reason).ShouldBeFalse("the reason is encrypted");
        (await app.DecryptAsync(signal, SignalEvent.Table, nameof(SignalEvent.Note), refusal.Id, refusal.Note)).ShouldBe(reason);
        (await app.LogCountAsync(signal, "SignalHandoverRefused")).ShouldBe(1);
        (await app.LogCountAsync(signal, "SignalHandedOver")).ShouldBe(0);
        var (_, page) = await lead.GetPageAsync(url);
        page.Text("#handovers").ShouldContain("Geweigerd");
        page.Text("#signal-history").ShouldContain(reason);

        (await HandoverAsync(lead, signal, partner, confirm: true, string.Empty, "Category")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "after a refusal a new request may follow");
        (await app.HandoversAsync(signal)).Count(h => h.Decision == HandoverDecision.Pending).ShouldBe(1);

        (await lead.SubmitAsync(url, new Dictionary<string, string> { ["CloseReason"] = "Duplicate" }, "form[action*='handler=Close']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var handovers = await app.HandoversAsync(signal);
        handovers.Select(h => h.Decision).ShouldBe([HandoverDecision.Refused, HandoverDecision.Withdrawn], "closing withdraws what was still pending");
        handovers[1].DecidedByUserId.ShouldBe(requesterUser.Id, "who withdrew it, by closing, is recorded");
        handovers[1].DecidedAtUtc.ShouldNotBeNull();
        (await app.EventsAsync(signal)).Select(e => e.Kind).ShouldContain(SignalEventKind.HandoverWithdrawn);
        (await lead.GetAsync(url + "/Handover")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a closed signal is not handed over");
    }

    [Theory]
    [Databases]
    public async Task Changed_choices_after_the_preview_show_the_new_text_first_and_the_client_learns_of_a_handover_with_their_code(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var partner = await app.NewOrganisationAsync(OrganisationKind.PartnerReferrer);
        var (clientId, clientCode) = await app.CreateClientAsync(organisation);
        var (signal, _) = await app.RaiseSignalAsync(organisation, clientId: clientId);
        using var lead = app.NewClient();
        await lead.SignInAsNewAsync(Roles.Teamleider, organisation);
        using var coordinator = app.NewClient();
        await coordinator.SignInAsNewAsync(Roles.Zorgcoordinator, organisation);

        // Previewed with the category only, then the client code ticked and confirmed without a new preview.
        var staleHash = await PreviewHashAsync(lead, signal, partner, string.Empty, ["Category"]);
        var changed = await BakenClient.ReadAsync(await PostHandoverAsync(lead, signal, partner, confirm: true, string.Empty, staleHash, "Category", "ClientCode"));
        changed.Text("#error-summary").ShouldContain("gewijzigd na het voorbeeld");
        changed.Text("#handover-preview").ShouldContain(clientCode, customMessage: "the new text is shown before anything is stored");
        (await app.HandoversAsync(signal)).ShouldBeEmpty();

        (await HandoverAsync(lead, signal, partner, confirm: true, string.Empty, "Category", "ClientCode")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var pending = (await app.HandoversAsync(signal)).ShouldHaveSingleItem();
        (await coordinator.SubmitAsync($"/Signals/{signal}", new Dictionary<string, string> { ["approve"] = "true" }, "form[action*='handler=Decide']"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.HandoversAsync(signal)).Single().Decision.ShouldBe(HandoverDecision.Approved);
        (await app.LogCountAsync(clientId, "SignalHandedOverAboutClient")).ShouldBe(1, "the client's own processing record shows their code went to a partner");
        pending.Items.ShouldBe(HandoverItems.Category | HandoverItems.ClientCode);
    }

    [Theory]
    [Databases]
    public async Task A_restricted_clients_code_is_not_offered_nor_passed_on_and_the_rules_hold_below_the_page(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var partner = await app.NewOrganisationAsync(OrganisationKind.PartnerReferrer);
        var (clientId, _) = await app.CreateClientAsync(organisation);
        var (signal, raisedBy) = await app.RaiseSignalAsync(organisation, clientId: clientId);
        await app.QueryAsync(db => db.Set<Baken.Features.Clients.Client>().Where(c => c.Id == clientId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.RestrictedAtUtc, DateTime.UtcNow)));
        using var lead = app.NewClient();
        var leadUser = await lead.SignInAsNewAsync(Roles.Teamleider, organisation);
        var caseManager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisation);

        var (_, form) = await lead.GetPageAsync($"/Signals/{signal}/Handover");
        form.QuerySelector("#item-ClientCode").ShouldBeNull("restriction beats everything: the code is not on offer");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<SignalRecords>();
        var tracked = await db.Set<Signal>().SingleAsync(s => s.Id == signal);
        (await records.RequestHandoverAsync(tracked, partner, HandoverItems.ClientCode, "Cliëntcode", leadUser.Id, CancellationToken.None))
            .ShouldBe("Handover_ClientRestricted");
        (await records.RequestHandoverAsync(tracked, partner, HandoverItems.Category, "Soort: Uitbuiting", leadUser.Id, CancellationToken.None)).ShouldBeNull();
        var handover = await db.Set<SignalHandover>().SingleAsync(h => h.SignalId == signal);

        // Below the page: a colleague who is no manager, and the outreach worker who raised it, cannot approve.
        (await records.DecideHandoverAsync(tracked, handover, true, null, caseManager.Id, CancellationToken.None)).ShouldBe("Handover_SecondApproverRequired");
        (await records.DecideHandoverAsync(tracked, handover, true, null, raisedBy, CancellationToken.None)).ShouldBe("Handover_SecondApproverRequired");
        handover.Decision.ShouldBe(HandoverDecision.Pending);
    }
}
