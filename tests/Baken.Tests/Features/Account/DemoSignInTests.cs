using System.Net;
using Baken.Features.Demo;

namespace Baken.Tests.Features.Account;

public sealed class DemoSignInTests(SharedApps apps)
{
    private static readonly (string Email, string[] Sections)[] StartSections =
    [
        ("beheerder@baken.example", ["admin"]),
        ("teamleider@baken.example", ["caseload", "signals"]),
        ("casemanager@baken.example", ["caseload"]),
        ("jobcoach@baken.example", ["caseload"]),
        ("woonbegeleider@baken.example", ["caseload"]),
        ("zorgcoordinator@baken.example", ["caseload", "signals"]),
        ("veldwerker@baken.example", ["outreach"]),
        ("voorlichter@baken.example", ["prevention"]),
        ("beleid@baken.example", ["figures"]),
        ("verwijzer@baken.example", ["referrals"]),
        ("verwijzer-politie@baken.example", ["referrals"]),
        ("mensenhandel@baken.example", ["caseload", "signals"]),
        ("teamleider-ic@baken.example", ["caseload", "signals"]),
    ];

    [Theory]
    [Databases]
    public async Task Every_demo_account_signs_in_with_password_and_totp_and_lands_on_its_role_start_page(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        StartSections.Select(s => s.Email).ShouldBe(DemoSeeder.Accounts.Select(a => a.Email), ignoreOrder: true, "every demo account is checked");
        foreach (var (email, sections) in StartSections)
        {
            using var client = app.NewClient();
            await client.SignInAsync(email);
            var (response, page) = await client.GetPageAsync("/");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.QuerySelectorAll("[data-start]").Select(e => e.GetAttribute("data-start")).ToList().ShouldBe([.. sections], customMessage: $"start page of {email}");
        }
    }

    [Theory]
    [Databases]
    public async Task Policy_officer_sees_no_client_level_menu_or_section(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        await client.SignInAsync("beleid@baken.example");
        var (_, page) = await client.GetPageAsync("/");
        var menu = page.QuerySelectorAll(".baken-nav__link").Select(a => a.GetAttribute("href")).ToList();
        menu.ShouldBe(["/", "/Reporting/Figures", "/Reporting/Commitments"], customMessage: "figures and the council's commitments, nothing about clients");
        page.QuerySelector("[data-start=caseload]").ShouldBeNull();
        (await client.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [Databases]
    public async Task Every_page_shows_the_demo_banner_in_demo_mode(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        var (_, login) = await client.GetPageAsync("/Account/Login");
        login.QuerySelector(".baken-demo-banner").ShouldNotBeNull();
        await client.SignInAsync(DemoSeeder.Accounts[0].Email);
        var (_, home) = await client.GetPageAsync("/");
        home.QuerySelector(".baken-demo-banner")!.TextContent.ShouldContain("DEMO");
    }
}
