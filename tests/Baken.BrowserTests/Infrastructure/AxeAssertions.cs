using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Baken.BrowserTests.Infrastructure;

/// <summary>Runs axe-core on the page as it is now; serious and critical violations fail the test, lesser ones are logged.</summary>
public static class AxeAssertions
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations] };

    public static async Task ShouldHaveNoSeriousAxeViolationsAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        // Legacy mode runs the same rules inside the page. The default RunAxe() opens a blank page for every run
        // to merge results across iframes; Baken has no iframes, and that page costs about a second per check,
        // which doubled the suite's time. Should legacy mode go away, RunAxe(Options) is the drop-in replacement.
#pragma warning disable CS0618 // Legacy mode is marked for removal in a future Deque.AxeCore.Playwright.
        var result = await page.RunAxeLegacy(context: null!, Options); // null context: the whole page (the parameter lacks its '?').
#pragma warning restore CS0618
        var violations = result.Violations ?? [];
        foreach (var minor in violations.Where(v => !BlockingImpacts.Contains(v.Impact)))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"axe (not blocking) on {page.Url}: {Describe(minor)}");
        }

        var seriousViolations = violations.Where(v => BlockingImpacts.Contains(v.Impact)).Select(Describe).ToList();
        seriousViolations.ShouldBeEmpty($"axe found serious or critical violations on {page.Url}");
    }

    private static string Describe(AxeResultItem violation)
    {
        var targets = (violation.Nodes ?? []).Select(node => node.Target?.ToString() ?? "?");
        return $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", targets)}";
    }
}
