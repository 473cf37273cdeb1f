namespace Baken.BrowserTests.Features.Account;

public sealed class SignInTests(BrowserSuite browser)
{
    [BrowserFact]
    public Task The_administrator_signs_in_with_password_and_authenticator_code_and_sees_the_admin_start_page() =>
        browser.RunAsync(async page =>
        {
            await page.SignInAsync(SignInSteps.Admin);

            await Expect(page.Heading("Welkom, Demo Beheerder")).ToBeVisibleAsync();
            var admin = page.GetByRole(AriaRole.Region, new() { Name = "Beheer" });
            await Expect(admin).ToBeVisibleAsync();
            await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Gebruikers", Exact = true })).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.SaveScreenshotAsync("start-page");
        });
}
