using System.Net;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Referrals;
using Baken.Features.ServiceDirectory;
using Baken.Tests.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Referrals;

/// <summary>
/// Referring a client out of a trajectory: only with consent towards the recipient organisation (or a team lead's
/// override), only what was ticked, exactly the previewed text, once per submission.
/// </summary>
public sealed class ReferralTests(SharedApps apps)
{
    private const string Question = "Graag een afspraak voor terugkeer, met tolk.";

    [Theory]
    [Databases]
    public async Task Without_consent_the_referral_is_refused_with_the_reason_and_nothing_is_stored(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync();
        using var client = app.NewClient();
        await client.SignInAsync(@case.Manager);

        var (response, page) = await client.GetPageAsync($"/Trajectories/{@case.Trajectory}/Referrals/New?serviceId={partner.Service}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Text("#consent-refused").ShouldContain("geen toestemming");
        page.QuerySelector($"#consent-refused a[href='/Clients/{@case.Client}/Consents']").ShouldNotBeNull("a way to record the consent");
        page.QuerySelector("#referral-form").ShouldBeNull("nothing else proceeds");
        page.QuerySelector("#override-form").ShouldBeNull("only a team lead may override");

        var refused = await SignalTestSupport.RefusedAsync(await client.PostReferralAsync(@case.Trajectory, partner.Service, confirm: false, Question, null, "Alias"));
        refused.Errors.ShouldContain("geen toestemming");
        refused.Page.QuerySelector("#referral-preview").ShouldBeNull("no preview without consent");
        (await app.ReferralsAsync(@case.Trajectory)).ShouldBeEmpty();
        (await app.ClientLogCountAsync(@case.Client, "ReferralConsentRefused")).ShouldBe(2, "every refused check is logged");
        (await app.ClientLogCountAsync(@case.Client, "ReferralComposed")).ShouldBe(0, "nothing of the file was read for a refused referral");
    }

    [Theory]
    [Databases]
    public async Task A_directory_organisation_without_a_Baken_organisation_cannot_be_referred_to(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync(linked: false);
        await app.GiveConsentAsync(@case.Client, null, @case.Manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(@case.Manager);

        var (_, page) = await client.GetPageAsync($"/Trajectories/{@case.Trajectory}/Referrals/New?serviceId={partner.Service}");
        page.Text("#consent-refused").ShouldContain("nog niet gekoppeld");
        page.QuerySelector("#referral-form").ShouldBeNull();
        var refused = await SignalTestSupport.RefusedAsync(await client.PostReferralAsync(@case.Trajectory, partner.Service, confirm: false, Question, null, "Alias"));
        refused.Errors.ShouldContain("beheerder");
        (await app.ReferralsAsync(@case.Trajectory)).ShouldBeEmpty();
    }

    [Theory]
    [Databases]
    public async Task With_consent_only_the_ticked_items_are_previewed_and_the_previewed_text_is_stored_once(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync(PartnerType.ReturnMigration);
        var consent = await app.GiveConsentAsync(@case.Client, partner.Organisation, @case.Manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(@case.Manager);
        var url = $"/Trajectories/{@case.Trajectory}/Referrals/New";

        var (_, search) = await client.GetPageAsync($"{url}?q={Uri.EscapeDataString(partner.Name[8..].ToUpperInvariant())}&topic=");
        search.QuerySelectorAll("#services li").Length.ShouldBe(1, "found by part of the name, in any case");
        search.QuerySelector($"#services a[href='{url}?serviceId={partner.Service}']").ShouldNotBeNull();

        var (_, form) = await client.GetPageAsync($"{url}?serviceId={partner.Service}");
        form.QuerySelector("#consent-allowed").ShouldNotBeNull();
        form.QuerySelectorAll("#Items input[checked]").Select(i => i.GetAttribute("value"))
            .ShouldBe(["Alias", "ContactChannel", "Languages"], ignoreOrder: true, "the minimal set for return migration is ticked");
        form.QuerySelector("#Items input[value=LegalName]").ShouldBeNull("a pseudonymous client's legal name is not on offer");
        form.QuerySelector("#Items input[value=DateOfBirth]").ShouldBeNull();

        var missing = await SignalTestSupport.RefusedAsync(await client.PostReferralAsync(@case.Trajectory, partner.Service, confirm: false, " ", null, "Alias"));
        missing.Page.QuerySelector("#Question-error").ShouldNotBeNull("the question is required");

        var preview = await client.PreviewAsync(@case.Trajectory, partner.Service, Question, "Alias", "ContactChannel");
        preview.Text.ShouldContain(@case.Alias);
        preview.Text.ShouldContain("Via het informatiecentrum");
        preview.Text.ShouldContain(Question);
        preview.Text.ShouldNotContain(@case.Languages, customMessage: "the languages were not ticked");
        preview.Text.ShouldNotContain("EU", customMessage: "the residence situation was not ticked");
        (await app.ReferralsAsync(@case.Trajectory)).ShouldBeEmpty("a preview stores nothing");
        (await app.ClientLogCountAsync(@case.Client, "ReferralComposed")).ShouldBe(1, "reading the file for the preview is logged");

        var sent = await client.PostReferralAsync(@case.Trajectory, partner.Service, confirm: true, Question, preview, "Alias", "ContactChannel");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var referral = (await app.ReferralsAsync(@case.Trajectory)).ShouldHaveSingleItem();
        sent.Headers.Location!.OriginalString.ShouldBe($"/Trajectories/{@case.Trajectory}/Referrals/{referral.Id}?sent=true");
        referral.Id.ToString().ShouldBe(preview.Key);
        referral.ClientId.ShouldBe(@case.Client);
        referral.OrganisationId.ShouldBe(@case.Organisation);
        referral.RecipientOrganisationId.ShouldBe(partner.Organisation!.Value);
        referral.RecipientType.ShouldBe(PartnerType.ReturnMigration);
        referral.ServiceId.ShouldBe(partner.Service);
        referral.ConsentId.ShouldBe(consent);
        referral.Shared.ShouldBe(SharedItem.Alias | SharedItem.ContactChannel | SharedItem.Question);
        referral.Status.ShouldBe(ReferralStatus.Sent);
        referral.ByUserId.ShouldBe(@case.Manager.Id);
        (await app.DecryptAsync(@case.Client, Referral.Table, nameof(Referral.Letter), referral.Id, referral.Letter)).ShouldBe(preview.Text, "exactly the previewed text");
        referral.Letter.Holds(Question).ShouldBeFalse("the letter is encrypted");
        (await app.TableBytesAsync(Referral.Table)).Holds(@case.Languages).ShouldBeFalse();
        (await app.StatusChangesAsync(referral.Id)).ShouldHaveSingleItem().To.ShouldBe(ReferralStatus.Sent);
        (await app.ClientLogCountAsync(@case.Client, "ReferralSent")).ShouldBe(1);
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(a => a.TargetId == referral.Id && a.Action == "ReferralSent"))).ShouldBe(1);

        // A double click or a replay of the same confirmation opens the referral instead of making another.
        var again = await client.PostReferralAsync(@case.Trajectory, partner.Service, confirm: true, Question, preview, "Alias", "ContactChannel");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location!.OriginalString.ShouldBe($"/Trajectories/{@case.Trajectory}/Referrals/{referral.Id}");
        (await app.ReferralsAsync(@case.Trajectory)).Count.ShouldBe(1);
        (await app.ClientLogCountAsync(@case.Client, "ReferralSent")).ShouldBe(1);

        var (_, details) = await client.GetPageAsync($"/Trajectories/{@case.Trajectory}");
        details.Text("#referrals-section").ShouldContain(partner.Name);
        details.Text("#referrals-section").ShouldContain("Verstuurd");
    }

    [Theory]
    [Databases]
    public async Task Consent_withdrawn_after_the_preview_refuses_the_confirmation(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync();
        var consent = await app.GiveConsentAsync(@case.Client, partner.Organisation, @case.Manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(@case.Manager);

        var preview = await client.PreviewAsync(@case.Trajectory, partner.Service, Question, "Alias");
        await app.WithdrawConsentAsync(consent);
        var refused = await SignalTestSupport.RefusedAsync(await client.PostReferralAsync(@case.Trajectory, partner.Service, confirm: true, Question, preview, "Alias"));
        refused.Errors.ShouldContain("ingetrokken");
        refused.Page.QuerySelector("#consent-refused").ShouldNotBeNull();
        (await app.ReferralsAsync(@case.Trajectory)).ShouldBeEmpty();
    }

    [Theory]
    [Databases]
    public async Task Data_changed_after_the_preview_shows_the_new_preview_instead_of_sending(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync();
        await app.GiveConsentAsync(@case.Client, partner.Organisation, @case.Manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(@case.Manager);

        var preview = await client.PreviewAsync(@case.Trajectory, partner.Service, Question, "Alias");
        var renamed = $"Nieuw{Guid.NewGuid():N}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            var stored = await db.Set<Client>().SingleAsync(c => c.Id == @case.Client);
            await scope.ServiceProvider.GetRequiredService<ClientRecords>().UpdateAsync(stored, stored.Level,
                new ClientIdentity { Alias = renamed, ContactChannel = "infocentre" }, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var response = await client.PostReferralAsync(@case.Trajectory, partner.Service, confirm: true, Question, preview, "Alias");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await BakenClient.ReadAsync(response);
        page.Text("#error-summary").ShouldContain("veranderd");
        var fresh = page.QuerySelector("#referral-preview pre").ShouldNotBeNull().TextContent;
        fresh.ShouldContain(renamed);
        fresh.ShouldNotContain(@case.Alias);
        (await app.ReferralsAsync(@case.Trajectory)).ShouldBeEmpty();

        // A different choice of items after the preview is a changed text too.
        var changedChoice = await client.PostReferralAsync(@case.Trajectory, partner.Service, confirm: true, Question,
            preview with { Hash = page.QuerySelector("input[name=PreviewHash]")!.GetAttribute("value")! }, "Alias", "Languages");
        (await BakenClient.ReadAsync(changedChoice)).Text("#error-summary").ShouldContain("veranderd");
        (await app.ReferralsAsync(@case.Trajectory)).ShouldBeEmpty();
    }

    [Theory]
    [Databases]
    public async Task An_identified_client_may_share_the_legal_name_but_only_when_ticked(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var legalName = $"Naam{Guid.NewGuid():N}";
        var @case = await app.NewCaseAsync(IdentityLevel.Identified, new ClientIdentity { LegalName = legalName, DateOfBirth = "1990-01-02" });
        var partner = await app.NewPartnerAsync(PartnerType.PublicHealth);
        await app.GiveConsentAsync(@case.Client, partner.Organisation, @case.Manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(@case.Manager);

        var (_, form) = await client.GetPageAsync($"/Trajectories/{@case.Trajectory}/Referrals/New?serviceId={partner.Service}");
        form.QuerySelector("#Items input[value=LegalName]").ShouldNotBeNull();
        form.QuerySelector("#Items input[value=LegalName][checked]").ShouldBeNull("not part of the minimal set");
        (await client.PreviewAsync(@case.Trajectory, partner.Service, Question, "Alias")).Text.ShouldNotContain(legalName);
        var withName = await client.PreviewAsync(@case.Trajectory, partner.Service, Question, "Alias", "LegalName", "DateOfBirth");
        withName.Text.ShouldContain(legalName);
        withName.Text.ShouldContain("1990-01-02");
    }

    [Theory]
    [Databases]
    public async Task A_team_lead_may_override_a_refusal_with_a_reason_and_the_letter_says_so(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync();
        var lead = await app.CreateUserAsync(Roles.Teamleider, organisationId: @case.Organisation);
        await app.QueryAsync(db =>
        {
            db.Add(new ClientTeamMember { ClientId = @case.Client, UserId = lead.Id, FromUtc = DateTime.UtcNow.AddMinutes(-1) });
            return db.SaveChangesAsync();
        });
        using var client = app.NewClient();
        await client.SignInAsync(lead);
        var url = $"/Trajectories/{@case.Trajectory}/Referrals/New?serviceId={partner.Service}";

        var tooShort = await client.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "kort" }, "#override-form");
        (await BakenClient.ReadAsync(tooShort)).QuerySelector("#Reason-error").ShouldNotBeNull();
        var overridden = await client.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "Acuut gevaar, cliënt moet vandaag weg" }, "#override-form");
        overridden.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        overridden.Headers.Location!.OriginalString.ShouldBe($"/Trajectories/{@case.Trajectory}/Referrals/New?serviceId={partner.Service}");

        var preview = await client.PreviewAsync(@case.Trajectory, partner.Service, Question, "Alias");
        (await client.PostReferralAsync(@case.Trajectory, partner.Service, confirm: true, Question, preview, "Alias")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var referral = (await app.ReferralsAsync(@case.Trajectory)).ShouldHaveSingleItem();
        var overrideId = await app.QueryAsync(db => db.Set<ConsentOverride>().Where(o => o.ClientId == @case.Client).Select(o => o.Id).SingleAsync());
        referral.ConsentId.ShouldBe(overrideId, "the override is what allowed it");

        var (_, letter) = await client.GetPageAsync($"/Trajectories/{@case.Trajectory}/Referrals/{referral.Id}/Letter");
        letter.Text("#letter-consent").ShouldContain("teamleider");
    }

    [Theory]
    [Databases]
    public async Task The_letter_shows_the_shared_text_with_consent_and_role_and_reading_it_is_logged(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync();
        var question = $"Vraag{Guid.NewGuid():N}";
        var referral = await app.SendReferralAsync(@case, partner, question);
        using var client = app.NewClient();
        await client.SignInAsync(@case.Manager);
        var before = await app.ClientLogCountAsync(@case.Client, "ReferralLetterOpened");

        var (response, letter) = await client.GetPageAsync($"/Trajectories/{@case.Trajectory}/Referrals/{referral}/Letter");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        letter.Text("#letter-text").ShouldContain(question);
        letter.Text("#letter-text").ShouldContain(@case.Alias);
        letter.Text("#letter-recipient").ShouldContain(partner.Name);
        letter.Text("#letter-from").ShouldStartWith("Zz signalen");
        letter.Text("#letter-consent").ShouldContain("toestemming gegeven");
        letter.Text("#letter-signature").ShouldContain("Casemanager");
        letter.Text("#letter-signature").ShouldNotContain("Test Casemanager", customMessage: "the role, not the worker's name");
        letter.QuerySelector("nav").ShouldBeNull("a print page without navigation");
        (await app.ClientLogCountAsync(@case.Client, "ReferralLetterOpened")).ShouldBe(before + 1);
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(a => a.TargetId == referral && a.Action == "ReferralLetterOpened"))).ShouldBe(1);
    }

    [Theory]
    [Databases]
    public async Task Referral_pages_answer_404_to_anyone_who_cannot_open_the_trajectory(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync();
        var referral = await app.SendReferralAsync(@case, partner);
        var other = await app.NewOrganisationAsync();
        var urls = new[]
        {
            $"/Trajectories/{@case.Trajectory}/Referrals",
            $"/Trajectories/{@case.Trajectory}/Referrals/New",
            $"/Trajectories/{@case.Trajectory}/Referrals/New?serviceId={partner.Service}",
            $"/Trajectories/{@case.Trajectory}/Referrals/{referral}",
            $"/Trajectories/{@case.Trajectory}/Referrals/{referral}/Letter",
        };
        foreach (var (role, organisation) in new[] { (Roles.Casemanager, other), (Roles.Teamleider, other), (Roles.Casemanager, @case.Organisation), (Roles.Verwijzer, @case.Organisation) })
        {
            using var outsider = app.NewClient();
            await outsider.SignInAsync(await app.CreateUserAsync(role, organisationId: organisation));
            foreach (var url in urls)
            {
                (await outsider.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{role} of {(organisation == other ? "another" : "the same")} organisation, not on the team: {url}");
            }
        }

        // A referral id under another trajectory is not found either.
        var second = await app.NewCaseAsync();
        using var manager = app.NewClient();
        await manager.SignInAsync(second.Manager);
        (await manager.GetAsync($"/Trajectories/{second.Trajectory}/Referrals/{referral}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetAsync($"/Trajectories/{second.Trajectory}/Referrals/{referral}/Letter")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [Databases]
    public async Task Erasing_the_client_removes_the_referrals_and_the_letter_with_the_key(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync();
        var referral = await app.SendReferralAsync(@case, partner, $"Vraag{Guid.NewGuid():N}");
        var letter = await app.QueryAsync(db => db.Set<Referral>().Where(r => r.Id == referral).Select(r => r.Letter).SingleAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            var stored = await db.Set<Client>().SingleAsync(c => c.Id == @case.Client);
            await scope.ServiceProvider.GetRequiredService<ClientErasure>().EraseAsync(stored, ClientErasure.OnRequest, CancellationToken.None);
        }

        (await app.QueryAsync(db => db.Set<Referral>().AnyAsync(r => r.ClientId == @case.Client))).ShouldBeFalse();
        (await app.QueryAsync(db => db.Set<ReferralStatusChange>().AnyAsync(c => c.ReferralId == referral))).ShouldBeFalse();
        (await app.QueryAsync(db => db.Set<Baken.Infrastructure.Crypto.ClientKey>().AnyAsync(k => k.ClientId == @case.Client))).ShouldBeFalse("no key is left to read a copy of the letter");
        var all = await app.QueryAsync(db => db.Set<Referral>().Select(r => r.Letter).ToListAsync());
        all.ShouldNotContain(l => l.SequenceEqual(letter), "the letter's ciphertext is gone");
    }
}
