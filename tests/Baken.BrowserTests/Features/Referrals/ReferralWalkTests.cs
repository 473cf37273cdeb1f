using Baken.Features.Demo;

namespace Baken.BrowserTests.Features.Referrals;

/// <summary>
/// Referrals out of a trajectory in the browser. The case manager refers the demo client who has not consented
/// (<see cref="DemoReferrals.WithoutConsent"/>) to IOM: refused with the reason, consent recorded on the client's
/// consent page, then previewed, sent, and later marked completed with feedback. Axe on every referral page.
/// Each scenario is a fact of its own; the steps below are shared, so a partner's side can be added as another.
/// </summary>
public sealed class ReferralWalkTests(BrowserSuite browser)
{
    private const string Service = "Terugkeer";

    private const string Organisation = "IOM (voorbeeld)";

    private const string Question = "Demo: de cliënt wil terug naar Roemenië en vraagt hulp bij de reis. Graag een afspraak met tolk.";

    [BrowserFact]
    public Task A_case_manager_refers_to_IOM_after_recording_consent_and_completes_it() =>
        browser.RunAsync(async page =>
        {
            await page.SignInAsync("casemanager@baken.example");
            var trajectory = await OpenTrajectoryAsync(page, DemoReferrals.WithoutConsent);

            // Without consent towards IOM: refused, with the reason and the way to record consent.
            await ChooseServiceAsync(page);
            await Expect(page.Locator("#consent-refused")).ToContainTextAsync("er is geen toestemming van de cliënt");
            await Expect(page.Locator("#referral-form")).ToHaveCountAsync(0);
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            var referUrl = page.Url;

            await page.Link("Toestemming van de cliënt vastleggen").ClickAsync();
            await Expect(page.Heading("Toestemmingen van cliënt", exact: false)).ToBeVisibleAsync();
            await page.GetByLabel("Doel", new() { Exact = true }).SelectOptionAsync("Referral");
            await page.GetByLabel("Aan organisatie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = DemoReferrals.Iom });
            await page.Button("Vastleggen").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = DemoReferrals.Iom })).ToBeVisibleAsync();

            // With consent: the minimal set for return migration is ticked; preview, then send.
            await page.GotoAsync(referUrl);
            await Expect(page.Locator("#consent-allowed")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Talen", new() { Exact = true })).ToBeCheckedAsync();
            await Expect(page.GetByLabel("Soort traject", new() { Exact = true })).Not.ToBeCheckedAsync();
            await page.GetByLabel("Vraag of reden van verwijzing", new() { Exact = true }).FillAsync(Question);
            await page.Button("Voorbeeld bekijken").ClickAsync();
            await Expect(page.Locator("#referral-preview")).ToContainTextAsync(DemoReferrals.WithoutConsent);
            await Expect(page.Locator("#referral-preview")).ToContainTextAsync(Question);
            await Expect(page.Locator("#referral-preview")).Not.ToContainTextAsync("Soort traject");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.SaveScreenshotAsync("referral-preview");
            await page.Button("Verwijzing versturen").ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De verwijzing is vastgelegd");
            await Expect(page.Locator("#referral-status")).ToHaveTextAsync("Verstuurd");
            await Expect(page.Locator("#referral-letter")).ToContainTextAsync(Question);
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            var referralUrl = page.Url.Split('?')[0];

            await page.Link("Verwijzingsbrief afdrukken").ClickAsync();
            await Expect(page.Heading($"Verwijzing naar {Organisation}")).ToBeVisibleAsync();
            await Expect(page.Locator("#letter-text")).ToContainTextAsync(Question);
            await Expect(page.Locator("#letter-consent")).ToContainTextAsync("toestemming gegeven");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            // Later: IOM reports back, the case manager marks the referral completed.
            await page.GotoAsync(trajectory);
            await Expect(page.Locator("#referrals-section")).ToContainTextAsync("Verstuurd");
            await page.GotoAsync(referralUrl);
            await page.GetByLabel("Nieuwe status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Afgerond" });
            await page.GetByLabel("Terugkoppeling", new() { Exact = true }).FillAsync("Demo: reis geregeld, vertrek over twee weken.");
            await page.Button("Status opslaan").ClickAsync();
            await Expect(page.Locator("#referral-status")).ToHaveTextAsync("Afgerond");
            await Expect(page.Locator("#referral-history")).ToContainTextAsync("reis geregeld");
            await Expect(page.Locator("#status-form")).ToHaveCountAsync(0);
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
        });

    /// <summary>Finds the demo client by alias in the client list and opens their trajectory; answers its address.</summary>
    [BrowserFact]
    public Task A_police_Verwijzer_refers_someone_and_sees_only_the_status_of_their_own_referrals() =>
        browser.RunAsync(async page =>
        {
            var reference = $"PV-{Guid.NewGuid():N}"[..16];
            var reason = $"Demo: wil hulp bij stoppen {Guid.NewGuid():N}";

            await page.SignInAsync("verwijzer-politie@baken.example");
            await page.GotoAsync("/Partner/Referrals");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.Locator("#new-referral").ClickAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.Locator("#ReceivingOrganisationId").SelectOptionAsync(new SelectOptionValue { Label = "Zorgaanbieder Uitstap (demo)" });
            await page.Locator("#Reason").FillAsync(reason);
            await page.Locator("#Reference").FillAsync(reference);
            await page.Locator("#referral-submit").ClickAsync();

            // Status and dates only: the list holds no reason, no alias, no link into a file.
            var row = page.Locator("#referrals tbody tr", new() { HasText = reference });
            await Expect(row).ToContainTextAsync("Ontvangen");
            await Expect(page.Locator("main")).Not.ToContainTextAsync(reason);
            (await row.GetByRole(AriaRole.Link).CountAsync()).ShouldBe(0, "the referrer cannot open anything behind the status");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            (await page.GotoAsync("/Intake"))!.Status.ShouldBe(404, "a Verwijzer never sees the intake queue");
            await page.GotoAsync("/Partner/Referrals");
            await page.SignOutAsync();

            // The receiving team takes it on; the referrer then sees "accepted", still nothing more.
            await page.SignInAsync("casemanager@baken.example");
            await page.GotoAsync("/Intake");
            await page.Locator("#intake-queue tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.GetByText(reason)).ToBeVisibleAsync();
            await page.Locator("#Consent").CheckAsync();
            await page.Locator("#accept-submit").ClickAsync();
            await page.SignOutAsync();

            await page.SignInAsync("verwijzer-politie@baken.example");
            await page.GotoAsync("/Partner/Referrals");
            await Expect(page.Locator("#referrals tbody tr", new() { HasText = reference })).ToContainTextAsync("Aangenomen");
            await Expect(page.Locator("main")).Not.ToContainTextAsync(reason);
        });

    private static async Task<string> OpenTrajectoryAsync(IPage page, string alias)
    {
        await page.GotoAsync("/Clients");
        await page.GetByLabel("Zoek op cliëntcode, naam, telefoonnummer of e-mailadres", new() { Exact = true }).FillAsync(alias);
        await page.Button("Zoeken").ClickAsync();
        await page.GetByRole(AriaRole.Row, new() { Name = alias }).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.Locator("a[href^='/Trajectories/']").First.ClickAsync();
        await Expect(page.Locator("#referrals-section")).ToBeVisibleAsync();
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        return page.Url;
    }

    /// <summary>From the trajectory page: "Verwijzen", find the IOM return service by name, choose it.</summary>
    private static async Task ChooseServiceAsync(IPage page)
    {
        await page.Locator("#referrals-section").GetByRole(AriaRole.Link, new() { Name = "Verwijzen", Exact = true }).ClickAsync();
        await Expect(page.Heading("Verwijzen: cliënt", exact: false)).ToBeVisibleAsync();
        await page.GetByLabel("Naam van de dienst of organisatie", new() { Exact = true }).FillAsync(Service);
        await page.Button("Zoeken").ClickAsync();
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.Locator("#services li", new() { HasText = Organisation }).GetByRole(AriaRole.Link, new() { Name = "Kiezen", Exact = false }).ClickAsync();
        await Expect(page.Locator("#recipient")).ToContainTextAsync(Organisation);
    }
}
