namespace Baken.BrowserTests.Features.Admin;

public sealed class CreateUserTests(BrowserSuite browser)
{
    [BrowserFact]
    public Task An_administrator_adds_a_user_who_appears_in_the_user_list_with_the_role_and_in_the_audit_log() =>
        browser.RunAsync(async page =>
        {
            var user = NewUser.Unique(role: "Jobcoach");
            await page.SignInAsync(SignInSteps.Admin);
            var userId = await page.CreateUserAsync(user);

            await page.MainMenuLink("Gebruikers").ClickAsync();
            await Expect(page.Heading("Gebruikers")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Search).GetByLabel("Zoek op naam of e-mailadres", new() { Exact = true }).FillAsync(user.Email);
            await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = user.Name, Exact = true }) });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.GetByRole(AriaRole.Cell)).ToHaveTextAsync([user.Name, user.Email, user.Organisation, user.Role, "Actief Geen tweede factor"]);
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.GetByRole(AriaRole.Search).GetByLabel("Zoek op naam of e-mailadres", new() { Exact = true }).ClearAsync();
            await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("beheerder@baken.example");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.SaveScreenshotAsync("user-list");

            await page.MainMenuLink("Auditlog").ClickAsync();
            await Expect(page.Heading("Auditlog")).ToBeVisibleAsync();
            var entry = page.GetByRole(AriaRole.Row).Filter(new() { HasText = userId }).Filter(new() { HasText = "Gebruiker toegevoegd" });
            await Expect(entry).ToHaveCountAsync(1);
            await Expect(entry).ToContainTextAsync("Demo Beheerder");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
        });

    [BrowserFact]
    public Task Submitting_the_empty_add_user_form_shows_an_error_summary_that_links_to_the_fields() =>
        browser.RunAsync(async page =>
        {
            await page.SignInAsync(SignInSteps.Admin);
            await page.OpenAddUserFormAsync();

            await page.Button("Gebruiker toevoegen").ClickAsync();
            await Expect(page.Heading("Gebruiker toevoegen")).ToBeVisibleAsync();
            var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Er ging iets mis" });
            await Expect(summary).ToBeVisibleAsync();
            string[] errors =
                ["Vul een naam in.", "Vul een e-mailadres in.", "Kies een organisatie.", "Kies minstens één rol.", "Het wachtwoord moet minstens 12 tekens hebben."];
            foreach (var error in errors)
            {
                await Expect(summary.GetByRole(AriaRole.Link, new() { Name = error, Exact = true })).ToBeVisibleAsync();
            }

            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await summary.GetByRole(AriaRole.Link, new() { Name = "Vul een naam in." }).ClickAsync();
            await Expect(page.GetByLabel("Naam", new() { Exact = true })).ToBeFocusedAsync();
            await Expect(page.GetByLabel("Naam", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        });
}
