namespace Baken.BrowserTests.Features.Outreach;

public sealed class TallyTests(BrowserSuite browser)
{
    [BrowserFact]
    public Task An_outreach_worker_tallies_five_contacts_on_a_phone_and_makes_one_a_client() =>
        browser.RunAsync(async page =>
        {
            await page.SetViewportSizeAsync(360, 740);
            await page.SignInAsync("veldwerker@baken.example");
            await page.MainMenuLink("Veldwerk").ClickAsync();
            await Expect(page.Heading("Veldwerk")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            // The round itself: one choice and one tap, then one tap per contact, details when there is time.
            var taps = 0;
            await page.GetByLabel("Waar ben je?", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Voorbeeld: raamgebied (raamgebied)" });
            await page.Button("Ronde starten").ClickAsync();
            taps += 2;
            await Expect(page.Heading("Ronde: Voorbeeld: raamgebied")).ToBeVisibleAsync();

            await page.Button("+ Nieuw contact").ClickAsync();
            await page.GetByText("Vrouw", new() { Exact = true }).ClickAsync();
            await page.GetByText("25–34", new() { Exact = true }).ClickAsync();
            await page.GetByText("Roemeens", new() { Exact = true }).ClickAsync();
            await page.Button("Details opslaan").ClickAsync();
            taps += 5;
            await page.Button("+ Nieuw contact").ClickAsync();
            await page.Button("+ Nieuw contact").ClickAsync();
            await page.Button("+ Bekend contact").ClickAsync();
            await page.Button("+ Bekend contact").ClickAsync();
            taps += 4;
            await Expect(page.Locator("#tally-count")).ToHaveTextAsync("5 contacten: 3 nieuw, 2 bekend");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.SaveScreenshotAsync("outreach-tally-360");

            // Nothing on the tally screen is wider than the phone.
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            scrollWidth.ShouldBeLessThanOrEqualTo(360);

            await page.GetByText("Ronde afsluiten").ClickAsync();
            taps += 1;
            taps.ShouldBeLessThanOrEqualTo(12, "a round of five contacts takes a dozen taps, well under a minute");
            await Expect(page.Heading("Veldwerk")).ToBeVisibleAsync();

            // One contact agrees to become a client.
            await page.Locator("#rounds a").First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Cliënt van maken" }).First.ClickAsync();
            await Expect(page.Heading("Cliënt van dit contact maken")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.GetByLabel("Pseudoniem", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Zelfgekozen naam", new() { Exact = true }).FillAsync("Demo Reiger");
            await page.GetByLabel("De persoon geeft toestemming om als cliënt te worden vastgelegd", new() { Exact = true }).CheckAsync();
            await page.Button("Cliënt vastleggen").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De cliënt is geregistreerd met code BK-");
            await Expect(page.GetByText("Demo Reiger").First).ToBeVisibleAsync();
        });
}
