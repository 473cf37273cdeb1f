namespace Baken.BrowserTests.Features.Portal;

/// <summary>
/// Issue 6's visitor: finds tonight's walk-in hours from the home page, answers "which rules apply to me",
/// switches to English, and refers themself with only a receipt code; the exit programme's intake queue shows it.
/// axe checks each page on the way.
/// </summary>
public sealed class VisitorWalkTests(BrowserSuite browser)
{
    [BrowserFact]
    public Task A_visitor_finds_tonights_walk_in_checks_the_rules_switches_to_english_and_refers_themself_with_a_code() =>
        browser.RunAsync(async page =>
        {
            var message = $"Demo: I want to stop, please help {Guid.NewGuid():N}";

            // Tonight's walk-in hours: the demo drop-in opens every evening, so it is open now or later today.
            await page.GotoAsync("/Portal");
            await Expect(page.Heading("Waar kun je vandaag terecht?")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            var today = page.Locator("#open-now-list, #later-today-list");
            var dropInName = page.GetByRole(AriaRole.Link, new() { Name = "Huiskamer in de avond", Exact = true });
            var dropIn = today.Locator("li").Filter(new() { Has = dropInName }).First;
            await Expect(dropIn).ToContainTextAsync("18:00");
            await dropIn.Locator(dropInName).ClickAsync();
            var card = page.Locator("#services > li", new() { Has = page.Heading("Huiskamer in de avond", level: 2) });
            await Expect(card).ToContainTextAsync("18:00");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            // Which rules apply to me: nothing forgotten is refused, then the advice for working from home.
            await page.GotoAsync("/Portal");
            await page.Locator("#rules-check").ClickAsync();
            await Expect(page.Heading("Welke regels gelden voor mij?")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.Locator("#Place-Home").CheckAsync();
            await page.Button("Laat zien wat voor mij geldt").ClickAsync();
            await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
            await Expect(page.Locator("#Place-Home")).ToBeCheckedAsync();
            await page.Locator("#Company-Alone").CheckAsync();
            await page.Locator("#Age-From21").CheckAsync();
            await page.Locator("#Change-Yes").CheckAsync();
            await page.Button("Laat zien wat voor mij geldt").ClickAsync();
            await Expect(page.Locator("#check-advice")).ToBeVisibleAsync();
            var homeWork = page.Locator("#check-pages a[href$='/Portal/Rules/thuiswerken']");
            await Expect(homeWork).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await homeWork.ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("Laatst gecontroleerd");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            // To English: a link to the same page under /en, no cookie.
            await page.Locator(".baken-languages summary").ClickAsync();
            await page.Locator(".baken-languages").GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            page.Url.ShouldContain("/en/Portal/Rules/thuiswerken");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            (await page.Context.CookiesAsync()).ShouldAllBe(c => c.Name.EndsWith("baken-af", StringComparison.Ordinal), "public pages set only the antiforgery cookie of their forms");

            // "I want to stop": only a receipt code.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "I want to stop or get help", Exact = true }).ClickAsync();
            page.Url.ShouldContain("/en/Portal/Help");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.Locator("#channel-ReceiptCodeOnly").CheckAsync();
            await page.Locator("#Message").FillAsync(message);
            await page.Locator("#help-submit").ClickAsync();
            var code = (await page.Locator("#receipt-code").TextContentAsync())!.Trim();
            code.ShouldMatch("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$");
            page.Url.ShouldNotContain(code[5..]);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            // The exit programme's intake queue shows it; the newest comes first.
            await page.GotoAsync("/Account/Login");
            await page.SignInAsync("casemanager@baken.example");
            await page.GotoAsync("/Intake");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.Locator("tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.GetByText(message)).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
        });
}
