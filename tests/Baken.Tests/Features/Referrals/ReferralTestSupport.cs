using System.Net;
using AngleSharp.Html.Dom;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Referrals;
using Baken.Features.ServiceDirectory;
using Baken.Features.Trajectories;
using Baken.Tests.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Referrals;

/// <summary>
/// Builders and form posts the referral tests share: a care organisation with a case manager and a client on a
/// trajectory, a partner in the directory (linked to a Baken organisation or not), consent, and the referral form.
/// </summary>
internal static class ReferralTestSupport
{
    public sealed record Case(Guid Organisation, StaffBuilder.CreatedUser Manager, Guid Client, string Code, Guid Trajectory, string Alias, string Languages);

    public sealed record Partner(Guid? Organisation, Guid DirectoryOrganization, Guid Service, string Name);

    public sealed record Preview(string Text, string Hash, string Key);

    /// <summary>A client of a new care organisation, with a case manager and an open exit trajectory whose intake names languages.</summary>
    public static async Task<Case> NewCaseAsync(this BakenAppFactory app, IdentityLevel level = IdentityLevel.Pseudonymous, ClientIdentity? identity = null)
    {
        var organisation = await app.NewOrganisationAsync();
        var manager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisation);
        var alias = $"Alias{Guid.NewGuid():N}";
        var languages = $"Roemeens{Guid.NewGuid():N}";
        var (client, code) = await app.CreateClientAsync(organisation, (identity ?? new ClientIdentity { ContactChannel = "infocentre" }) with { Alias = alias },
            level, teamMember: manager.Id);
        var trajectory = await app.StartTrajectoryAsync(client, manager.Id, intake: new TrajectoryIntake
        {
            ReferralRoute = ReferralRoute.OutreachOffline,
            Languages = languages,
            MigrationSituation = MigrationSituation.EuCitizen,
        });
        return new Case(organisation, manager, client, code, trajectory, alias, languages);
    }

    /// <summary>A partner in the directory with one active service; linked to a new Baken organisation unless told otherwise.</summary>
    public static Task<Partner> NewPartnerAsync(this BakenAppFactory app, PartnerType type = PartnerType.ReturnMigration, bool linked = true) =>
        app.QueryAsync(async db =>
        {
            var name = $"Partner {Guid.NewGuid():N}";
            Organisation? organisation = linked ? new Organisation { Name = "Zz " + name, Kind = OrganisationKind.PartnerReferrer } : null;
            if (organisation is not null)
            {
                db.Organisations.Add(organisation);
            }

            var entry = new DirectoryOrganization { Name = name, Description = "Test", OrganisationId = organisation?.Id, PartnerType = type, LastModifiedUtc = DateTime.UtcNow };
            var service = new DirectoryService { OrganizationId = entry.Id, Name = $"Dienst {name}", LastModifiedUtc = DateTime.UtcNow };
            db.AddRange(entry, service);
            await db.SaveChangesAsync();
            return new Partner(organisation?.Id, entry.Id, service.Id, service.Name);
        });

    public static Task<Guid> GiveConsentAsync(this BakenAppFactory app, Guid client, Guid? recipient, Guid by) =>
        app.QueryAsync(async db =>
        {
            var consent = new Consent
            {
                ClientId = client,
                Purpose = ConsentPurpose.Referral,
                RecipientOrganisationId = recipient,
                LegalBasis = LegalBasis.Consent,
                GivenAtUtc = DateTime.UtcNow.AddMinutes(-5),
                RecordedByUserId = by,
            };
            db.Add(consent);
            await db.SaveChangesAsync();
            return consent.Id;
        });

    public static Task WithdrawConsentAsync(this BakenAppFactory app, Guid consent) =>
        app.QueryAsync(db => db.Set<Consent>().Where(c => c.Id == consent)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.WithdrawnAtUtc, DateTime.UtcNow)));

    public static Task<List<Referral>> ReferralsAsync(this BakenAppFactory app, Guid trajectory) =>
        app.QueryAsync(db => db.Set<Referral>().AsNoTracking().Where(r => r.TrajectoryId == trajectory).ToListAsync());

    public static Task<List<ReferralStatusChange>> StatusChangesAsync(this BakenAppFactory app, Guid referral) =>
        app.QueryAsync(db => db.Set<ReferralStatusChange>().AsNoTracking().Where(c => c.ReferralId == referral).OrderBy(c => c.AtUtc).ThenBy(c => c.Id).ToListAsync());

    public static Task<int> ClientLogCountAsync(this BakenAppFactory app, Guid client, string action) =>
        app.QueryAsync(db => db.ProcessingLog.CountAsync(e => e.SubjectId == client && e.Action == action));

    /// <summary>
    /// Posts the referral form straight to its handler, with a token from the trajectory page: also when the page no
    /// longer offers the form (consent withdrawn, trajectory closed), as a replayed or stale post would arrive.
    /// </summary>
    public static Task<HttpResponseMessage> PostReferralAsync(
        this BakenClient client, Guid trajectory, Guid service, bool confirm, string question, Preview? preview, params string[] items) =>
        client.PostDirectAsync($"/Trajectories/{trajectory}", $"/Trajectories/{trajectory}/Referrals/New?serviceId={service}",
        [
            SignalTestSupport.Field("serviceId", service.ToString()),
            .. items.Select(i => SignalTestSupport.Field("Items", i)),
            SignalTestSupport.Field("Question", question),
            SignalTestSupport.Field("confirm", confirm ? "true" : "false"),
            SignalTestSupport.Field("PreviewHash", preview?.Hash ?? string.Empty),
            SignalTestSupport.Field("SubmissionKey", preview?.Key ?? string.Empty),
        ]);

    /// <summary>Asks for the preview and reads the text, hash and submission key the page sends back.</summary>
    public static async Task<Preview> PreviewAsync(this BakenClient client, Guid trajectory, Guid service, string question, params string[] items)
    {
        var response = await client.PostReferralAsync(trajectory, service, confirm: false, question, null, items);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return ReadPreview(await BakenClient.ReadAsync(response));
    }

    public static Preview ReadPreview(IHtmlDocument page)
    {
        page.QuerySelector("#error-summary").ShouldBeNull(page.QuerySelector("#error-summary")?.TextContent);
        page.QuerySelector("#referral-form button[name=confirm][value=true]").ShouldNotBeNull("after the preview the referral can be sent");
        return new Preview(
            page.QuerySelector("#referral-preview pre").ShouldNotBeNull().TextContent,
            page.QuerySelector("input[name=PreviewHash]").ShouldNotBeNull().GetAttribute("value")!,
            page.QuerySelector("input[name=SubmissionKey]").ShouldNotBeNull().GetAttribute("value")!);
    }

    /// <summary>Sends a referral through the application's own services (consent towards the partner is recorded first).</summary>
    public static Task<Guid> SendReferralAsync(this BakenAppFactory app, Case @case, Partner partner, string question = "Graag een afspraak") =>
        app.SendReferralAsync(@case.Trajectory, partner, @case.Manager.Id, question);

    /// <summary>
    /// A referral from any trajectory (the authorization matrix's, for one) to a new linked partner, by
    /// <paramref name="by"/> or else any user, with the client's consent recorded first.
    /// </summary>
    public static async Task<Guid> SendReferralAsync(this BakenAppFactory app, Guid trajectoryId, Partner? partner = null, Guid? by = null, string question = "Graag een afspraak")
    {
        partner ??= await app.NewPartnerAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<ReferralRecords>();
        var trajectory = await db.Set<Trajectory>().SingleAsync(t => t.Id == trajectoryId);
        var client = await db.Set<Client>().SingleAsync(c => c.Id == trajectory.ClientId);
        var byUser = by ?? await db.Users.Select(u => u.Id).FirstAsync();
        await app.GiveConsentAsync(client.Id, partner.Organisation, byUser);
        var recipient = (await records.FindRecipientAsync(partner.Service, CancellationToken.None)).ShouldNotBeNull();
        var decision = await scope.ServiceProvider.GetRequiredService<ConsentCheck>().CheckAsync(client.Id, ConsentPurpose.Referral, partner.Organisation, CancellationToken.None);
        decision.Allowed.ShouldBeTrue();
        const SharedItem shared = SharedItem.Alias | SharedItem.Question;
        var text = await scope.ServiceProvider.GetRequiredService<ReferralLetter>().ComposeAsync(client, trajectory, shared, question, CancellationToken.None);
        var referral = await records.SendAsync(client, trajectory, recipient, shared, text, decision.ConsentId, Guid.CreateVersion7(), byUser, CancellationToken.None);
        await db.SaveChangesAsync();
        return referral.Id;
    }
}
