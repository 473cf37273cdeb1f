namespace Baken.BrowserTests.Features.Portal;

/// <summary>Every public page, on a 360 px phone and on a desktop: axe finds nothing serious, nothing is wider than the screen.</summary>
public sealed class PublicPagesTests(BrowserSuite browser)
{
    private static readonly string[] Pages =
    [
        "/Portal", "/Portal/Services", "/Portal/Services?walkIn=true&topic=topic-health", "/Portal/Rules", "/Portal/Rules/nieuwe-wet-wrs",
        "/Portal/Rules/Check", "/Portal/Help", "/Contact", "/Contact/Open", "/en/Portal", "/en/Portal/Rules/thuiswerken", "/en/Portal/Help",
        "/es/Portal", "/Portal/NoSuchPage",
    ];

    [BrowserFact]
    public Task Public_pages_pass_axe_on_a_phone_and_a_desktop() =>
        browser.RunAsync(async page =>
        {
            foreach (var (width, height) in new[] { (360, 740), (1280, 900) })
            {
                await page.SetViewportSizeAsync(width, height);
                foreach (var url in Pages)
                {
                    await page.GotoAsync(url);
                    await Expect(page.Locator("#quick-exit")).ToBeVisibleAsync();
                    await page.ShouldHaveNoSeriousAxeViolationsAsync();
                    var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                    scrollWidth.ShouldBeLessThanOrEqualTo(width, $"{url} at {width} px");
                }
            }

            await page.SetViewportSizeAsync(360, 740);
            await page.GotoAsync("/Portal");
            await page.SaveScreenshotAsync("portal-home-360");
        });
}
