using Baken.Features.Demo;

namespace Baken.BrowserTests.Infrastructure;

/// <summary>Signing in and out through the real pages, in Dutch (the default language), checking each page with axe.</summary>
public static class SignInSteps
{
    public const string Admin = "beheerder@baken.example";

    /// <summary>Password step, then the TOTP step; ends on the start page.</summary>
    public static async Task SignInAsync(this IPage page, string email = Admin, string password = DemoSeeder.Password,
        string totpSecret = DemoSeeder.TotpSecret)
    {
        await page.SubmitPasswordAsync(email, password);
        await Expect(page.Heading("Tweede stap: je code")).ToBeVisibleAsync();
        await page.ShouldHaveNoSeriousAxeViolationsAsync();

        await page.GetByLabel("Code uit je authenticator-app (6 cijfers)", new() { Exact = true }).FillAsync(Totp.Code(totpSecret));
        await page.Button("Bevestigen").ClickAsync();
        await Expect(page.Heading("Welkom", exact: false)).ToBeVisibleAsync();
    }

    /// <summary>Opens the login page and submits e-mail address and password.</summary>
    public static async Task SubmitPasswordAsync(this IPage page, string email, string password)
    {
        if (!page.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            await page.GotoAsync("/Account/Login");
        }

        await Expect(page.Heading("Aanmelden")).ToBeVisibleAsync();
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        await page.Button("Aanmelden").ClickAsync();
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.Button("Afmelden").ClickAsync();
        await Expect(page.Heading("Aanmelden")).ToBeVisibleAsync();
    }
}
