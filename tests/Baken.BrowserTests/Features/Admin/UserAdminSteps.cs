namespace Baken.BrowserTests.Features.Admin;

/// <summary>A new staff account, as the administrator enters it.</summary>
public sealed record NewUser(string Name, string Email, string Organisation, string Role, string StartPassword)
{
    public static NewUser Unique(string role = "Casemanager")
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return new($"Test Gebruiker {id}", $"test-{id}@baken.example", "Zorgaanbieder Uitstap (demo)", role, $"Start-wachtwoord-{id}");
    }
}

/// <summary>Managing users through the admin pages, checking each page with axe.</summary>
public static class UserAdminSteps
{
    /// <summary>
    /// From any signed-in admin page: Gebruikers → Gebruiker toevoegen → fill in and submit. Ends on the new
    /// user's edit page; answers the user's id from its address.
    /// </summary>
    public static async Task<string> CreateUserAsync(this IPage page, NewUser user)
    {
        await page.OpenAddUserFormAsync();

        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync(user.Name);
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(user.Email);
        await page.GetByLabel("Organisatie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = user.Organisation });
        await page.GetByRole(AriaRole.Group, new() { Name = "Rollen" })
            .GetByRole(AriaRole.Checkbox, new() { Name = user.Role, Exact = true }).CheckAsync();
        await page.GetByLabel("Startwachtwoord", new() { Exact = true }).FillAsync(user.StartPassword);
        await page.Button("Gebruiker toevoegen").ClickAsync();

        await Expect(page.Heading("Gebruiker wijzigen")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De gebruiker is toegevoegd.");
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        return page.Url.Split('?')[0].Split('/')[^1];
    }

    /// <summary>Gebruikers (main menu) → Gebruiker toevoegen.</summary>
    public static async Task OpenAddUserFormAsync(this IPage page)
    {
        await page.MainMenuLink("Gebruikers").ClickAsync();
        await Expect(page.Heading("Gebruikers")).ToBeVisibleAsync();
        await page.ShouldHaveNoSeriousAxeViolationsAsync();

        await page.Link("Gebruiker toevoegen").ClickAsync();
        await Expect(page.Heading("Gebruiker toevoegen")).ToBeVisibleAsync();
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
    }
}
