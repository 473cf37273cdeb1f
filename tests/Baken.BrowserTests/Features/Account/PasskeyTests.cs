namespace Baken.BrowserTests.Features.Account;

public sealed class PasskeyTests(BrowserSuite browser)
{
    /// <summary>Chromium's virtual authenticator (DevTools protocol) stands in for a phone or security key.</summary>
    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    [BrowserFact]
    public Task A_staff_member_adds_a_passkey_and_then_signs_in_with_it_alone() =>
        browser.RunAsync(async page =>
        {
            await AddVirtualAuthenticatorAsync(page);
            await page.SignInAsync("jobcoach@baken.example");

            await page.GetByRole(AriaRole.Link, new() { Name = "Passkeys", Exact = true }).ClickAsync();
            await Expect(page.Heading("Passkeys")).ToBeVisibleAsync();
            await Expect(page.GetByText("Je hebt nog geen passkeys.")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Laptop werk");
            await page.Button("Passkey toevoegen").ClickAsync();
            await Expect(page.GetByText("De passkey is toegevoegd.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Laptop werk", Exact = true })).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.SignOutAsync();
            await page.Button("Aanmelden met een passkey").ClickAsync();
            await Expect(page.Heading("Welkom, Demo Jobcoach")).ToBeVisibleAsync();
        }, viaLocalhost: true);
}
