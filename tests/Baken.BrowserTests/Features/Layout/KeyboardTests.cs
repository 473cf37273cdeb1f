namespace Baken.BrowserTests.Features.Layout;

public sealed class KeyboardTests(BrowserSuite browser)
{
    [BrowserFact]
    public Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content() =>
        browser.RunAsync(async page =>
        {
            await page.SignInAsync(SignInSteps.Admin);
            await page.ReloadAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.Keyboard.PressAsync("Tab");
            var skipLink = page.Link("Naar de inhoud");
            await Expect(skipLink).ToBeFocusedAsync();
            var box = await skipLink.BoundingBoxAsync();
            box.ShouldNotBeNull();
            box.Width.ShouldBeGreaterThan(20, "the focused skip link should be visible, not clipped to a pixel");

            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
            page.Url.ShouldEndWith("#main");

            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Gebruikers", Exact = true })).ToBeFocusedAsync();
        });
}
