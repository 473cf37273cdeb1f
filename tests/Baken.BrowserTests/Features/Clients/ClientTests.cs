namespace Baken.BrowserTests.Features.Clients;

public sealed class ClientTests(BrowserSuite browser)
{
    [BrowserFact]
    public Task A_case_manager_registers_a_client_records_consent_exports_and_erases() =>
        browser.RunAsync(async page =>
        {
            await page.SignInAsync("casemanager@baken.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Cliënten", Exact = true }).First.ClickAsync();
            await Expect(page.Heading("Cliënten")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Demo Uil" })).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Cliënt registreren" }).ClickAsync();
            await Expect(page.Heading("Cliënt registreren")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.SaveScreenshotAsync("client-create");
            await page.Button("Cliënt registreren").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Kies samen met de cliënt een niveau.");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.GetByLabel("Pseudoniem", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Zelfgekozen naam", new() { Exact = true }).FillAsync("Lavendel");
            await page.GetByLabel("Manier van contact", new() { Exact = true }).SelectOptionAsync("messenger");
            await page.GetByLabel("Nummer, adres of gebruikersnaam", new() { Exact = true }).FillAsync("@lavendel-demo");
            await page.Button("Cliënt registreren").ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De cliënt is geregistreerd met code BK-");
            await Expect(page.GetByText("@lavendel-demo")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Geregistreerd", Exact = true })).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.SaveScreenshotAsync("client-file");
            var code = (await page.Locator("dd code.baken-code").TextContentAsync())!.Trim();

            await page.GetByRole(AriaRole.Link, new() { Name = "Toestemmingen", Exact = true }).ClickAsync();
            await Expect(page.Heading($"Toestemmingen van cliënt {code}")).ToBeVisibleAsync();
            await page.GetByLabel("Doel", new() { Exact = true }).SelectOptionAsync("Contact");
            await page.GetByLabel("Manier van contact", new() { Exact = true }).SelectOptionAsync("messenger");
            await page.Button("Vastleggen").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Contact opnemen (Berichtenapp)" })).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Mag ik delen? Toestemming controleren" }).ClickAsync();
            await Expect(page.Heading($"Mag ik delen? Cliënt {code}")).ToBeVisibleAsync();
            await page.GetByLabel("Doel", new() { Exact = true }).SelectOptionAsync("Referral");
            await page.GetByLabel("Aan organisatie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Informatiecentrum (demo)" });
            await page.Button("Controleren").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("er is geen toestemming van de cliënt");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = $"Terug naar de toestemmingen van {code}" }).ClickAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = $"Terug naar cliënt {code}" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = $"Langer bewaren ({code})" }).ClickAsync();
            await Expect(page.Heading($"Dossier {code} langer bewaren")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.GetByLabel("Bewaren tot en met", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddMonths(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Reden", new() { Exact = true }).FillAsync("Aangifte loopt nog, dossier nodig als bewijs");
            await page.Button("Langer bewaren").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vastgelegd: het dossier wordt bewaard tot");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Bewaartermijnen", Exact = true }).First.ClickAsync();
            await Expect(page.Heading("Dossiers die binnenkort verlopen")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.GoBackAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Inzage en export" }).ClickAsync();
            await Expect(page.Heading($"Alle gegevens van cliënt {code}")).ToBeVisibleAsync();
            await Expect(page.GetByText("Toestemming vastgelegd").First).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = $"Terug naar cliënt {code}" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens wissen" }).ClickAsync();
            await Expect(page.Heading($"Alle gegevens van cliënt {code} wissen")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.GetByLabel($"Typ de cliëntcode {code} om te bevestigen").FillAsync(code);
            await page.Button("Definitief wissen").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Alle gegevens van cliënt {code} zijn gewist.");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
        });
}
