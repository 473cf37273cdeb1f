using System.Net;
using Baken.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baken.Tests.Features.Admin;

public sealed class UserAdministrationTests(SharedApps apps)
{
    private static async Task<Guid> OrganisationIdAsync(BakenAppFactory app) =>
        await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).FirstAsync());

    [Theory]
    [Databases]
    public async Task An_administrator_creates_a_user_with_roles_and_the_change_is_audited(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var admin = await app.CreateUserAsync(Roles.Beheerder);
        using var client = app.NewClient();
        await client.SignInAsync(admin);
        var email = $"new-{Guid.NewGuid():N}@test.example";
        var organisation = await OrganisationIdAsync(app);

        var created = await client.Http.PostAsync(new Uri("/Admin/Users/Create", UriKind.Relative), await FormAsync(client, "/Admin/Users/Create", new()
        {
            ["Input.DisplayName"] = "Nieuwe Jobcoach",
            ["Input.Email"] = email,
            ["Input.OrganisationId"] = organisation.ToString(),
            ["Input.Roles"] = Roles.Jobcoach,
            ["Input.Password"] = "a fine starting password",
        }));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var user = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        user.IsActive.ShouldBeTrue();
        user.TwoFactorEnabled.ShouldBeFalse();
        var list = await BakenClient.ReadAsync(await client.SubmitAsync("/Admin/Users", new Dictionary<string, string> { ["q"] = email }, "form[role=search]"));
        list.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        list.QuerySelector("tbody tr")!.TextContent.ShouldContain("Jobcoach");
        var audit = await app.QueryAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "UserCreated" && a.TargetId == user.Id));
        audit.ActorUserId.ShouldBe(admin.Id);
        audit.Details!.ShouldNotContain(email, Case.Insensitive);
    }

    [Theory]
    [Databases]
    public async Task Invalid_input_is_refused_with_messages_keeps_what_was_typed_and_saves_nothing(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));

        // The app is shared with tests that create accounts at the same time: look for this form's account only.
        var name = $"Iemand Zonder Rol {Guid.NewGuid():N}";
        var response = await client.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = "not-an-email",
            ["Input.Password"] = "short",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await BakenClient.ReadAsync(response);
        page.QuerySelector("#error-summary").ShouldNotBeNull();
        foreach (var field in new[] { "Input_Email", "Input_OrganisationId", "Input_Roles", "Input_Password" })
        {
            page.QuerySelector($"#{field}-error").ShouldNotBeNull(field);
        }

        page.QuerySelector("#Input_DisplayName")!.GetAttribute("value").ShouldBe(name);
        page.QuerySelector("#Input_Email")!.GetAttribute("aria-invalid").ShouldBe("true");
        (await app.QueryAsync(db => db.Users.CountAsync(u => u.DisplayName == name || u.Email == "not-an-email"))).ShouldBe(0);
    }

    [Theory]
    [Databases]
    public async Task Empty_forms_are_answered_with_messages_never_with_an_error(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var admin = await app.CreateUserAsync(Roles.Beheerder);
        using var client = app.NewClient();
        await client.SignInAsync(admin);
        var organisation = await OrganisationIdAsync(app);
        foreach (var url in new[]
        {
            "/Admin/Users/Create", $"/Admin/Users/Edit/{admin.Id}", "/Admin/Organisations/Create",
            $"/Admin/Organisations/Edit/{organisation}", "/Account/Reauthenticate",
        })
        {
            var (_, page) = await client.GetPageAsync(url);
            var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
            var empty = form.QuerySelectorAll("input:not([type=hidden]), select")
                .Select(e => e.GetAttribute("name")!)
                .Distinct()
                .ToDictionary(name => name, _ => string.Empty);
            empty.Remove("Input.Roles");
            var response = await client.SubmitAsync(form, url, empty);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            (await BakenClient.ReadAsync(response)).QuerySelector("#error-summary").ShouldNotBeNull(url);
        }
    }

    [Theory]
    [Databases]
    public async Task A_duplicate_email_address_is_refused_next_to_the_field(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var existing = await app.CreateUserAsync(Roles.Casemanager);
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        var response = await client.Http.PostAsync(new Uri("/Admin/Users/Create", UriKind.Relative), await FormAsync(client, "/Admin/Users/Create", new()
        {
            ["Input.DisplayName"] = "Dubbel",
            ["Input.Email"] = existing.Email,
            ["Input.OrganisationId"] = (await OrganisationIdAsync(app)).ToString(),
            ["Input.Roles"] = Roles.Casemanager,
            ["Input.Password"] = "a fine starting password",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BakenClient.ReadAsync(response)).QuerySelector("#Input_Email-error")!.TextContent.ShouldContain("al een gebruiker");
        (await app.QueryAsync(db => db.Users.CountAsync(u => u.Email == existing.Email))).ShouldBe(1);
    }

    [Theory]
    [Databases]
    public async Task An_administrator_creates_and_renames_an_organisation(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        var name = $"GGD Test {Guid.NewGuid():N}";
        var created = await client.SubmitAsync("/Admin/Organisations/Create", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Kind"] = "PartnerReferrer" });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await app.QueryAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

        var duplicate = await client.SubmitAsync("/Admin/Organisations/Create", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Kind"] = "PartnerReferrer" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BakenClient.ReadAsync(duplicate)).QuerySelector("#Input_Name-error").ShouldNotBeNull();

        var renamed = await client.SubmitAsync($"/Admin/Organisations/Edit/{id}", new Dictionary<string, string> { ["Input.Name"] = name + " (nieuw)", ["Input.Kind"] = "PartnerReferrer" });
        renamed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync())).ShouldEndWith("(nieuw)");
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(a => a.TargetId == id))).ShouldBe(2);
    }

    [Theory]
    [Databases]
    public async Task Deactivating_and_resetting_a_second_factor_need_recent_authentication_and_end_the_users_sessions(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new BakenAppFactory(provider, time: time);
        var admin = await app.CreateUserAsync(Roles.Beheerder);
        var worker = await app.CreateUserAsync(Roles.Veldwerker);
        using var adminClient = app.NewClient();
        using var workerClient = app.NewClient();
        await adminClient.SignInAsync(admin);
        await workerClient.SignInAsync(worker);

        time.Advance(TimeSpan.FromMinutes(11));
        var stale = await adminClient.GetAsync($"/Admin/Users/Deactivate/{worker.Id}");
        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stale.Headers.Location!.OriginalString.ShouldStartWith("/Account/Reauthenticate");

        var reauth = await adminClient.SubmitAsync(stale.Headers.Location.OriginalString, new Dictionary<string, string>
        {
            ["Input.Password"] = StaffBuilder.Password,
            ["Input.Code"] = Totp.Code(admin.TotpSecret!),
        });
        reauth.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reauth.Headers.Location!.OriginalString.ShouldBe($"/Admin/Users/Deactivate/{worker.Id}");

        (await adminClient.SubmitAsync($"/Admin/Users/Deactivate/{worker.Id}", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.FindUserAsync(worker.Id)).IsActive.ShouldBeFalse();

        time.Advance(TimeSpan.FromMinutes(2));
        var ended = await workerClient.GetAsync("/");
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the deactivated user's open session ends");
        ended.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");

        var reset = await adminClient.SubmitAsync($"/Admin/Users/ResetSecondFactor/{admin.Id}", new Dictionary<string, string>());
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.FindUserAsync(admin.Id)).TwoFactorEnabled.ShouldBeFalse();
        var actions = await app.QueryAsync(db => db.AuditEvents.Where(a => a.TargetId == worker.Id || a.TargetId == admin.Id).Select(a => a.Action).ToListAsync());
        actions.ShouldContain("UserDeactivated");
        actions.ShouldContain("SecondFactorReset");
    }

    [Theory]
    [Databases]
    public async Task An_administrator_cannot_deactivate_themselves(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var admin = await app.CreateUserAsync(Roles.Beheerder);
        using var client = app.NewClient();
        await client.SignInAsync(admin);
        var (_, page) = await client.GetPageAsync($"/Admin/Users/Deactivate/{admin.Id}");
        page.QuerySelector("main form[method=post]").ShouldBeNull();
        var forced = await client.Http.PostAsync(new Uri($"/Admin/Users/Deactivate/{admin.Id}", UriKind.Relative),
            await FormAsync(client, "/Account/Logout", []));
        forced.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.FindUserAsync(admin.Id)).IsActive.ShouldBeTrue();
    }

    [Theory]
    [Databases]
    public async Task The_register_of_processing_activities_lists_every_activity_with_its_legal_basis(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        var (response, page) = await client.GetPageAsync("/Admin/ProcessingActivities");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sections = page.QuerySelectorAll("main section");
        sections.Length.ShouldBe(Baken.Infrastructure.ProcessingLog.ProcessingActivities.Register.Length);
        page.QuerySelector("main")!.TextContent.ShouldContain("AVG art. 6 lid 1a");
    }

    /// <summary>A form body with the antiforgery token of <paramref name="pageUrl"/> and fields that may repeat a name.</summary>
    private static async Task<FormUrlEncodedContent> FormAsync(BakenClient client, string pageUrl, Dictionary<string, string> fields)
    {
        var (_, page) = await client.GetPageAsync(pageUrl);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
    }
}
