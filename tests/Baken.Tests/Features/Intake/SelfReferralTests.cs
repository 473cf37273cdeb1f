using System.Net;
using Baken.Features.Admin;
using Baken.Features.Contact;
using Baken.Features.Intake;
using Baken.Tests.Features.Contact;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Intake;

/// <summary>"I want to stop / I want help": the portal's self-referral form and where it lands (issue 6, point 3).</summary>
public sealed class SelfReferralTests(IntakeApps apps) : IClassFixture<IntakeApps>
{
    private static Task<IntakeRequest> RequestAsync(BakenAppFactory app, Guid reportId) =>
        app.QueryAsync(db => db.Set<IntakeRequest>().AsNoTracking().SingleAsync(r => r.ReportId == reportId));

    private static Task<int> CountAsync(BakenAppFactory app, Guid organisationId) =>
        app.QueryAsync(db => db.Set<IntakeRequest>().CountAsync(r => r.OrganisationId == organisationId));

    [Theory]
    [Databases]
    public async Task A_self_referral_with_only_a_receipt_code_lands_in_the_exit_programme_queue_and_the_code_opens_its_conversation(DatabaseProvider provider)
    {
        var intake = await apps.ForAsync(provider);
        var app = intake.App;
        var canary = $"kanarie{Guid.NewGuid():N}";
        using var visitor = app.NewClient();

        var (formResponse, form) = await visitor.GetPageAsync("/Portal/Help");
        formResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookies = formResponse.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        cookies.ShouldAllBe(c => c.StartsWith("__Host-baken-af=", StringComparison.Ordinal), "no cookie but the form's antiforgery token");
        form.QuerySelector("#quick-exit").ShouldNotBeNull("the public layout, with its quick exit");
        form.QuerySelector("nav.baken-nav").ShouldBeNull("no staff navigation on a public page");
        form.QuerySelector("#channel-ReceiptCodeOnly")!.HasAttribute("checked").ShouldBeTrue("only a receipt code is the default");
        form.QuerySelector("label[for='channel-ReceiptCodeOnly']")!.TextContent.ShouldBe("Alleen met een ontvangstcode (aangeraden)");
        form.QuerySelectorAll("#Language option").Select(o => o.GetAttribute("value")).ShouldBe(["nl", "en", "es", "ro", "pl", "bg", "pt", "th"]);
        form.QuerySelector("#help-submit")!.TextContent.Trim().ShouldBe("Aanmelden");

        var (sent, receipt) = await visitor.ReferSelfAsync(new Dictionary<string, string>
        {
            ["Alias"] = $"Zon {canary}",
            ["Channel"] = "ReceiptCodeOnly",
            ["Language"] = "ro",
            ["Message"] = $"Ik wil stoppen. <b>Help</b> {canary}",
        });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, "the code is rendered on the response, never behind a redirect");
        sent.Headers.Location.ShouldBeNull();
        sent.Headers.Contains("Set-Cookie").ShouldBeFalse("no session: the code is all the person needs");
        var code = receipt.QuerySelector("#receipt-code")!.TextContent.Trim();
        code.ShouldMatch("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$");
        receipt.QuerySelector("nav.baken-languages").ShouldBeNull("switching language would lose the code shown once");
        receipt.QuerySelector("#open-link")!.GetAttribute("href").ShouldBe("/Contact/Open");
        (await visitor.PageOkAsync("/Portal/Help")).DocumentElement.OuterHtml.ShouldNotContain(code, Case.Insensitive, "the code is shown once");

        var report = await app.QueryAsync(db => db.Set<AnonymousReport>().AsNoTracking().SingleAsync(r => r.Locator == code.Substring(0, 4)));
        report.OrganisationId.ShouldBe(intake.CareProvider, "the conversation is with the team that takes it on");
        report.Language.ShouldBe("en", "the team answers in English whoever prefers another language than Dutch");
        var request = await RequestAsync(app, report.Id);
        request.OrganisationId.ShouldBe(intake.CareProvider, "the care provider runs the exit programme (the info centre only lists the topic)");
        request.Source.ShouldBe(IntakeSource.SelfReferral);
        request.ContactChannel.ShouldBe(IntakeContactChannel.ReceiptCodeOnly);
        request.Language.ShouldBe("ro");
        request.ContactDetails.ShouldBeNull();
        request.Status.ShouldBe(IntakeStatus.Received);

        var (opened, thread) = await visitor.OpenAsync(code);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        thread.QuerySelector("#conversation")!.TextContent.ShouldContain(canary);
        thread.QuerySelector("#conversation b").ShouldBeNull("never rendered as HTML");

        var stored = await StoredData.AllAsync(app);
        stored.ShouldNotHold(canary, "the alias or message in the clear");
        stored.ShouldNotHold(code, "the receipt code");
        app.Logs.All.ShouldNotContain(canary);

        // The queue lists it without decrypting; the detail decrypts and logs the read, and links the conversation.
        var (lead, _) = await intake.SignInAsync(Roles.Teamleider, intake.CareProvider);
        var queue = await lead.PageOkAsync("/Intake");
        var link = queue.QuerySelector($"#intake-queue a[href='/Intake/{request.Id}']")!;
        link.TextContent.ShouldContain("Zelf aangemeld");
        var row = link.Closest("tr")!.TextContent;
        row.ShouldContain("Română");
        row.ShouldContain("Alleen ontvangstcode");
        row.ShouldContain("Ontvangen");
        queue.QuerySelector("#intake-queue")!.TextContent.ShouldNotContain(canary, customMessage: "the list decrypts nothing");
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == request.Id && e.Action == "IntakeRequestRead"))).ShouldBeFalse();

        var detail = await lead.PageOkAsync($"/Intake/{request.Id}");
        detail.QuerySelector("#intake-alias")!.TextContent.ShouldBe($"Zon {canary}");
        detail.QuerySelector("#intake-message")!.TextContent.ShouldBe($"Ik wil stoppen. <b>Help</b> {canary}");
        detail.QuerySelector($"#intake-conversation a[href='/Inbox/{report.Id}']").ShouldNotBeNull();
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == request.Id && e.Action == "IntakeRequestRead"))).ShouldBeTrue();

        // The conversation in the inbox points to the waiting request instead of offering a second intake.
        var inbox = await lead.PageOkAsync($"/Inbox/{report.Id}");
        inbox.QuerySelector("#intake-form").ShouldBeNull("the same person would be made twice");
        inbox.QuerySelector($"#intake-pending a[href='/Intake/{request.Id}']").ShouldNotBeNull();
        var forged = (AngleSharp.Html.Dom.IHtmlFormElement)inbox.QuerySelector("#close-form")!;
        forged.SetAttribute("action", $"/Inbox/{report.Id}?handler=Intake");
        var second = await lead.SubmitAsync(forged, $"/Inbox/{report.Id}", new Dictionary<string, string> { ["IntakeConsent"] = "true" });
        second.StatusCode.ShouldBe(HttpStatusCode.OK, "refused, on the page");
        (await BakenClient.ReadAsync(second)).QuerySelector("#error-summary")!.TextContent.ShouldContain("intakewachtrij");
        (await app.QueryAsync(db => db.Set<AnonymousReport>().AnyAsync(r => r.Id == report.Id && r.ClientId != null))).ShouldBeFalse();

        // A case manager works the queue too, but does not answer the anonymous channel: no link that would 404.
        var (manager, _) = await intake.SignInAsync(Roles.Casemanager, intake.CareProvider);
        var managerView = await manager.PageOkAsync($"/Intake/{request.Id}");
        managerView.QuerySelector("#intake-conversation a").ShouldBeNull();
        managerView.QuerySelector("#accept-form").ShouldNotBeNull();
    }

    [Theory]
    [Databases]
    public async Task Contact_details_are_checked_against_the_channel_kept_when_wrong_and_stored_encrypted(DatabaseProvider provider)
    {
        var intake = await apps.ForAsync(provider);
        var app = intake.App;
        var before = await CountAsync(app, intake.CareProvider);
        using var visitor = app.NewClient();
        var message = $"Bel me na zes uur. {Guid.NewGuid():N}";

        var (_, wrong) = await visitor.ReferSelfAsync(new Dictionary<string, string>
        {
            ["Alias"] = "Merel",
            ["Channel"] = "Phone",
            ["ContactDetails"] = "bel me maar",
            ["Language"] = "nl",
            ["Message"] = message,
        });
        wrong.QuerySelector("#ContactDetails-error").ShouldNotBeNull();
        wrong.QuerySelector("#error-summary").ShouldNotBeNull();
        wrong.QuerySelector("input#ContactDetails")!.GetAttribute("value").ShouldBe("bel me maar", "what was typed is kept");
        wrong.QuerySelector("input#Alias")!.GetAttribute("value").ShouldBe("Merel");
        wrong.QuerySelector("textarea#Message")!.TextContent.ShouldBe(message);
        wrong.QuerySelector("#channel-Phone")!.HasAttribute("checked").ShouldBeTrue();

        var (_, missing) = await visitor.ReferSelfAsync(new Dictionary<string, string> { ["Channel"] = "Email", ["ContactDetails"] = " ", ["Language"] = "nl" });
        missing.QuerySelector("#ContactDetails-error").ShouldNotBeNull("e-mail needs an address");
        var (_, badMail) = await visitor.ReferSelfAsync(new Dictionary<string, string> { ["Channel"] = "Email", ["ContactDetails"] = "naam@", ["Language"] = "nl" });
        badMail.QuerySelector("#ContactDetails-error").ShouldNotBeNull();
        var (_, tampered) = await visitor.ReferSelfAsync(new Dictionary<string, string>
        {
            ["Channel"] = "ViaReferrer",
            ["Language"] = "xx",
            ["Alias"] = new string('a', 101),
            ["Message"] = new string('m', 4001),
        });
        tampered.QuerySelector("#Channel-error").ShouldNotBeNull("a referrer's channel is not offered on the portal");
        tampered.QuerySelector("#Language-error").ShouldNotBeNull();
        tampered.QuerySelector("#Alias-error").ShouldNotBeNull();
        tampered.QuerySelector("#Message-error").ShouldNotBeNull();
        tampered.QuerySelector("textarea#Message")!.TextContent.Length.ShouldBe(4001, "what was typed is kept");
        var (numbered, _) = await visitor.ReferSelfAsync(new Dictionary<string, string> { ["Channel"] = "2", ["Language"] = "nl" });
        numbered.StatusCode.ShouldBe(HttpStatusCode.OK, "a number instead of a name is an error message, never a 500");
        (await CountAsync(app, intake.CareProvider)).ShouldBe(before, "nothing is stored from a form with errors");

        var digits = string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(9)).PadRight(9, '7');
        var phone = $"+00 {digits[..3]} {digits[3..6]} {digits[6..]}";
        var (sent, page) = await visitor.ReferSelfAsync(new Dictionary<string, string>
        {
            ["Alias"] = "Merel",
            ["Channel"] = "Phone",
            ["ContactDetails"] = phone,
            ["Language"] = "nl",
            ["Message"] = message,
        });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#help-sent").ShouldNotBeNull();
        page.QuerySelector("#receipt-code").ShouldBeNull("no code unless the person chose one");
        (await CountAsync(app, intake.CareProvider)).ShouldBe(before + 1);
        var request = await app.QueryAsync(db => db.Set<IntakeRequest>().AsNoTracking().OrderByDescending(r => r.ReceivedAtUtc).FirstAsync());
        request.ContactChannel.ShouldBe(IntakeContactChannel.Phone);
        request.ReportId.ShouldBeNull("no conversation: the team calls");
        request.ContactDetails.ShouldNotBeNull();

        var stored = await StoredData.AllAsync(app);
        stored.ShouldNotHold(phone, "the phone number in the clear");
        stored.ShouldNotHold(digits, "the phone number's digits");
        stored.ShouldNotHold(message, "the message in the clear");

        var (manager, _) = await intake.SignInAsync(Roles.Casemanager, intake.CareProvider);
        (await manager.PageOkAsync($"/Intake/{request.Id}")).QuerySelector("#intake-details")!.TextContent.ShouldBe(phone);
    }

    [Theory]
    [Databases]
    public async Task The_same_form_sent_twice_stores_one_request_and_shows_no_code_the_second_time(DatabaseProvider provider)
    {
        var intake = await apps.ForAsync(provider);
        var app = intake.App;
        using var visitor = app.NewClient();
        var (_, empty) = await visitor.GetPageAsync("/Portal/Help");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)empty.QuerySelector("#help-form")!;
        var fields = new Dictionary<string, string> { ["Channel"] = "ReceiptCodeOnly", ["Language"] = "en" };
        var before = await CountAsync(app, intake.CareProvider);

        var first = await BakenClient.ReadAsync(await visitor.SubmitAsync(form, "/Portal/Help", fields));
        var code = first.QuerySelector("#receipt-code")!.TextContent.Trim();
        var again = await BakenClient.ReadAsync(await visitor.SubmitAsync(form, "/Portal/Help", fields));

        again.QuerySelector("#already-received").ShouldNotBeNull();
        again.QuerySelector("#receipt-code").ShouldBeNull();
        (await CountAsync(app, intake.CareProvider)).ShouldBe(before + 1);
        (await app.QueryAsync(db => db.Set<AnonymousReport>().CountAsync(r => r.Locator == code.Substring(0, 4)))).ShouldBe(1);

        // Without a message the conversation still starts, with a line saying where it came from.
        var (_, thread) = await visitor.OpenAsync(code);
        thread.QuerySelector("#conversation")!.TextContent.ShouldContain("I want to stop or I want help");
    }
}
