namespace Baken.BrowserTests.Infrastructure;

/// <summary>Accessible locators by role and name, exact unless asked otherwise: they also prove the names exist.</summary>
public static class Locators
{
    public static ILocator Heading(this IPage page, string name, bool exact = true, int level = 1) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = exact, Level = level });

    public static ILocator Button(this IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static ILocator Link(this IPage page, string name) =>
        page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public static ILocator MainMenuLink(this IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
