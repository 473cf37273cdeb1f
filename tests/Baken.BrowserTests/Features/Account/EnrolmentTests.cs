using Baken.BrowserTests.Features.Admin;

namespace Baken.BrowserTests.Features.Account;

public sealed class EnrolmentTests(BrowserSuite browser)
{
    [BrowserFact]
    public Task A_new_user_sets_up_an_authenticator_app_at_first_sign_in_and_gets_ten_recovery_codes() =>
        browser.RunAsync(async page =>
        {
            var user = NewUser.Unique();
            await page.SignInAsync(SignInSteps.Admin);
            await page.CreateUserAsync(user);
            await page.SignOutAsync();

            await page.SubmitPasswordAsync(user.Email, user.StartPassword);
            await Expect(page.Heading("Stel je tweede factor in")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-code", Exact = false })).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            var sharedKey = await page.GetByTestId("shared-key").InnerTextAsync();
            sharedKey.ShouldMatch("^[a-z2-7]{4}( [a-z2-7]{1,4})+$");
            var secret = sharedKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            await page.GetByLabel("Code uit je authenticator-app (6 cijfers)", new() { Exact = true }).FillAsync(Totp.Code(secret));
            await page.Button("Tweede factor instellen").ClickAsync();

            await Expect(page.Heading("Je tweede factor is ingesteld")).ToBeVisibleAsync();
            var codes = page.GetByRole(AriaRole.List, new() { Name = "Je herstelcodes" }).GetByRole(AriaRole.Listitem);
            await Expect(codes).ToHaveCountAsync(10);
            (await codes.AllInnerTextsAsync()).Distinct().Count().ShouldBe(10);
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.Link("Verder naar Baken").ClickAsync();
            await Expect(page.Heading($"Welkom, {user.Name}")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
        });
}
