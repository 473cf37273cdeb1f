using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Baken.BrowserTests.Infrastructure;

/// <summary>Runs axe-core on the page as it is now; serious and critical violations fail the test.</summary>
public static class AxeAssertions
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    public static async Task ShouldHaveNoSeriousAxeViolationsAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe();
        var violations = result.Violations ?? [];
        var blocking = violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        foreach (var minor in violations.Except(blocking))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"axe (not blocking) on {page.Url}: {Describe(minor)}");
        }

        if (blocking.Count > 0)
        {
            var message = new StringBuilder($"axe found {blocking.Count} serious or critical violation(s) on {page.Url}:");
            foreach (var violation in blocking)
            {
                message.Append("\n- ").Append(Describe(violation));
            }

            blocking.ShouldBeEmpty(message.ToString());
        }
    }

    private static string Describe(AxeResultItem violation)
    {
        var targets = (violation.Nodes ?? []).Select(node => node.Target?.ToString() ?? "?");
        return $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", targets)}";
    }
}
