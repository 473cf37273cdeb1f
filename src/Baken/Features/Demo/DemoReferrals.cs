using System.Globalization;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Referrals;
using Baken.Features.ServiceDirectory;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Demo;

/// <summary>
/// Demo referrals out, after the directory and the trajectories are seeded: the example IOM and public health
/// service become partner organisations in Baken (consent is given per organisation), one client consented to a
/// referral to IOM and was referred (sent), another was referred to the public health service (completed, with
/// feedback). <see cref="WithoutConsent"/> has an open trajectory and no referral consent at all, so a tester (and
/// the browser test) sees the refusal first.
/// </summary>
public sealed class DemoReferrals(
    BakenDbContext db,
    ClientRecords clients,
    ReferralRecords records,
    ReferralLetter letter,
    TimeProvider timeProvider)
{
    /// <summary>
    /// The Baken organisations of the example IOM and public health service. Named so they sort after the first
    /// demo organisations in any collation, which tests pick by name.
    /// </summary>
    public const string Iom = "Internationale Organisatie voor Migratie, IOM (demo)";

    public const string PublicHealth = "Publieke gezondheidsdienst, GGD (demo)";

    /// <summary>The directory entries (see <see cref="DemoDirectory"/>) and what kind of partner each is.</summary>
    private static readonly (string Directory, PartnerType Type, string? Organisation)[] Partners =
    [
        ("IOM (voorbeeld)", PartnerType.ReturnMigration, Iom),
        ("GGD (voorbeeld)", PartnerType.PublicHealth, PublicHealth),
        ("Politie, afdeling prostitutie en mensenhandel (voorbeeld)", PartnerType.Police, null),
        ("Landelijk coördinatiecentrum mensenhandel (voorbeeld)", PartnerType.TraffickingCentre, null),
    ];

    /// <summary>A client with an open trajectory and no referral consent towards IOM.</summary>
    public const string WithoutConsent = "Demo Klaproos";

    /// <summary>Consented to a referral to IOM; referred, waiting for an answer.</summary>
    public const string ReferredToIom = "Demo Kwikstaart";

    /// <summary>Consented to a referral to the public health service; referred, accepted and completed.</summary>
    public const string ReferredToHealth = "Demo Dahlia";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // The letters are written in Dutch, as a Dutch-speaking worker would have.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var organisations = new Dictionary<string, Guid>();
        foreach (var (directory, type, name) in Partners)
        {
            var entry = await db.Set<DirectoryOrganization>().FirstOrDefaultAsync(o => o.Name == directory, cancellationToken);
            if (entry is null)
            {
                continue;
            }

            if (name is not null)
            {
                var organisation = new Organisation { Name = name, Kind = OrganisationKind.PartnerReferrer, IsDemo = true, CreatedAtUtc = now };
                db.Organisations.Add(organisation);
                entry.OrganisationId = organisation.Id;
                organisations[name] = organisation.Id;
            }

            entry.PartnerType = type;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!organisations.TryGetValue(Iom, out var iom) || !organisations.TryGetValue(PublicHealth, out var health))
        {
            return;
        }

        var manager = await db.Users.Where(u => u.Email == "casemanager@baken.example").Select(u => u.Id).SingleAsync(cancellationToken);
        var toIom = await ReferAsync(ReferredToIom, iom, "Terugkeer", manager, now.AddDays(-9),
            "De cliënt wil terug naar Roemenië en vraagt hulp bij de reis en een eerste opvang daar. Graag een afspraak, met tolk.", cancellationToken);
        var toHealth = await ReferAsync(ReferredToHealth, health, "Soa-spreekuur voor sekswerkers", manager, now.AddDays(-40),
            "De cliënt wil een soa-test en vraagt om een vrouwelijke arts.", cancellationToken);
        if (toIom is null || toHealth is null)
        {
            return;
        }

        await MoveAsync(toHealth.Value, ReferralStatus.Accepted, now.AddDays(-36), null, manager, cancellationToken);
        await MoveAsync(toHealth.Value, ReferralStatus.Completed, now.AddDays(-21), "Demo: test gedaan, uitslag met de cliënt besproken.", manager, cancellationToken);
    }

    /// <summary>Records the client's consent towards the organisation, then refers them to the service, dated <paramref name="at"/>.</summary>
    private async Task<Guid?> ReferAsync(string alias, Guid organisationId, string service, Guid manager, DateTime at, string question, CancellationToken cancellationToken)
    {
        var (client, trajectory) = await FindAsync(alias, cancellationToken);
        var recipient = (await records.Recipients(name: service).ToListAsync(cancellationToken)).FirstOrDefault(r => r.OrganisationId == organisationId);
        if (client is null || trajectory is null || recipient is null)
        {
            return null;
        }

        var consent = new Consent
        {
            ClientId = client.Id,
            Purpose = ConsentPurpose.Referral,
            RecipientOrganisationId = organisationId,
            LegalBasis = LegalBasis.Consent,
            GivenAtUtc = at.AddDays(-2),
            RecordedByUserId = manager,
        };
        db.Add(consent);
        var items = ReferralDefaults.For(recipient.Type);
        var text = await letter.ComposeAsync(client, trajectory, items, question, cancellationToken);
        var referral = await records.SendAsync(client, trajectory, recipient, items, text, consent.Id, Guid.CreateVersion7(), manager, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        await db.Set<Referral>().Where(r => r.Id == referral.Id)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.SentAtUtc, at).SetProperty(x => x.StatusChangedAtUtc, at), cancellationToken);
        await db.Set<ReferralStatusChange>().Where(c => c.ReferralId == referral.Id)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.AtUtc, at).SetProperty(x => x.On, DisplayTime.LocalDate(at)), cancellationToken);
        db.ChangeTracker.Clear();
        return referral.Id;
    }

    private async Task MoveAsync(Guid referralId, ReferralStatus to, DateTime at, string? feedback, Guid manager, CancellationToken cancellationToken)
    {
        var referral = await db.Set<Referral>().SingleAsync(r => r.Id == referralId, cancellationToken);
        var client = await db.Set<Client>().SingleAsync(c => c.Id == referral.ClientId, cancellationToken);
        var refusal = await records.ChangeStatusAsync(client, referral, to, DisplayTime.LocalDate(at), feedback, manager, cancellationToken);
        if (refusal is not null)
        {
            throw new InvalidOperationException($"Demo referral could not move to {to}: {refusal}");
        }

        foreach (var change in db.ChangeTracker.Entries<ReferralStatusChange>().Where(e => e.State == EntityState.Added))
        {
            change.Property(c => c.AtUtc).CurrentValue = at;
        }

        referral.StatusChangedAtUtc = at;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The demo client with this alias (found as staff would, through the blind index) and their open trajectory, both tracked.</summary>
    private async Task<(Client? Client, Trajectory? Trajectory)> FindAsync(string alias, CancellationToken cancellationToken)
    {
        var ids = await clients.SearchAsync(alias, cancellationToken);
        var trajectory = await db.Set<Trajectory>().Where(t => ids.Contains(t.ClientId) && TrajectoryStates.Open.Contains(t.State))
            .OrderBy(t => t.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var client = trajectory is null ? null : await db.Set<Client>().SingleAsync(c => c.Id == trajectory.ClientId, cancellationToken);
        return (client, trajectory);
    }
}
