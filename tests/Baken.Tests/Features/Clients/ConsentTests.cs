using System.Net;
using System.Security.Claims;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Clients;

public sealed class ConsentTests(SharedApps apps)
{
    private static async Task<ConsentDecision> CheckAsync(BakenAppFactory app, Guid clientId, ConsentPurpose purpose, Guid? recipient)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsentCheck>().CheckAsync(clientId, purpose, recipient, CancellationToken.None);
    }

    [Theory]
    [Databases]
    public async Task Consent_for_a_referral_is_recorded_checked_per_organisation_and_withdrawn(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var organisations = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).Take(2).ToListAsync());
        var (clientId, _) = await app.CreateClientAsync((await app.FindUserAsync(manager.Id)).OrganisationId, teamMember: manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(manager);
        var page = $"/Clients/{clientId}/Consents";

        (await CheckAsync(app, clientId, ConsentPurpose.Referral, organisations[1])).ReasonKey.ShouldBe("Consent_RefusedMissing");

        var missingRecipient = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Purpose"] = "Referral", ["Input.LegalBasis"] = "Consent" });
        missingRecipient.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BakenClient.ReadAsync(missingRecipient)).QuerySelector("#Input_RecipientOrganisationId-error").ShouldNotBeNull();

        var recorded = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Purpose"] = "Referral",
            ["Input.RecipientOrganisationId"] = organisations[1].ToString(),
            ["Input.LegalBasis"] = "Consent",
            ["Input.Note"] = "Mondeling gegeven in het spreekuur",
        });
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CheckAsync(app, clientId, ConsentPurpose.Referral, organisations[1])).Allowed.ShouldBeTrue();
        (await CheckAsync(app, clientId, ConsentPurpose.Referral, organisations[0])).Allowed.ShouldBeFalse("consent names one organisation");
        (await CheckAsync(app, clientId, ConsentPurpose.EmployerSharing, organisations[1])).Allowed.ShouldBeFalse();

        var (_, list) = await client.GetPageAsync(page);
        list.QuerySelector("tbody")!.TextContent.ShouldContain("Mondeling gegeven in het spreekuur");
        var withdraw = (AngleSharp.Html.Dom.IHtmlFormElement)list.QuerySelector("form[data-confirm]")!;
        (await client.SubmitAsync(withdraw, page, new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var decision = await CheckAsync(app, clientId, ConsentPurpose.Referral, organisations[1]);
        decision.Allowed.ShouldBeFalse();
        decision.ReasonKey.ShouldBe("Consent_RefusedWithdrawn");
        var actions = await app.QueryAsync(db => db.ProcessingLog.Where(e => e.SubjectId == clientId).Select(e => e.Action).ToListAsync());
        actions.ShouldContain("ConsentRecorded");
        actions.ShouldContain("ConsentWithdrawn");
    }

    [Theory]
    [Databases]
    public async Task Only_a_team_lead_with_a_reason_can_override_and_the_override_is_recorded(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).FirstAsync());
        var (clientId, _) = await app.CreateClientAsync(organisation);
        ClaimsPrincipal Person(string role) => new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, role), new Claim(ClaimTypes.NameIdentifier, Guid.CreateVersion7().ToString())], "test"));

        await using var scope = app.Services.CreateAsyncScope();
        var check = scope.ServiceProvider.GetRequiredService<ConsentCheck>();
        (await check.OverrideAsync(Person(Roles.Casemanager), clientId, ConsentPurpose.Referral, null, "acute situatie, veiligheid", CancellationToken.None))
            .ReasonKey.ShouldBe("Consent_OverrideNeedsTeamLead");
        (await check.OverrideAsync(Person(Roles.Teamleider), clientId, ConsentPurpose.Referral, null, "kort", CancellationToken.None))
            .ReasonKey.ShouldBe("Consent_OverrideNeedsReason");
        var lead = Person(Roles.Teamleider);
        (await check.OverrideAsync(lead, clientId, ConsentPurpose.Referral, organisation, "Acute onveilige situatie, overleg met politie", CancellationToken.None))
            .Allowed.ShouldBeTrue();
        await scope.ServiceProvider.GetRequiredService<BakenDbContext>().SaveChangesAsync();

        var stored = await app.QueryAsync(db => db.Set<ConsentOverride>().SingleAsync(o => o.ClientId == clientId));
        stored.ByUserId.ShouldBe(lead.UserId()!.Value);
        System.Text.Encoding.UTF8.GetString(stored.Reason).ShouldNotContain("politie");
        (await app.QueryAsync(db => db.ProcessingLog.CountAsync(e => e.SubjectId == clientId && e.Action == "ConsentOverridden"))).ShouldBe(1);
    }

    [Theory]
    [Databases]
    public async Task The_sharing_check_explains_a_refusal_and_a_team_lead_override_holds_for_a_day_for_that_recipient(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var lead = await app.CreateUserAsync(Roles.Teamleider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var organisation = (await app.FindUserAsync(lead.Id)).OrganisationId;
        var organisations = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).ToListAsync());
        var (clientId, _) = await app.CreateClientAsync(organisation);
        var page = $"/Clients/{clientId}/Sharing";
        var form = new Dictionary<string, string> { ["Purpose"] = "Referral", ["RecipientOrganisationId"] = organisations[1].ToString() };

        using (var asManager = app.NewClient())
        {
            await asManager.SignInAsync(manager);
            var checkedPage = await BakenClient.ReadAsync(await asManager.SubmitAsync(page, form));
            checkedPage.QuerySelector("#sharing-decision")!.TextContent.ShouldContain("geen toestemming");
            checkedPage.QuerySelector("button[formaction*=Override]").ShouldBeNull("only a team lead may override");
            var noRecipient = await BakenClient.ReadAsync(await asManager.SubmitAsync(page, new Dictionary<string, string> { ["Purpose"] = "Referral" }));
            noRecipient.QuerySelector("#RecipientOrganisationId-error").ShouldNotBeNull();
        }

        using var asLead = app.NewClient();
        await asLead.SignInAsync(lead);
        var refused = await BakenClient.ReadAsync(await asLead.SubmitAsync(page, form));
        refused.QuerySelector("button[formaction*=Override]").ShouldNotBeNull();
        var overrideForm = (AngleSharp.Html.Dom.IHtmlFormElement)refused.QuerySelector("main form")!;
        var overrideUrl = refused.QuerySelector("button[formaction*=Override]")!.GetAttribute("formaction")!;
        var tooShort = await BakenClient.ReadAsync(await asLead.SubmitAsync(overrideForm, overrideUrl, new Dictionary<string, string>(form) { ["Reason"] = "nu" }));
        tooShort.QuerySelector("#Reason-error").ShouldNotBeNull();
        tooShort.QuerySelector("#Reason")!.TextContent.ShouldBe("nu");

        var done = await asLead.SubmitAsync(overrideForm, overrideUrl, new Dictionary<string, string>(form) { ["Reason"] = "Acuut gevaar, politie moet nu worden ingelicht" });
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, history) = await asLead.GetPageAsync(page);
        history.QuerySelector("tbody")!.TextContent.ShouldContain("Acuut gevaar, politie moet nu worden ingelicht");

        (await CheckAsync(app, clientId, ConsentPurpose.Referral, organisations[1])).ReasonKey.ShouldBe("Consent_Overridden");
        (await CheckAsync(app, clientId, ConsentPurpose.Referral, organisations[0])).Allowed.ShouldBeFalse("the override names one recipient");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            await db.Set<ConsentOverride>().Where(o => o.ClientId == clientId)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.AtUtc, DateTime.UtcNow.AddHours(-25)));
        }

        (await CheckAsync(app, clientId, ConsentPurpose.Referral, organisations[1])).Allowed.ShouldBeFalse("an override holds for 24 hours");
    }
}
