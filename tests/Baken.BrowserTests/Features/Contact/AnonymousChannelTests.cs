namespace Baken.BrowserTests.Features.Contact;

/// <summary>
/// The anonymous two-way channel end to end: a report without an account, its receipt code shown once, a staff
/// reply from the inbox with a standard reply, the reporter reading it with the code and answering; a wrong code
/// and a flood refused without revealing anything; the quick exit leaving no conversation behind Back.
/// </summary>
public sealed class AnonymousChannelTests(BrowserSuite browser)
{
    private static readonly Uri Neutral = new("https://www.google.nl/");

    /// <summary>Back, after the failed load of the unreachable neutral site has settled into an error page.</summary>
    private static async Task GoBackAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.GoBackAsync();
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
                await Task.Delay(200);
            }
        }
    }

    [BrowserFact]
    public Task A_reporter_and_the_team_talk_through_a_receipt_code() =>
        browser.RunAsync(async page =>
        {
            var question = $"Demo: mijn vriendin moet al haar geld afgeven <b>{Guid.NewGuid():N}</b>";

            await page.GotoAsync("/Contact");
            await Expect(page.Heading("Stel een vraag of meld een zorg")).ToBeVisibleAsync();
            await Expect(page.Locator("#quick-exit")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            // Empty: refused, the choice kept.
            await page.GetByText("Een zorg melden", new() { Exact = true }).ClickAsync();
            await page.Button("Verstuur").ClickAsync();
            await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Een zorg melden", new() { Exact = true })).ToBeCheckedAsync();

            await page.GetByLabel("Je bericht", new() { Exact = true }).FillAsync(question);
            await page.Button("Verstuur").ClickAsync();
            var code = (await page.Locator("#receipt-code").TextContentAsync())!.Trim();
            code.ShouldMatch("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$");
            page.Url.ShouldNotContain(code[5..]);
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.SaveScreenshotAsync("contact-receipt");

            // The team answers from the inbox with a standard reply.
            await page.SignInAsync("veldwerker@baken.example");
            await page.MainMenuLink("Anonieme vragen").ClickAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            // The queue lists the longest-waiting first: the new report is the last row.
            await page.Locator("tbody tr").Last.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.GetByText(question)).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.Locator("#StandardReply").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.Button("Invoegen").ClickAsync();
            var inserted = await page.Locator("#Text").InputValueAsync();
            inserted.ShouldNotBeNullOrWhiteSpace();
            await page.Button("Verstuur antwoord").ClickAsync();
            await page.SignOutAsync();

            // The reporter reads the reply with the code and answers.
            await page.GotoAsync("/Contact/Open");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.GetByLabel("Je code", new() { Exact = true }).FillAsync(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
            await page.Button("Open gesprek").ClickAsync();
            await Expect(page.GetByText(question)).ToBeVisibleAsync();
            await Expect(page.GetByText(inserted.Trim()[..40], new() { Exact = false })).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.GetByLabel("Je bericht", new() { Exact = true }).FillAsync("Demo: dank je, zij woont in Voorbeeldstad.");
            await page.Button("Verstuur").ClickAsync();
            await Expect(page.Locator("#sent")).ToBeVisibleAsync();
            await Expect(page.GetByText("Demo: dank je, zij woont in Voorbeeldstad.")).ToBeVisibleAsync();

            // Quick exit (Escape twice): through /Contact/Leave (which ends the session) to the neutral site, which
            // this machine cannot reach (no network): the request is enough. Back then shows no conversation.
            await page.Keyboard.PressAsync("Escape");
            await page.RunAndWaitForRequestAsync(() => page.Keyboard.PressAsync("Escape"), Neutral + "**");
            for (var wait = 0; wait < 50 && page.Url.Contains("/Contact", StringComparison.Ordinal); wait++)
            {
                await Task.Delay(100);
            }

            await GoBackAsync(page);
            await Expect(page.Locator("#open-form")).ToBeVisibleAsync();
            await Expect(page.GetByText(question)).ToHaveCountAsync(0);

            // A wrong code reveals nothing: the same answer as for any code that opens nothing.
            await page.GotoAsync("/Contact/Open");
            await page.GetByLabel("Je code", new() { Exact = true }).FillAsync("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
            await page.Button("Open gesprek").ClickAsync();
            await Expect(page.Locator("#error-summary")).ToContainTextAsync("Met deze code kunnen we geen gesprek openen.");
            await Expect(page.Locator("#reply-form")).ToHaveCountAsync(0);

            // A flood of reports from one address ends in a friendly 429 page, not a stored report.
            var refused = false;
            for (var i = 0; i < 15 && !refused; i++)
            {
                await page.GotoAsync("/Contact");
                await page.GetByText("Een vraag stellen", new() { Exact = true }).ClickAsync();
                await page.GetByLabel("Je bericht", new() { Exact = true }).FillAsync("Demo: vloed " + i);
                var response = await page.RunAndWaitForResponseAsync(() => page.Button("Verstuur").ClickAsync(), r => r.Request.Method == "POST");
                refused = response.Status == 429;
            }

            refused.ShouldBeTrue("a flood of posts from one address is refused");
            await Expect(page.Heading("Even wachten")).ToBeVisibleAsync();
            await Expect(page.Locator("#quick-exit")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
        }, leavesTo: Neutral);
}
