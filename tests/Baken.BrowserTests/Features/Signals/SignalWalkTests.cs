using System.Text.RegularExpressions;

namespace Baken.BrowserTests.Features.Signals;

/// <summary>
/// Signals in the browser: an outreach worker raises one, the team lead of the information centre sees the queue
/// (overdue first) and approves the demo handover that the Zorgcoordinator asked for. Axe on every page.
/// </summary>
public sealed class SignalWalkTests(BrowserSuite browser)
{
    [BrowserFact]
    public Task An_outreach_worker_raises_a_signal() =>
        browser.RunAsync(async page =>
        {
            await page.SignInAsync("veldwerker@baken.example");
            await page.MainMenuLink("Signalen").ClickAsync();
            await Expect(page.Heading("Signalen")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.Link("Nieuw signaal").ClickAsync();
            await Expect(page.Heading("Signaal melden")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            // Nothing chosen: refused, with the typed text kept.
            await page.GetByLabel("Wat is er gezien of gehoord?", new() { Exact = true }).FillAsync("Demo: meisje bij het station, <b>vertelt</b> over een 'vriend'.");
            await page.Button("Signaal vastleggen").ClickAsync();
            await Expect(page.Locator("#error-summary")).ToContainTextAsync("Kies de soort signaal.");
            await Expect(page.GetByLabel("Wat is er gezien of gehoord?", new() { Exact = true })).ToHaveValueAsync("Demo: meisje bij het station, <b>vertelt</b> over een 'vriend'.");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.GetByText("Minderjarige / grooming", new() { Exact = true }).ClickAsync();
            await page.GetByText("Lijkt minderjarig", new() { Exact = true }).ClickAsync();
            await page.GetByText("Direct (24 uur)", new() { Exact = true }).ClickAsync();
            await page.Button("Signaal vastleggen").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het signaal is vastgelegd.");
            await Expect(page.Locator("#signal-description")).ToHaveTextAsync("Demo: meisje bij het station, <b>vertelt</b> over een 'vriend'.");
            await Expect(page.Locator("#signal-actions")).ToHaveCountAsync(0);
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
        });

    [BrowserFact]
    public Task A_second_colleague_approves_a_handover() =>
        browser.RunAsync(async page =>
        {
            await page.SignInAsync("teamleider-ic@baken.example");
            await Expect(page.Locator("#signal-attention")).ToContainTextAsync("wachten op uw goedkeuring");
            await page.Link("Naar de signalen").ClickAsync();
            await Expect(page.Heading("Signalen")).ToBeVisibleAsync();
            await Expect(page.Locator("#overdue-alert")).ToBeVisibleAsync();
            await Expect(page.Locator("#signals tbody tr").First).ToHaveClassAsync(new Regex("baken-row--overdue"));
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.SaveScreenshotAsync("signals-queue");

            await page.Locator("#signals tbody tr", new() { Has = page.GetByText("Overdracht wacht") }).GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.Locator("#pending-handover")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.Button("Goedkeuren en overdragen").ClickAsync();
            await Expect(page.Locator("#signal-status")).ToHaveTextAsync("Overgedragen");
            await Expect(page.Locator("#handovers")).ToContainTextAsync("Goedgekeurd en overgedragen");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
        });
}
