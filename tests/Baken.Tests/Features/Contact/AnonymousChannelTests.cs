using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Contact;
using Baken.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Contact;

/// <summary>The public pages of the anonymous two-way channel and the team's inbox (issue 5, point 5).</summary>
public sealed partial class AnonymousChannelTests(ContactApps apps) : IClassFixture<ContactApps>
{
    private static Task<AnonymousReport> ReportWithCodeAsync(BakenAppFactory app, string code) =>
        app.QueryAsync(db => db.Set<AnonymousReport>().AsNoTracking().SingleAsync(r => r.Locator == code.Substring(0, 4)));

    private static Task<int> MessageCountAsync(BakenAppFactory app, Guid reportId) =>
        app.QueryAsync(db => db.Set<ReportMessage>().CountAsync(m => m.ReportId == reportId));

    [GeneratedRegex("(^|_)ip($|_)|ip_?addr|remote|agent|forwarded|browser", RegexOptions.IgnoreCase)]
    private static partial Regex AddressLikeColumn();

    [Theory]
    [Databases]
    public async Task A_report_is_stored_encrypted_its_code_is_shown_once_and_neither_code_nor_address_is_kept(DatabaseProvider provider)
    {
        var (app, _, organisation) = await apps.ForAsync(provider);
        var canary = $"kanarie{Guid.NewGuid():N}";
        var forwardedFor = "192.0.2.147";
        var agent = $"KanarieBrowser/9.9 ({canary}agent)";
        using var client = app.NewClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(agent);

        var (form, page) = await client.GetPageAsync("/Contact");
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#quick-exit")!.GetAttribute("href").ShouldBe("/Contact/Leave", "works without JavaScript, and ends a reporter's session first");
        page.QuerySelector("#quick-exit")!.GetAttribute("data-quick-exit-url").ShouldBe("/Contact/Leave");
        page.QuerySelector("script[src^='/js/quick-exit.js']").ShouldNotBeNull();
        page.QuerySelector(".baken-nav").ShouldBeNull("no staff navigation on a public page");
        page.DocumentElement.GetAttribute("lang").ShouldBe("nl");
        page.QuerySelector("main")!.TextContent.ShouldContain("112");

        var (sent, receipt) = await client.SendReportAsync($"Ik maak me zorgen om een vriendin. {canary}", "Concern");
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, "the code is rendered on the response, never behind a redirect");
        sent.Headers.Location.ShouldBeNull();
        var code = receipt.QuerySelector("#receipt-code")!.TextContent.Trim();
        code.ShouldMatch("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$");
        receipt.QuerySelector("main")!.TextContent.ShouldContain("één keer");
        receipt.QuerySelector("a[href='/Contact/Open']").ShouldNotBeNull();
        var (_, again) = await client.GetPageAsync("/Contact");
        again.DocumentElement.OuterHtml.ShouldNotContain(code, Case.Insensitive, "the code is shown once");

        var report = await ReportWithCodeAsync(app, code);
        report.Kind.ShouldBe(ReportKind.Concern);
        report.Language.ShouldBe("nl");
        report.Status.ShouldBe(ReportStatus.AwaitingTeam);
        report.OrganisationId.ShouldBe(organisation);
        (await MessageCountAsync(app, report.Id)).ShouldBe(1);
        (await app.QueryAsync(db => db.Set<ClientKey>().AnyAsync(k => k.ClientId == report.Id))).ShouldBeTrue("the report has a data key of its own");

        var secret = code.Replace("-", string.Empty, StringComparison.Ordinal)[4..];
        var stored = await StoredData.AllAsync(app);
        stored.ShouldNotHold(code, "the receipt code");
        stored.ShouldNotHold(code.Replace("-", string.Empty, StringComparison.Ordinal), "the receipt code without dashes");
        stored.ShouldNotHold(secret, "the secret part of the receipt code");
        stored.ShouldNotHold(canary, "the message in the clear");
        stored.ShouldNotHold(ContactApps.RemoteAddress, "the sender's address");
        stored.ShouldNotHold(forwardedFor, "the forwarded address");
        stored.ShouldNotHold("KanarieBrowser", "the user agent");

        var logs = app.Logs.All;
        logs.ShouldNotContain(code, Case.Insensitive);
        logs.ShouldNotContain(secret, Case.Insensitive);
        logs.ShouldNotContain(canary);
        logs.ShouldNotContain(ContactApps.RemoteAddress);
        logs.ShouldNotContain(forwardedFor);
        logs.ShouldNotContain("KanarieBrowser");

        var columns = await app.QueryAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Table: e.GetTableName(), Column: p.GetColumnName())))
            .ToList()));
        columns.Where(c => AddressLikeColumn().IsMatch(c.Column)).ShouldBeEmpty("no column for addresses or browser details");
        columns.Where(c => c.Table is "AnonymousReports" or ReportMessage.Table && c.Column.Contains("Address", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
    }

    [Theory]
    [Databases]
    public async Task The_code_opens_the_conversation_the_team_answers_with_a_standard_reply_and_the_reporter_writes_back(DatabaseProvider provider)
    {
        var (app, worker, _) = await apps.ForAsync(provider);
        using var reporter = app.NewClient();
        var code = await reporter.ReportAsync("Can I get tested <b>without</b> my name? \"Yes\" & 😀", language: "en");
        var report = await ReportWithCodeAsync(app, code);
        report.Language.ShouldBe("en", "the report has the language of the page it was sent from");

        // Written down by hand: lower case, spaces instead of dashes, O for zero.
        var typed = code.ToLowerInvariant().Replace('-', ' ').Replace('0', 'o');
        var (opened, thread) = await reporter.OpenAsync(typed);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        var messages = thread.QuerySelectorAll("#conversation .baken-thread__text").Select(m => m.TextContent).ToList();
        messages.ShouldBe(["Can I get tested <b>without</b> my name? \"Yes\" & 😀"], "any characters, shown as text");
        thread.QuerySelector("#conversation b").ShouldBeNull("never rendered as HTML");
        var replyForm = (IHtmlFormElement)thread.QuerySelector("#reply-form")!;
        replyForm.GetAttribute("action")!.ShouldNotContain(code[5..9], Case.Insensitive, "the code never goes into a URL");
        replyForm.GetAttribute("action")!.ShouldContain("handler=Reply");

        using var staff = app.NewClient();
        await staff.SignInAsync(worker);
        var (inboxResponse, inbox) = await staff.GetPageAsync("/Inbox");
        inboxResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = inbox.QuerySelector($"#inbox a[href='/Inbox/{report.Id}']")!.Closest("tr")!;
        row.ClassList.ShouldContain("baken-row--awaiting", "a report waiting for the team stands out");
        row.TextContent.ShouldContain("Engels");
        inbox.QuerySelector("#inbox")!.TextContent.ShouldNotContain("tested", customMessage: "the list decrypts nothing");

        var url = $"/Inbox/{report.Id}";
        var (_, detail) = await staff.GetPageAsync(url);
        detail.QuerySelector("#conversation")!.TextContent.ShouldContain("without");
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == report.Id && e.Action == "ReportReadByStaff"))).ShouldBeTrue();

        // A standard reply goes in after what was typed, in the reporter's language (English), on a Dutch page.
        var form = (IHtmlFormElement)detail.QuerySelector("#reply-form")!;
        form.QuerySelector($"button[formaction='{url}?handler=Insert']").ShouldNotBeNull("inserting works without JavaScript: a post back");
        form.QuerySelector($"button[formaction='{url}?handler=Send']").ShouldNotBeNull();
        var inserted = BakenClient.Parse(await (await staff.SubmitAsync(form, url + "?handler=Insert", new Dictionary<string, string>
        {
            ["StandardReply"] = "MoreInfo",
            ["Text"] = "Hello,",
        })).Content.ReadAsStringAsync());
        var text = inserted.QuerySelector("textarea#Text")!.TextContent;
        text.ShouldStartWith("Hello,");
        text.ShouldContain("Could you tell us a little more?");
        inserted.QuerySelector("label[for='Text']")!.TextContent.ShouldBe("Je antwoord");

        var empty = await BakenClient.ReadAsync(await staff.SubmitAsync(form, url + "?handler=Send", new Dictionary<string, string> { ["Text"] = " " }));
        empty.QuerySelector("#Text-error").ShouldNotBeNull();
        var answer = $"Yes, you can. {Guid.NewGuid():N}";
        var sentForm = (IHtmlFormElement)inserted.QuerySelector("#reply-form")!;
        var sent = await staff.SubmitAsync(sentForm, url + "?handler=Send", new Dictionary<string, string> { ["Text"] = answer });
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var replayed = await BakenClient.ReadAsync(await staff.SubmitAsync(sentForm, url + "?handler=Send", new Dictionary<string, string> { ["Text"] = answer }));
        replayed.QuerySelector("#error-summary")!.TextContent.ShouldContain("al verstuurd");
        (await MessageCountAsync(app, report.Id)).ShouldBe(2, "a replayed answer adds nothing");
        (await ReportWithCodeAsync(app, code)).Status.ShouldBe(ReportStatus.Answered);

        // Still within the reporter's session: the conversation is a plain GET.
        var (_, reread) = await reporter.GetPageAsync("/en/Contact/Open");
        var conversation = reread.QuerySelector("#conversation")!.TextContent;
        conversation.ShouldContain(answer);
        conversation.ShouldContain("Team");
        conversation.ShouldNotContain("Test Veldwerker", customMessage: "the reporter sees no staff names");
        reread.DocumentElement.GetAttribute("lang").ShouldBe("en");

        var (_, afterReply) = await reporter.ReplyAsync(reread, "Thank you! When can I come?");
        afterReply.QuerySelector("#sent").ShouldNotBeNull();
        afterReply.QuerySelectorAll("#conversation .baken-thread__text").Select(m => m.TextContent).Last().ShouldBe("Thank you! When can I come?");
        var (_, replayedReply) = await reporter.ReplyAsync(reread, "Thank you! When can I come?");
        replayedReply.QuerySelector("#already-received").ShouldNotBeNull();
        (await MessageCountAsync(app, report.Id)).ShouldBe(3, "a replayed reply adds nothing");
        (await ReportWithCodeAsync(app, code)).Status.ShouldBe(ReportStatus.AwaitingTeam);

        var (_, tooLong) = await reporter.ReplyAsync(afterReply, new string('x', 4001));
        tooLong.QuerySelector("#Message-error").ShouldNotBeNull();
        tooLong.QuerySelector("textarea#Message")!.TextContent.Length.ShouldBe(4001, "what was typed is kept");
        (await MessageCountAsync(app, report.Id)).ShouldBe(3);

        app.Logs.All.ShouldNotContain(code[5..], Case.Insensitive);
    }

    [Theory]
    [Databases]
    public async Task Wrong_and_unknown_codes_get_the_same_answer_and_a_guessed_locator_is_refused(DatabaseProvider provider)
    {
        var (app, _, _) = await apps.ForAsync(provider);
        using var reporter = app.NewClient();
        var code = await reporter.ReportAsync("Mag ik iets vragen over huren?");
        var other = await reporter.ReportAsync("Nog een vraag.");
        var locators = await app.QueryAsync(db => db.Set<AnonymousReport>().Select(r => r.Locator).ToListAsync());
        var unknownLocator = Enumerable.Range(0, 1000).Select(_ => ReceiptCode.New()[..4]).First(l => !locators.Contains(l));
        string WithSecret(string locator, string secret) => $"{locator}-{secret}";
        var wrongSecret = code[5..] == "0000-0000-0000-0000" ? "1111-1111-1111-1111" : "0000-0000-0000-0000";

        var (wrongResponse, wrong) = await reporter.OpenAsync(WithSecret(code[..4], wrongSecret));
        var (unknownResponse, unknown) = await reporter.OpenAsync(WithSecret(unknownLocator, wrongSecret));
        var (malformedResponse, malformed) = await reporter.OpenAsync("not a code <script>");
        wrongResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknownResponse.StatusCode.ShouldBe(wrongResponse.StatusCode);
        malformedResponse.StatusCode.ShouldBe(wrongResponse.StatusCode);
        var message = wrong.QuerySelector("#Code-error")!.TextContent.Trim();
        message.ShouldNotBeEmpty();
        unknown.QuerySelector("#Code-error")!.TextContent.Trim().ShouldBe(message);
        malformed.QuerySelector("#Code-error")!.TextContent.Trim().ShouldBe(message);
        unknown.QuerySelector("#error-summary")!.TextContent.ShouldBe(wrong.QuerySelector("#error-summary")!.TextContent);
        wrong.QuerySelector("#conversation").ShouldBeNull();
        var (emptyResponse, empty) = await reporter.OpenAsync(" ");
        emptyResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        empty.QuerySelector("#Code-error").ShouldNotBeNull();

        // The default allows five wrong codes per locator; the sixth attempt is refused, even with the right code.
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            var (response, _) = await reporter.OpenAsync(WithSecret(code[..4], wrongSecret));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"wrong code {attempt}");
        }

        var (blockedResponse, blocked) = await reporter.OpenAsync(code);
        blockedResponse.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        blocked.QuerySelector("#blocked").ShouldNotBeNull();
        blocked.QuerySelector("#conversation").ShouldBeNull();
        blocked.QuerySelector("#quick-exit").ShouldNotBeNull();
        var (otherResponse, otherThread) = await reporter.OpenAsync(other);
        otherResponse.StatusCode.ShouldBe(HttpStatusCode.OK, "another report is not refused");
        otherThread.QuerySelector("#conversation").ShouldNotBeNull();
    }

    [Theory]
    [Databases]
    public async Task Invalid_and_replayed_forms_store_nothing_and_keep_what_was_typed(DatabaseProvider provider)
    {
        var (app, _, _) = await apps.ForAsync(provider);
        using var reporter = app.NewClient();
        Task<int> CountAsync() => app.QueryAsync(db => db.Set<AnonymousReport>().CountAsync());
        var before = await CountAsync();

        var (emptyResponse, empty) = await reporter.SendReportAsync("   ");
        emptyResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        empty.QuerySelector("#Message-error").ShouldNotBeNull();
        empty.QuerySelector("#receipt-code").ShouldBeNull();

        var tooLong = "<script>alert(1)</script> " + new string('é', 4000);
        var (longResponse, longPage) = await reporter.SendReportAsync(tooLong);
        longResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        longPage.QuerySelector("#Message-error").ShouldNotBeNull();
        longPage.QuerySelector("textarea#Message")!.TextContent.ShouldBe(tooLong, "what was typed is kept");
        (await longResponse.Content.ReadAsStringAsync()).ShouldNotContain("<script>alert", Case.Sensitive, "rendered encoded");

        var noKind = await BakenClient.ReadAsync(await reporter.SubmitAsync("/Contact", new Dictionary<string, string> { ["Kind"] = "Urgent", ["Message"] = "Hallo" }, "#contact-form"));
        noKind.QuerySelector("#Kind-error").ShouldNotBeNull();
        noKind.QuerySelector("textarea#Message")!.TextContent.ShouldBe("Hallo");

        var noKey = await BakenClient.ReadAsync(await reporter.SubmitAsync("/Contact", new Dictionary<string, string> { ["Kind"] = "Question", ["Message"] = "Hallo", ["SubmissionKey"] = "x" }, "#contact-form"));
        noKey.QuerySelector("#error-summary").ShouldNotBeNull();
        noKey.QuerySelector("input[name=SubmissionKey]")!.GetAttribute("value").ShouldNotBe("x");

        var noToken = await reporter.Http.PostAsync(new Uri("/Contact", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Kind"] = "Question",
            ["Message"] = "Zonder token",
            ["SubmissionKey"] = Guid.NewGuid().ToString(),
        }));
        noToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CountAsync()).ShouldBe(before, "nothing of a refused form is stored");

        // The same form sent twice: one report, and the second answer shows no code.
        var (_, form) = await reporter.GetPageAsync("/Contact");
        var contactForm = (IHtmlFormElement)form.QuerySelector("#contact-form")!;
        var fields = new Dictionary<string, string> { ["Kind"] = "Question", ["Message"] = "Twee keer verstuurd" };
        var first = await BakenClient.ReadAsync(await reporter.SubmitAsync(contactForm, "/Contact", fields));
        first.QuerySelector("#receipt-code").ShouldNotBeNull();
        var second = await BakenClient.ReadAsync(await reporter.SubmitAsync(contactForm, "/Contact", fields));
        second.QuerySelector("#receipt-code").ShouldBeNull();
        second.QuerySelector("#already-received")!.TextContent.ShouldContain("code die je toen kreeg");
        var key = Guid.Parse(((IHtmlInputElement)contactForm.QuerySelector("input[name=SubmissionKey]")!).Value);
        (await app.QueryAsync(db => db.Set<AnonymousReport>().CountAsync(r => r.SubmissionKey == key))).ShouldBe(1);
        (await CountAsync()).ShouldBe(before + 1);
    }

    [Theory]
    [Databases]
    public async Task The_inbox_shows_only_the_own_organisations_reports_and_a_closed_report_takes_no_replies(DatabaseProvider provider)
    {
        var (app, _, organisation) = await apps.ForAsync(provider);
        using var reporter = app.NewClient();
        var code = await reporter.ReportAsync("Een vraag voor het eigen team.");
        var report = await ReportWithCodeAsync(app, code);

        var otherOrganisation = await app.QueryAsync(async db =>
        {
            var other = new Organisation { Name = $"Zz andere organisatie {Guid.NewGuid():N}", Kind = OrganisationKind.PartnerReferrer };
            db.Organisations.Add(other);
            await db.SaveChangesAsync();
            return other.Id;
        });
        using var outsider = app.NewClient();
        await outsider.SignInAsync(await app.CreateUserAsync(Roles.Veldwerker, organisationId: otherOrganisation));
        var (outsiderInbox, outsiderList) = await outsider.GetPageAsync("/Inbox?status=all");
        outsiderInbox.StatusCode.ShouldBe(HttpStatusCode.OK);
        outsiderList.QuerySelector("#inbox").ShouldBeNull();
        outsiderList.QuerySelector("#inbox-empty").ShouldNotBeNull();
        (await outsider.GetAsync($"/Inbox/{report.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var caseManager = app.NewClient();
        await caseManager.SignInAsync(await app.CreateUserAsync(Roles.Casemanager, organisationId: organisation));
        (await caseManager.GetAsync("/Inbox")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the channel is for the outreach and trafficking roles");
        (await caseManager.GetAsync($"/Inbox/{report.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var lead = app.NewClient();
        await lead.SignInAsync(await app.CreateUserAsync(Roles.Teamleider, organisationId: organisation));
        var url = $"/Inbox/{report.Id}";
        var closed = await lead.SubmitAsync(url, new Dictionary<string, string>(), "#close-form");
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReportWithCodeAsync(app, code)).ClosedAtUtc.ShouldNotBeNull();
        var (_, closedList) = await lead.GetPageAsync("/Inbox?status=Closed");
        closedList.QuerySelector($"#inbox a[href='{url}']").ShouldNotBeNull();
        var (_, awaitingList) = await lead.GetPageAsync("/Inbox");
        awaitingList.QuerySelector($"a[href='{url}']").ShouldBeNull("awaiting the team is the default filter");
        var (_, closedPage) = await lead.GetPageAsync(url);
        closedPage.QuerySelector("#reply-form").ShouldBeNull();
        closedPage.QuerySelector("#close-form")!.GetAttribute("data-confirm").ShouldNotBeNullOrEmpty();

        var (_, thread) = await reporter.OpenAsync(code);
        thread.QuerySelector("#closed").ShouldNotBeNull();
        thread.QuerySelector("#reply-form").ShouldBeNull();
        var (_, openPage) = await reporter.GetPageAsync("/Contact/Open");
        openPage.QuerySelector("#closed").ShouldNotBeNull("the session still shows the closed conversation");

        // A reply forged with another form's antiforgery token (the closed page has no reply form).
        var (_, contactPage) = await reporter.GetPageAsync("/Contact");
        var token = contactPage.QuerySelector("#contact-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var forged = await reporter.Http.PostAsync("/Contact/Open?handler=Reply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Code"] = code,
            ["Message"] = "Toch nog iets",
            ["SubmissionKey"] = Guid.NewGuid().ToString(),
        }));
        forged.StatusCode.ShouldBe(HttpStatusCode.OK, "the reply handler answers on the post");
        BakenClient.Parse(await forged.Content.ReadAsStringAsync()).QuerySelector("#closed").ShouldNotBeNull("it says the conversation is closed");
        (await MessageCountAsync(app, report.Id)).ShouldBe(1, "a closed report takes no more messages");

        var reopened = await lead.SubmitAsync(url, new Dictionary<string, string>(), "#close-form");
        reopened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await ReportWithCodeAsync(app, code);
        again.Status.ShouldBe(ReportStatus.AwaitingTeam);
        again.ClosedAtUtc.ShouldBeNull();
    }

    [Theory]
    [Databases]
    public async Task The_quick_exit_ends_the_reporters_session_so_back_shows_no_conversation(DatabaseProvider provider)
    {
        var (app, _, _) = await apps.ForAsync(provider);
        using var reporter = app.NewClient();
        var secret = $"Ik ben bang {Guid.NewGuid():N}";
        var code = await reporter.ReportAsync(secret);
        var report = await ReportWithCodeAsync(app, code);

        // The code is posted once; the conversation is then a plain GET, so no POST waits in the history.
        var (_, openForm) = await reporter.GetPageAsync("/Contact/Open");
        var posted = await reporter.SubmitAsync((IHtmlFormElement)openForm.QuerySelector("#open-form")!, "/Contact/Open", new Dictionary<string, string> { ["Code"] = code });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.OriginalString.ShouldBe("/Contact/Open");
        var cookie = posted.Headers.GetValues("Set-Cookie").Single(c => c.Contains("baken-report", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        cookie.ShouldNotContain("expires", Case.Insensitive, "a browser-session cookie");
        cookie.ShouldNotContain(report.Id.ToString("N"), Case.Insensitive, "the report id is protected");
        var (_, thread) = await reporter.GetPageAsync("/Contact/Open");
        thread.QuerySelector("#conversation")!.TextContent.ShouldContain(secret);
        var replyForm = (IHtmlFormElement)thread.QuerySelector("#reply-form")!;
        replyForm.QuerySelector("input[name=Code]").ShouldBeNull("the code is not carried along");

        var left = await reporter.GetAsync("/Contact/Leave");
        left.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        left.Headers.Location!.ToString().ShouldBe("https://www.google.nl/");
        var (_, back) = await reporter.GetPageAsync("/Contact/Open");
        back.QuerySelector("#conversation").ShouldBeNull("after the quick exit, Back shows only the empty code form");
        back.QuerySelector("#open-form").ShouldNotBeNull();
        back.DocumentElement.OuterHtml.ShouldNotContain(secret);

        // A reply sent from a page left open is not lost and not stored: the code is asked again.
        var late = await BakenClient.ReadAsync(await reporter.SubmitAsync(replyForm, "/Contact/Open?handler=Reply", new Dictionary<string, string> { ["Message"] = "Nog een vraag" }));
        late.QuerySelector("#Code-error").ShouldNotBeNull();
        late.QuerySelector("textarea#unsent")!.TextContent.ShouldBe("Nog een vraag");
        (await MessageCountAsync(app, report.Id)).ShouldBe(1);
    }

    [Theory]
    [Databases]
    public async Task An_intake_from_a_report_makes_an_anonymous_client_with_consent_and_links_it(DatabaseProvider provider)
    {
        var (app, _, organisation) = await apps.ForAsync(provider);
        using var reporter = app.NewClient();
        var code = await reporter.ReportAsync("Ik wil stoppen en zoek hulp.");
        var report = await ReportWithCodeAsync(app, code);
        var coordinator = await app.CreateUserAsync(Roles.Zorgcoordinator, organisationId: organisation);
        using var staff = app.NewClient();
        await staff.SignInAsync(coordinator);
        var url = $"/Inbox/{report.Id}";

        var (_, page) = await staff.GetPageAsync(url);
        page.QuerySelector($"#make-signal[href='/Signals/New?reportId={report.Id}']").ShouldNotBeNull();
        var refused = await BakenClient.ReadAsync(await staff.SubmitAsync(url, new Dictionary<string, string> { ["Alias"] = "Merel" }, "#intake-form"));
        refused.QuerySelector("#IntakeConsent-error").ShouldNotBeNull();
        (await ReportWithCodeAsync(app, code)).ClientId.ShouldBeNull();

        var made = await staff.SubmitAsync(url, new Dictionary<string, string> { ["Alias"] = "Merel", ["IntakeConsent"] = "true" }, "#intake-form");
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = made.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Clients/");
        location.ShouldEndWith("?created=true");
        var clientId = (await ReportWithCodeAsync(app, code)).ClientId!.Value;
        location.ShouldContain(clientId.ToString());
        var client = await app.QueryAsync(db => db.Set<Client>().AsNoTracking().SingleAsync(c => c.Id == clientId));
        client.Level.ShouldBe(IdentityLevel.Anonymous);
        client.OrganisationId.ShouldBe(organisation);
        (await app.QueryAsync(db => db.Set<Consent>().AnyAsync(c => c.ClientId == clientId && c.Purpose == ConsentPurpose.CaseManagement && c.LegalBasis == LegalBasis.Consent))).ShouldBeTrue();
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == report.Id && e.Action == "ReportIntakeMade"))).ShouldBeTrue();
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == clientId && e.Action == "ClientCreatedFromReport"))).ShouldBeTrue();
        var (fileResponse, file) = await staff.GetPageAsync(location);
        fileResponse.StatusCode.ShouldBe(HttpStatusCode.OK, "the coordinator is on the new client's team");
        file.QuerySelector("main")!.TextContent.ShouldContain("Merel");

        var (_, linked) = await staff.GetPageAsync(url);
        linked.QuerySelector($"#intake-made a[href='/Clients/{clientId}']").ShouldNotBeNull();
        linked.QuerySelector("#intake-form").ShouldBeNull();
        var staleForm = (IHtmlFormElement)page.QuerySelector("#intake-form")!;
        var again = await BakenClient.ReadAsync(await staff.SubmitAsync(staleForm, url, new Dictionary<string, string> { ["IntakeConsent"] = "true" }));
        again.QuerySelector("#error-summary")!.TextContent.ShouldContain("al een intake");
        (await app.QueryAsync(db => db.Set<Client>().CountAsync(c => c.Id != clientId && c.CreatedAtUtc >= client.CreatedAtUtc && c.OrganisationId == organisation))).ShouldBe(0);
    }

    [Theory]
    [Databases]
    public async Task A_visitor_leaves_no_lasting_cookie_and_the_code_page_cannot_be_left_by_the_language_switch(DatabaseProvider provider)
    {
        var (app, _, _) = await apps.ForAsync(provider);
        using var visitor = app.NewClient();
        var (_, page) = await visitor.GetPageAsync("/Contact");
        var english = page.QuerySelector(".baken-languages a[hreflang='en']")!.GetAttribute("href")!;
        english.ShouldBe("/en/Contact", "the language is a link to the same page under another prefix");
        var (switched, englishPage) = await visitor.GetPageAsync(english);
        switched.Headers.Contains("Set-Cookie").ShouldBeFalse("choosing a language sets no cookie");
        englishPage.DocumentElement.GetAttribute("lang").ShouldBe("en");
        (englishPage.QuerySelector("#contact-form")!.GetAttribute("action") ?? english).ShouldBe("/en/Contact", "forms stay in the chosen language");

        var (_, receipt) = await visitor.SendReportAsync("A question in English.", language: "en");
        receipt.QuerySelector("#receipt-code").ShouldNotBeNull();
        receipt.QuerySelector(".baken-languages").ShouldBeNull("the code is shown once: nothing on the page leaves it by accident");

        var left = await visitor.GetAsync("/Contact/Leave");
        left.Headers.GetValues("Set-Cookie").ShouldContain(c => c.Contains("baken-lang", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase),
            "the quick exit forgets the language too");
    }

    [Theory]
    [Databases]
    public async Task A_reply_to_a_report_closed_meanwhile_is_not_stored_and_not_lost(DatabaseProvider provider)
    {
        var (app, _, _) = await apps.ForAsync(provider);
        using var reporter = app.NewClient();
        var code = await reporter.ReportAsync("Eerste vraag.");
        var (_, thread) = await reporter.OpenAsync(code);
        var report = await ReportWithCodeAsync(app, code);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var reports = scope.ServiceProvider.GetRequiredService<AnonymousReports>();
            await reports.CloseAsync((await reports.FindAsync(report.Id, CancellationToken.None))!, close: true, CancellationToken.None);
        }

        var (response, page) = await reporter.ReplyAsync(thread, "Nog een vraag na het sluiten.");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#closed").ShouldNotBeNull();
        page.QuerySelector("textarea#unsent")!.TextContent.ShouldBe("Nog een vraag na het sluiten.");
        (await MessageCountAsync(app, report.Id)).ShouldBe(1);
    }

    [Theory]
    [Databases]
    public async Task A_report_becomes_a_signal_with_the_reporters_words_once(DatabaseProvider provider)
    {
        var (app, worker, _) = await apps.ForAsync(provider);
        using var reporter = app.NewClient();
        var words = $"Er wonen vier vrouwen boven de club, zonder sleutel {Guid.NewGuid():N}";
        var code = await reporter.ReportAsync(words, "Concern");
        var report = await ReportWithCodeAsync(app, code);
        using var staff = app.NewClient();
        await staff.SignInAsync(worker);

        var url = $"/Signals/New?reportId={report.Id}";
        var (_, form) = await staff.GetPageAsync(url);
        form.QuerySelector("textarea#Description")!.TextContent.ShouldBe(words, "the reporter's words, read on the server");
        ((IHtmlSelectElement)form.QuerySelector("select#Source")!).Value.ShouldBe("AnonymousReport");
        var raised = await staff.SubmitAsync((IHtmlFormElement)form.QuerySelector("#signal-form")!, url, new Dictionary<string, string>
        {
            ["Source"] = "AnonymousReport",
            ["Description"] = form.QuerySelector("textarea#Description")!.TextContent,
            ["Category"] = "Exploitation",
            ["Urgency"] = "High",
        });
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await BakenClient.ReadAsync(raised)).QuerySelector("#error-summary")?.TextContent);

        var linked = await ReportWithCodeAsync(app, code);
        linked.SignalId.ShouldNotBeNull();
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == report.Id && e.Action == "ReportMadeIntoSignal"))).ShouldBeTrue();
        (await app.QueryAsync(db => db.Set<Baken.Features.Signals.Signal>().SingleAsync(s => s.Id == linked.SignalId))).Source
            .ShouldBe(Baken.Features.Signals.SignalSource.AnonymousReport);
        (await staff.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "one signal per report");
    }
}
