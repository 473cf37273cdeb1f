using System.Net;
using Baken.Features.Admin;

namespace Baken.Tests.Features.Reporting.Commitments;

/// <summary>Only the Beleidsmedewerker keeps the register; for everyone else its pages do not exist.</summary>
public sealed class CommitmentAccessTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task Case_managers_and_team_leads_get_404_on_every_page_and_every_post(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var id = await app.CreateCommitmentAsync();
        string[] pages = ["/Reporting/Commitments", "/Reporting/Commitments/Index", "/Reporting/Commitments/New", $"/Reporting/Commitments/{id}", $"/Reporting/Commitments/{id}/Edit"];
        foreach (var role in new[] { Roles.Casemanager, Roles.Teamleider })
        {
            using var client = app.NewClient();
            await client.SignInAsync(await app.CreateUserAsync(role));
            foreach (var page in pages)
            {
                (await client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{role} GET {page}");
            }

            foreach (var action in new[] { "/Reporting/Commitments/New", $"/Reporting/Commitments/{id}?handler=Status", $"/Reporting/Commitments/{id}/Edit" })
            {
                var response = await client.Http.PostAsync(new Uri(action, UriKind.Relative),
                    new FormUrlEncodedContent([new("Input.Number", CommitmentTestSupport.NewNumber()), new("Change.Status", "Fulfilled")]));
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{role} POST {action}");
            }

            var (_, home) = await client.GetPageAsync("/");
            home.QuerySelector("a[href='/Reporting/Commitments']").ShouldBeNull($"{role} has no menu entry");
        }

        (await app.ChangesAsync(id)).Count.ShouldBe(1, "nothing was changed");
    }

    [Theory]
    [Databases]
    public async Task The_policy_officer_finds_the_register_in_the_menu(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        await client.SignInAsPolicyOfficerAsync();
        var (_, home) = await client.GetPageAsync("/");
        var link = home.QuerySelector("a[href='/Reporting/Commitments']");
        link.ShouldNotBeNull();
        link.TextContent.ShouldBe("Toezeggingen");
        var (response, page) = await client.GetPageAsync(link.GetAttribute("href")!);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#new-commitment").ShouldNotBeNull();
    }
}
