namespace Baken.BrowserTests.Features.Layout;

public sealed class LanguageTests(BrowserSuite browser)
{
    [BrowserFact]
    public Task A_visitor_switches_the_login_page_to_English_and_back_to_Dutch() =>
        browser.RunAsync(async page =>
        {
            var html = page.Locator("html");
            await page.GotoAsync("/Account/Login");
            await Expect(html).ToHaveAttributeAsync("lang", "nl");
            await Expect(page.Heading("Aanmelden")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.Button("English").ClickAsync();
            await Expect(page.Heading("Sign in")).ToBeVisibleAsync();
            await Expect(html).ToHaveAttributeAsync("lang", "en");
            await Expect(page.GetByLabel("Password", new() { Exact = true })).ToBeVisibleAsync();
            page.Url.ShouldEndWith("/Account/Login");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.Button("Nederlands").ClickAsync();
            await Expect(page.Heading("Aanmelden")).ToBeVisibleAsync();
            await Expect(html).ToHaveAttributeAsync("lang", "nl");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
        });
}
