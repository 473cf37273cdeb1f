using Baken.Features.Reporting.Commitments;

namespace Baken.BrowserTests.Features.Reporting;

/// <summary>
/// The policy officer's figures and commitments in the browser, on the demo: every report with its chart and
/// tables, a refused period, the print view, the download, and the register of council commitments. Axe on each.
/// </summary>
public sealed class FiguresWalkTests(BrowserSuite browser)
{
    [BrowserFact]
    public Task A_policy_officer_reads_every_report_downloads_one_and_finds_the_letters_commitments() =>
        browser.RunAsync(async page =>
        {
            await page.SignInAsync("beleid@baken.example");
            await page.Link("Cijfers voor de gemeenteraad bekijken en downloaden").ClickAsync();
            await Expect(page.Heading("Cijfers uitstapprogramma")).ToBeVisibleAsync();
            await Expect(page.Locator("svg[role=img]")).ToHaveCountAsync(1);
            await Expect(page.Locator("table[data-figure=exit-clients]")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.SaveScreenshotAsync("figures-exit");

            foreach (var (kind, heading) in new[] { ("Outreach", "Cijfers outreach"), ("Signalen", "Cijfers signalen"), ("Verwijzingen", "Cijfers verwijzingen") })
            {
                await page.GetByLabel("Onderwerp", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind });
                await page.Button("Toon cijfers").ClickAsync();
                await Expect(page.Heading(heading)).ToBeVisibleAsync();
                await page.ShouldHaveNoSeriousAxeViolationsAsync();
            }

            // A month that does not exist: the reason next to the field, what was typed kept, no figures.
            await page.GetByLabel("Periode", new() { Exact = true }).FillAsync("2026-13");
            await page.Button("Toon cijfers").ClickAsync();
            await Expect(page.Locator("#Period-error")).ToContainTextAsync("Kies een jaar");
            await Expect(page.GetByLabel("Periode", new() { Exact = true })).ToHaveValueAsync("2026-13");
            await Expect(page.Locator("table[data-figure]")).ToHaveCountAsync(0);
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.GetByLabel("Periode", new() { Exact = true }).FillAsync(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Button("Toon cijfers").ClickAsync();
            await Expect(page.Heading("Cijfers verwijzingen")).ToBeVisibleAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.Link("Download als CSV").ClickAsync());
            download.SuggestedFilename.ShouldEndWith(".csv");

            await page.Link("Afdrukversie").ClickAsync();
            await Expect(page.Locator("form.baken-search")).ToHaveCountAsync(0);
            await Expect(page.Locator("table[data-figure]").First).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.MainMenuLink("Toezeggingen").ClickAsync();
            await Expect(page.Heading("Toezeggingen aan de raad")).ToBeVisibleAsync();
            await Expect(page.Locator("#commitments")).ToContainTextAsync(CommitmentDemo.Recommendations);
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.Link(CommitmentDemo.ExitInformation).ClickAsync();
            await Expect(page.Heading($"Toezegging {CommitmentDemo.ExitInformation}", exact: false)).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            await page.GotoAsync("/Reporting/Commitments/New");
            await page.Button("Toezegging opslaan").ClickAsync();
            await Expect(page.Locator(".utrecht-form-field-description--invalid").First).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
        });
}
