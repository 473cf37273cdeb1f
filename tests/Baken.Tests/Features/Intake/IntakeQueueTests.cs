using System.Net;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Contact;
using Baken.Features.Intake;
using Baken.Features.Journal;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Tests.Features.Contact;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Intake;

/// <summary>Referrals in by a Verwijzer, the receiving organisation's queue and its decisions (issue 6, point 5).</summary>
public sealed class IntakeQueueTests(IntakeApps apps) : IClassFixture<IntakeApps>
{
    private static Task<IntakeRequest> RequestAsync(BakenAppFactory app, Guid id) =>
        app.QueryAsync(db => db.Set<IntakeRequest>().AsNoTracking().SingleAsync(r => r.Id == id));

    [Theory]
    [Databases]
    public async Task A_verwijzer_refers_to_a_queue_and_sees_only_the_status_of_their_own_referrals(DatabaseProvider provider)
    {
        var intake = await apps.ForAsync(provider);
        var app = intake.App;
        var canary = $"kanarie{Guid.NewGuid():N}";
        var reference = $"AVIM-{Guid.NewGuid():N}"[..20];
        var (referrer, _) = await intake.SignInAsync(Roles.Verwijzer, intake.Police);

        var form = await referrer.PageOkAsync("/Partner/Referrals/New");
        form.QuerySelectorAll("#ReceivingOrganisationId option").Select(o => o.TextContent).ShouldBe(
            ["Maak een keuze", "A Informatiecentrum (test)", "B Uitstapzorg (test)", "D Andere zorg (test)"], "care providers and information centres only");
        var invalid = await BakenClient.ReadAsync(await referrer.SubmitAsync("/Partner/Referrals/New", new Dictionary<string, string>
        {
            ["ReceivingOrganisationId"] = intake.Police.ToString(),
            ["Channel"] = "Email",
            ["ContactDetails"] = "geen adres",
            ["Language"] = "pl",
            ["Reason"] = " ",
            ["Alias"] = $"Ola {canary}",
        }, "#referral-form"));
        invalid.QuerySelector("#ReceivingOrganisationId-error").ShouldNotBeNull("a partner referrer does not receive referrals");
        invalid.QuerySelector("#ContactDetails-error").ShouldNotBeNull();
        invalid.QuerySelector("#Reason-error").ShouldNotBeNull();
        invalid.QuerySelector("input#Alias")!.GetAttribute("value").ShouldBe($"Ola {canary}", "what was typed is kept");
        invalid.QuerySelector("#Language option[selected]")!.GetAttribute("value").ShouldBe("pl");

        var sent = await referrer.SubmitAsync("/Partner/Referrals/New", new Dictionary<string, string>
        {
            ["ReceivingOrganisationId"] = intake.CareProvider.ToString(),
            ["Channel"] = "ViaReferrer",
            ["Language"] = "pl",
            ["Reason"] = $"Wil stoppen en zoekt een slaapplek. {canary}",
            ["Alias"] = $"Ola {canary}",
            ["Reference"] = reference,
        }, "#referral-form");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, BakenClient.TextOf(await BakenClient.ReadAsync(sent), "main"));
        sent.Headers.Location!.OriginalString.ShouldBe("/Partner/Referrals?done=sent");
        var id = await app.QueryAsync(db => db.Set<IntakeRequest>().Where(r => r.ExternalReference == reference).Select(r => r.Id).SingleAsync());
        var request = await RequestAsync(app, id);
        request.OrganisationId.ShouldBe(intake.CareProvider);
        request.Source.ShouldBe(IntakeSource.PartnerForm);
        request.ReferrerOrganisationId.ShouldBe(intake.Police);

        var list = await referrer.PageOkAsync("/Partner/Referrals");
        var row = list.QuerySelector($"#referrals tr[data-id='{id}']")!;
        row.TextContent.ShouldContain(reference);
        row.TextContent.ShouldContain("B Uitstapzorg (test)");
        row.TextContent.ShouldContain("Ontvangen");
        list.QuerySelector("main")!.TextContent.ShouldNotContain(canary, customMessage: "a referrer sees the status, never what the referral says");
        (await referrer.GetAsync($"/Intake/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var again = await BakenClient.ReadAsync(await referrer.SubmitAsync("/Partner/Referrals/New", new Dictionary<string, string>
        {
            ["ReceivingOrganisationId"] = intake.CareProvider.ToString(),
            ["Channel"] = "ViaReferrer",
            ["Language"] = "nl",
            ["Reason"] = "Nog een keer",
            ["Reference"] = reference,
        }, "#referral-form"));
        again.QuerySelector("#Reference-error").ShouldNotBeNull("the organisation used this reference before");

        var (colleague, _) = await intake.SignInAsync(Roles.Verwijzer, intake.Police);
        var colleagues = await colleague.PageOkAsync("/Partner/Referrals");
        colleagues.QuerySelector($"tr[data-id='{id}']").ShouldBeNull("not even a colleague's referrals");
        colleagues.QuerySelector("#referrals-empty").ShouldNotBeNull();

        // The receiving organisation's queue roles see it; another organisation and other roles do not know it exists.
        var (manager, _) = await intake.SignInAsync(Roles.Casemanager, intake.CareProvider);
        var queue = await manager.PageOkAsync("/Intake?status=all&source=PartnerForm");
        queue.QuerySelector($"#intake-queue a[href='/Intake/{id}']")!.Closest("tr")!.TextContent.ShouldContain("C Politie (test)");
        (await manager.PageOkAsync($"/Intake/{id}")).QuerySelector("#intake-message")!.TextContent.ShouldContain(canary);
        var (stranger, _) = await intake.SignInAsync(Roles.Casemanager, intake.OtherCare);
        (await stranger.GetAsync($"/Intake/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PageOkAsync("/Intake?status=all")).QuerySelector($"a[href='/Intake/{id}']").ShouldBeNull();
        var (worker, _) = await intake.SignInAsync(Roles.Veldwerker, intake.CareProvider);
        (await worker.GetAsync($"/Intake/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await worker.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Not taken on: the note stays with the team; the referrer sees the status and the date only.
        var detail = await manager.PageOkAsync($"/Intake/{id}");
        var decline = (AngleSharp.Html.Dom.IHtmlFormElement)detail.QuerySelector("#decline-form")!;
        decline.GetAttribute("data-confirm").ShouldNotBeNullOrEmpty("asks before it decides");
        var noNote = await BakenClient.ReadAsync(await manager.SubmitAsync(decline, $"/Intake/{id}", new Dictionary<string, string> { ["DeclineNote"] = " " }));
        noNote.QuerySelector("#DeclineNote-error").ShouldNotBeNull();
        var note = $"Past beter bij een ander team. {canary}-note";
        var declined = await manager.SubmitAsync(decline, $"/Intake/{id}", new Dictionary<string, string> { ["DeclineNote"] = note });
        declined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await RequestAsync(app, id);
        after.Status.ShouldBe(IntakeStatus.NotTakenOn);
        after.DecidedAtUtc.ShouldNotBeNull();
        (await StoredData.AllAsync(app)).ShouldNotHold(note, "the decision note in the clear");
        (await manager.PageOkAsync($"/Intake/{id}")).QuerySelector("#intake-decision-note")!.TextContent.ShouldBe(note);
        var replay = await BakenClient.ReadAsync(await manager.SubmitAsync(decline, $"/Intake/{id}", new Dictionary<string, string> { ["DeclineNote"] = note }));
        replay.QuerySelector("#error-summary")!.TextContent.ShouldContain("al besloten");

        var decided = (await referrer.PageOkAsync("/Partner/Referrals")).QuerySelector($"#referrals tr[data-id='{id}']")!;
        decided.TextContent.ShouldContain("Niet aangenomen");
        decided.QuerySelectorAll("time").Length.ShouldBe(2, "received and decided");
        decided.TextContent.ShouldNotContain(canary);
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "IntakeNotTakenOn" && e.TargetId == id))).ShouldBeTrue();
    }

    [Theory]
    [Databases]
    public async Task Taking_a_request_on_makes_a_client_moves_its_text_there_and_keeps_only_the_link(DatabaseProvider provider)
    {
        var intake = await apps.ForAsync(provider);
        var app = intake.App;
        var canary = $"kanarie{Guid.NewGuid():N}";
        using var visitor = app.NewClient();
        var (_, receipt) = await visitor.ReferSelfAsync(new Dictionary<string, string>
        {
            ["Alias"] = $"Sterre {canary}",
            ["Channel"] = "ReceiptCodeOnly",
            ["Language"] = "nl",
            ["Message"] = $"Ik wil hulp bij ander werk. {canary}",
        });
        var code = receipt.QuerySelector("#receipt-code")!.TextContent.Trim();
        var report = await app.QueryAsync(db => db.Set<AnonymousReport>().AsNoTracking().SingleAsync(r => r.Locator == code.Substring(0, 4)));
        var id = await app.QueryAsync(db => db.Set<IntakeRequest>().Where(r => r.ReportId == report.Id).Select(r => r.Id).SingleAsync());

        var (manager, managerUser) = await intake.SignInAsync(Roles.Casemanager, intake.CareProvider);
        var detail = await manager.PageOkAsync($"/Intake/{id}");
        var accept = (AngleSharp.Html.Dom.IHtmlFormElement)detail.QuerySelector("#accept-form")!;
        accept.QuerySelector("label[for='Consent']").ShouldNotBeNull();
        var withoutConsent = await BakenClient.ReadAsync(await manager.SubmitAsync(accept, $"/Intake/{id}", new Dictionary<string, string>
        {
            ["Type"] = "Exit",
            ["AcceptNote"] = "Kennismaking dinsdag.",
        }));
        withoutConsent.QuerySelector("#Consent-error").ShouldNotBeNull();
        withoutConsent.QuerySelector("textarea#AcceptNote")!.TextContent.ShouldBe("Kennismaking dinsdag.", "what was typed is kept");

        // A colleague decided meanwhile (the version moved on): refused, nothing made.
        var stale = await BakenClient.ReadAsync(await manager.SubmitAsync(accept, $"/Intake/{id}", new Dictionary<string, string>
        {
            ["Type"] = "Exit",
            ["Consent"] = "true",
            ["Version"] = "41",
        }));
        stale.QuerySelector("#error-summary")!.TextContent.ShouldContain("veranderde");
        (await RequestAsync(app, id)).Status.ShouldBe(IntakeStatus.Received);

        var clientsBefore = await app.QueryAsync(db => db.Set<Client>().CountAsync());
        var accepted = await manager.SubmitAsync(accept, $"/Intake/{id}", new Dictionary<string, string>
        {
            ["Type"] = "Exit",
            ["Consent"] = "true",
            ["AcceptNote"] = "Kennismaking dinsdag.",
        });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = accepted.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Clients/");
        location.ShouldEndWith("?created=true");

        var request = await RequestAsync(app, id);
        request.Status.ShouldBe(IntakeStatus.Accepted);
        request.DecidedByUserId.ShouldBe(managerUser.Id);
        var clientId = request.ClientId!.Value;
        location.ShouldContain(clientId.ToString());
        (request.Alias, request.ContactDetails, request.Message, request.DecisionNote).ShouldBe((null, null, null, null), "the texts moved to the client");
        (await app.QueryAsync(db => db.Set<ClientKey>().AnyAsync(k => k.ClientId == id))).ShouldBeFalse("the request's key is shredded");
        (await app.QueryAsync(db => db.Set<Client>().CountAsync())).ShouldBe(clientsBefore + 1);
        var client = await app.QueryAsync(db => db.Set<Client>().AsNoTracking().SingleAsync(c => c.Id == clientId));
        client.Level.ShouldBe(IdentityLevel.Anonymous, "a receipt code gives no way to reach the person");
        client.OrganisationId.ShouldBe(intake.CareProvider);
        (await app.QueryAsync(db => db.Set<AnonymousReport>().Where(r => r.Id == report.Id).Select(r => r.ClientId).SingleAsync())).ShouldBe(clientId);
        (await app.QueryAsync(db => db.Set<Consent>().AnyAsync(c => c.ClientId == clientId && c.Purpose == ConsentPurpose.CaseManagement))).ShouldBeTrue();

        var trajectory = await app.QueryAsync(db => db.Set<Trajectory>().AsNoTracking().SingleAsync(t => t.ClientId == clientId));
        trajectory.Type.ShouldBe(TrajectoryType.Exit);
        (await app.QueryAsync(db => db.Set<JournalEntry>().CountAsync(e => e.TrajectoryId == trajectory.Id))).ShouldBe(2, "the message and the note");
        var file = await manager.PageOkAsync($"/Clients/{clientId}");
        file.QuerySelector("main")!.TextContent.ShouldContain($"Sterre {canary}");
        var journal = await manager.PageOkAsync($"/Trajectories/{trajectory.Id}/Journal");
        journal.QuerySelector("main")!.TextContent.ShouldContain($"Ik wil hulp bij ander werk. {canary}");
        journal.QuerySelector("main")!.TextContent.ShouldContain("Uit de aanmelding via de website:");

        var done = await manager.PageOkAsync($"/Intake/{id}");
        done.QuerySelector("#accept-form").ShouldBeNull();
        done.QuerySelector($"#intake-accepted a[href='/Clients/{clientId}']").ShouldNotBeNull();
        var replayed = await BakenClient.ReadAsync(await manager.SubmitAsync(accept, $"/Intake/{id}", new Dictionary<string, string>
        {
            ["Type"] = "Exit",
            ["Consent"] = "true",
        }));
        replayed.QuerySelector("#error-summary")!.TextContent.ShouldContain("al besloten");
        (await app.QueryAsync(db => db.Set<Client>().CountAsync())).ShouldBe(clientsBefore + 1, "a replayed decision makes nothing");
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == id && e.Action == "IntakeAccepted"))).ShouldBeTrue();
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "IntakeAccepted" && e.TargetId == id))).ShouldBeTrue();

        // The person still reads the team's answers with their code.
        (await visitor.OpenAsync(code)).Page.QuerySelector("#conversation").ShouldNotBeNull();
    }

    [Theory]
    [Databases]
    public async Task A_referral_with_a_phone_number_makes_a_pseudonymous_client_that_keeps_the_number(DatabaseProvider provider)
    {
        var intake = await apps.ForAsync(provider);
        var app = intake.App;
        var (referrer, _) = await intake.SignInAsync(Roles.Verwijzer, intake.Police);
        var reference = $"R-{Guid.NewGuid():N}"[..16];
        (await referrer.SubmitAsync("/Partner/Referrals/New", new Dictionary<string, string>
        {
            ["ReceivingOrganisationId"] = intake.CareProvider.ToString(),
            ["Channel"] = "Phone",
            ["ContactDetails"] = "+00 111 222 333",
            ["Language"] = "en",
            ["Reason"] = "Wants to stop.",
            ["Reference"] = reference,
        }, "#referral-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await app.QueryAsync(db => db.Set<IntakeRequest>().Where(r => r.ExternalReference == reference).Select(r => r.Id).SingleAsync());

        var (lead, _) = await intake.SignInAsync(Roles.Teamleider, intake.CareProvider);
        var accept = (AngleSharp.Html.Dom.IHtmlFormElement)(await lead.PageOkAsync($"/Intake/{id}")).QuerySelector("#accept-form")!;
        var accepted = await lead.SubmitAsync(accept, $"/Intake/{id}", new Dictionary<string, string> { ["Type"] = "Support", ["Consent"] = "true" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var clientId = (await RequestAsync(app, id)).ClientId!.Value;
        (await app.QueryAsync(db => db.Set<Client>().Where(c => c.Id == clientId).Select(c => c.Level).SingleAsync())).ShouldBe(IdentityLevel.Pseudonymous);
        (await lead.PageOkAsync($"/Clients/{clientId}")).QuerySelector("main")!.TextContent.ShouldContain("+00 111 222 333");
        var trajectory = await app.QueryAsync(db => db.Set<Trajectory>().AsNoTracking().SingleAsync(t => t.ClientId == clientId));
        trajectory.Type.ShouldBe(TrajectoryType.Support);

        var status = (await referrer.PageOkAsync("/Partner/Referrals")).QuerySelector($"#referrals tr[data-id='{id}']")!.TextContent;
        status.ShouldContain("Aangenomen");
        status.ShouldNotContain("+00 111 222 333");
    }
}
