using System.Net;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Infrastructure;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Clients;

public sealed class ClientFileTests(SharedApps apps)
{
    private static async Task<Guid> OrganisationOfAsync(BakenAppFactory app, Guid userId) =>
        (await app.FindUserAsync(userId)).OrganisationId;

    private static Dictionary<string, string> Form(string level, params (string Field, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["Input.Level"] = level };
        foreach (var (field, value) in fields)
        {
            form["Input." + field] = value;
        }

        return form;
    }

    [Theory]
    [Databases]
    public async Task A_case_manager_registers_an_anonymous_client_and_opens_the_file_and_both_are_logged(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        using var client = app.NewClient();
        await client.SignInAsync(manager);

        var created = await client.SubmitAsync("/Clients/Create", Form("Anonymous", ("Alias", "Zonnebloem")));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var fileUrl = created.Headers.Location!.OriginalString;
        var (response, file) = await client.GetPageAsync(fileUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.QuerySelector("main")!.TextContent.ShouldContain("Zonnebloem");
        var code = file.QuerySelector("dd code.baken-code")!.TextContent;
        ClientCode.Normalise(code).ShouldBe(code);

        var clientId = await app.QueryAsync(db => db.Set<Client>().Where(c => c.Code == code).Select(c => c.Id).SingleAsync());
        var actions = await app.QueryAsync(db => db.ProcessingLog.Where(e => e.SubjectId == clientId).Select(e => e.Action).ToListAsync());
        actions.ShouldContain("ClientCreated");
        actions.ShouldContain("ClientFileViewed");

        var (_, searchPage) = await client.GetPageAsync("/Clients");
        searchPage.QuerySelector("form[role=search]")!.GetAttribute("method").ShouldBe("post", "search terms are personal data and stay out of URLs");
        var list = await BakenClient.ReadAsync(await client.SubmitAsync("/Clients",
            new Dictionary<string, string> { ["q"] = code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) }, "form[role=search]"));
        list.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        var byAlias = await BakenClient.ReadAsync(await client.SubmitAsync("/Clients", new Dictionary<string, string> { ["q"] = " zonnebloem " }, "form[role=search]"));
        byAlias.QuerySelector("tbody")!.TextContent.ShouldContain(code);
    }

    [Theory]
    [Databases]
    public async Task Invalid_details_are_refused_with_messages_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Casemanager));
        var before = await app.QueryAsync(db => db.Set<Client>().CountAsync());

        var aboveLevel = await client.SubmitAsync("/Clients/Create", Form("Anonymous", ("Alias", "Iris"), ("Phone", "0612345678")));
        (await BakenClient.ReadAsync(aboveLevel)).QuerySelector("#Input_Level-error").ShouldNotBeNull();

        var badBsn = await client.SubmitAsync("/Clients/Create", Form("Identified", ("Bsn", "123456789"), ("DateOfBirth", "2999-01-01")));
        var page = await BakenClient.ReadAsync(badBsn);
        page.QuerySelector("#Input_Bsn-error").ShouldNotBeNull();
        page.QuerySelector("#Input_DateOfBirth-error").ShouldNotBeNull();
        page.QuerySelector("#Input_Bsn")!.GetAttribute("value").ShouldBe("123456789", "what was typed is kept");

        var noLevel = await client.SubmitAsync("/Clients/Create", new Dictionary<string, string> { ["Input.Alias"] = "X" });
        noLevel.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Set<Client>().CountAsync())).ShouldBe(before);
    }

    [Theory]
    [Databases]
    public async Task A_possible_duplicate_is_shown_before_a_second_client_is_made(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var phone = "06" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (existing, code) = await app.CreateClientAsync(await OrganisationOfAsync(app, manager.Id),
            new ClientIdentity { Phone = phone }, IdentityLevel.Identified, teamMember: manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(manager);

        var formatted = $"{phone[..2]}-{phone[2..]}";
        var warned = await client.SubmitAsync("/Clients/Create", Form("Identified", ("Phone", formatted)));
        warned.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BakenClient.ReadAsync(warned)).QuerySelector("#duplicates")!.TextContent.ShouldContain(code);

        var confirmed = await client.SubmitAsync("/Clients/Create", Form("Identified", ("Phone", formatted), ("ConfirmNew", "true")));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        existing.ShouldNotBe(Guid.Empty);
    }

    [Theory]
    [Databases]
    public async Task Staff_without_need_to_know_get_404_and_the_attempt_is_logged(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisations = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).Take(2).ToListAsync());
        var owner = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisations[0]);
        var (clientId, _) = await app.CreateClientAsync(organisations[0], teamMember: owner.Id);

        foreach (var (role, organisation) in new[]
        {
            (Roles.Casemanager, organisations[1]), (Roles.Beleidsmedewerker, organisations[0]),
            (Roles.Verwijzer, organisations[0]), (Roles.Beheerder, organisations[0]), (Roles.Casemanager, organisations[0]),
        })
        {
            using var client = app.NewClient();
            await client.SignInAsync(await app.CreateUserAsync(role, organisationId: organisation));
            (await client.GetAsync($"/Clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{role} of organisation {organisation}");
        }

        var denied = await app.QueryAsync(db => db.ProcessingLog.CountAsync(e => e.SubjectId == clientId && e.Status == ProcessingStatus.Denied));
        denied.ShouldBe(2, "the two case managers reached the file check; the other roles never get past the role check");

        using var ownerClient = app.NewClient();
        await ownerClient.SignInAsync(owner);
        (await ownerClient.GetAsync($"/Clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var output = new StringWriter();
        (await BakenCommands.VerifyLogAsync(app.Services, output)).ShouldBe(0, output.ToString());
    }
}
