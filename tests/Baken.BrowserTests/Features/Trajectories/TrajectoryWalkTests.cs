using System.Globalization;

namespace Baken.BrowserTests.Features.Trajectories;

public sealed class TrajectoryWalkTests(BrowserSuite browser)
{
    private static readonly string[] Candidates =
        ["Zorgcoördinator mensenhandel: Demo Zorgcoordinator", "Woonbegeleider: Demo Woonbegeleider", "Jobcoach: Demo Jobcoach"];

    private static readonly string[] ToActive = ["Intake", "Actief"];

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [BrowserFact]
    public Task A_case_manager_walks_an_exit_trajectory_from_intake_to_closure() =>
        browser.RunAsync(async page =>
        {
            await page.SignInAsync("casemanager@baken.example");

            // A new client, and an exit trajectory whose intake asks for a coordinator and a housing counsellor.
            await page.GotoAsync("/Clients/Create");
            await page.GetByLabel("Pseudoniem", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Zelfgekozen naam", new() { Exact = true }).FillAsync("Demo Walvis");
            await page.GetByLabel("Manier van contact", new() { Exact = true }).SelectOptionAsync("infocentre");
            await page.Button("Cliënt registreren").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De cliënt is geregistreerd met code BK-");
            var code = (await page.Locator("dd code.baken-code").TextContentAsync())!.Trim();

            await page.Link("Traject starten").ClickAsync();
            await Expect(page.Heading($"Traject starten voor cliënt {code}")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.GetByLabel("Uitstaptraject", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Hoe kwam de cliënt binnen?", new() { Exact = true }).SelectOptionAsync("Police");
            await page.GetByLabel("Er is een woonvraag", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Slachtoffer van uitbuiting", new() { Exact = true }).SelectOptionAsync("Suspected");
            await page.GetByLabel("Genderidentiteit", new() { Exact = true }).SelectOptionAsync("Woman");
            await page.Button("Traject starten").ClickAsync();

            await Expect(page.Heading($"Uitstaptraject van cliënt {code}")).ToBeVisibleAsync();
            await Expect(page.Locator("#missing-roles")).ToContainTextAsync("Zorgcoördinator mensenhandel");
            await Expect(page.Locator("#missing-roles")).ToContainTextAsync("Woonbegeleider");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            var trajectoryUrl = page.Url;

            // The team, proposed from the flags.
            await page.Link("Team samenstellen").ClickAsync();
            await Expect(page.Locator("#proposals")).ToContainTextAsync("Zorgcoördinator mensenhandel — nodig");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            foreach (var candidate in Candidates)
            {
                await page.GetByLabel("Collega en rol", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{candidate} (Zorgaanbieder Uitstap (demo))" });
                await page.Button("Toevoegen aan het team").ClickAsync();
                await Expect(page.Locator("#current-team")).ToContainTextAsync(candidate.Split(": ")[1]);
            }

            await page.Link("Terug naar het traject").ClickAsync();
            await Expect(page.Locator("#missing-roles")).ToHaveCountAsync(0);
            foreach (var state in ToActive)
            {
                await page.GetByLabel("Nieuwe fase", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = state });
                await page.Button("Fase wijzigen").ClickAsync();
                await Expect(page.Locator("#trajectory-state")).ToHaveTextAsync(state);
            }

            // The plan: goals in three domains and three assessments.
            await page.Link("Plan en voortgang").ClickAsync();
            await Expect(page.Heading($"Plan en voortgang van cliënt {code}")).ToBeVisibleAsync();
            foreach (var (domain, goal) in new[] { ("Huisvesting", "Een eigen kamer vinden"), ("Financiën", "Schulden op een rij"), ("Dagbesteding", "Een opleiding kiezen") })
            {
                await page.Link("Doel toevoegen").ClickAsync();
                await page.GetByLabel("Leefgebied", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = domain });
                await page.GetByLabel("Doel", new() { Exact = true }).FillAsync(goal);
                await page.Button("Doel toevoegen").ClickAsync();
                await Expect(page.GetByText(goal, new() { Exact = true }).First).ToBeVisibleAsync();
            }

            foreach (var (housing, finances) in new[] { ("2", "1"), ("3", "2"), ("4", "3") })
            {
                await page.Link("Nieuwe meting").ClickAsync();
                await page.GetByLabel("Datum van de meting", new() { Exact = true }).FillAsync(Today);
                await page.GetByLabel("Score team voor Huisvesting", new() { Exact = true }).SelectOptionAsync(housing);
                await page.GetByLabel("Score team voor Financiën", new() { Exact = true }).SelectOptionAsync(finances);
                await page.ShouldHaveNoSeriousAxeViolationsAsync();
                await page.Button("Meting opslaan").ClickAsync();
                await Expect(page.Heading($"Plan en voortgang van cliënt {code}")).ToBeVisibleAsync();
            }

            await Expect(page.Locator("#charts svg[role=img]")).ToHaveCountAsync(2);
            await Expect(page.Locator("#charts svg").First.Locator("circle")).ToHaveCountAsync(3);
            await Expect(page.Locator("#overview")).ToContainTextAsync("2 hoger");
            await page.ShouldHaveNoSeriousAxeViolationsAsync();

            // The journal, with a note for the whole team and one for the case manager only.
            await page.GotoAsync(trajectoryUrl);
            await page.Link("Journaal").ClickAsync();
            foreach (var (text, visibility) in new[] { ("Samen naar de woningcorporatie geweest", "Het hele team"), ("Vertelt over druk van een vroegere werkgever", "Alleen de casemanager en ik") })
            {
                await page.GetByLabel("Soort contact", new() { Exact = true }).SelectOptionAsync("FaceToFace");
                await page.GetByLabel(visibility, new() { Exact = true }).CheckAsync();
                await page.GetByLabel("Verslag", new() { Exact = true }).FillAsync(text);
                await page.Button("Toevoegen aan het journaal").ClickAsync();
                await Expect(page.Locator("#journal")).ToContainTextAsync(text);
            }

            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            var restrictedHref = await page.Locator("#journal li", new() { HasText = "druk van een vroegere werkgever" }).GetByRole(AriaRole.Link).GetAttributeAsync("href");
            var journalUrl = page.Url;
            await page.SignOutAsync();

            // The job coach reads the team note, not the restricted one.
            await page.SignInAsync("jobcoach@baken.example");
            await page.GotoAsync(journalUrl);
            await Expect(page.Locator("#journal")).ToContainTextAsync("woningcorporatie");
            await Expect(page.Locator("#journal")).Not.ToContainTextAsync("vroegere werkgever");
            var response = await page.GotoAsync(restrictedHref!);
            response!.Status.ShouldBe(404);
            await page.GotoAsync("/");
            await page.SignOutAsync();

            // Closure with an outcome.
            await page.SignInAsync("casemanager@baken.example");
            await page.GotoAsync(trajectoryUrl);
            await page.GetByLabel("Nieuwe fase", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Afgesloten" });
            await page.Button("Fase wijzigen").ClickAsync();
            await Expect(page.Locator("#error-summary")).ToContainTextAsync("Kies het resultaat");
            await page.GetByLabel("Resultaat", new() { Exact = true }).SelectOptionAsync("PaidWork");
            await page.GetByLabel("Korte evaluatie", new() { Exact = true }).FillAsync("Werkt nu in de zorg");
            await page.Button("Fase wijzigen").ClickAsync();
            await Expect(page.Locator("#trajectory-state")).ToHaveTextAsync("Afgesloten");
            await Expect(page.GetByText("Ander betaald werk").First).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
            await page.SaveScreenshotAsync("trajectory-closed");

            await page.MainMenuLink("Caseload").ClickAsync();
            await Expect(page.Heading("Mijn caseload")).ToBeVisibleAsync();
            await page.ShouldHaveNoSeriousAxeViolationsAsync();
        });
}
