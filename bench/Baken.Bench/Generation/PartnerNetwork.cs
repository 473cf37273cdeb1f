using Baken.Features.Admin;
using Baken.Features.Admin.Directory;
using Baken.Features.Admin.Directory.Services;
using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Bench.Generation;

/// <summary>
/// One partner of the generated network: the Baken organisation that consents name and referrals and handovers go
/// to, the services of its directory entry, and the Verwijzer who refers people in (partners that do).
/// </summary>
public sealed record Partner(string Key, PartnerType Type, string Name, Guid OrganisationId, IReadOnlyList<Guid> Services, Guid? Referrer);

/// <summary>
/// The organisations around the regions, one set for the whole country: police, the trafficking centre, public
/// health, return migration, the domestic-violence support point, housing, debt help and work. Made as an
/// administrator makes them on the admin pages: the organisation, its directory entry linked to it (partner type,
/// services with topics, target groups and languages), each change audited; and a Verwijzer account for the
/// partners that refer people to the care providers' intake queues (<c>verwijzer-00-NN@bench.example</c>).
/// </summary>
public sealed record PartnerNetwork(IReadOnlyList<Partner> Partners)
{
    private sealed record Service(string Name, string Description, string[] Topics, string[] Groups);

    private sealed record Entry(string Key, PartnerType Type, string Name, string Description, bool Refers, Service[] Services);

    private static readonly Entry[] Catalogue =
    [
        new(Police, PartnerType.Police, "Politie, team mensenhandel (benchmark)", "Opsporing van mensenhandel en uitbuiting; neemt meldingen en aangiftes aan.", true,
            [new("Melding en aangifte mensenhandel", "Gesprek over een melding of aangifte, met een rechercheur mensenhandel.", ["topic-safety", "topic-legal"], ["group-victims"])]),
        new(Trafficking, PartnerType.TraffickingCentre, "Coördinatiecentrum mensenhandel (benchmark)", "Registreert slachtoffers van mensenhandel en regelt opvang en bedenktijd.", true,
            [new("Aanmelding slachtoffer mensenhandel", "Aanmelding voor opvang, bedenktijd en juridische hulp.", ["topic-safety", "topic-residence", "topic-legal"], ["group-victims"])]),
        new(Health, PartnerType.PublicHealth, "GGD, seksuele gezondheid (benchmark)", "Publieke gezondheidszorg voor sekswerkers: onderzoek, vaccinaties, psychosociale hulp.", true,
            [
                new("Soa-spreekuur voor sekswerkers", "Gratis en anoniem testen en behandelen.", ["topic-health"], ["group-sexworkers"]),
                new("Psychosociale hulp", "Gesprekken met een verpleegkundige of psycholoog.", ["topic-health"], ["group-sexworkers", "group-former"]),
            ]),
        new(Return, PartnerType.ReturnMigration, "IOM, terugkeer en herintegratie (benchmark)", "Hulp bij vrijwillige terugkeer naar het land van herkomst.", false,
            [new("Vrijwillige terugkeer", "Reis, documenten en een startbudget in het land van herkomst.", ["topic-return", "topic-residence"], ["group-eu-migrants", "group-undocumented"])]),
        new(Support, PartnerType.SupportPoint, "Veilig Thuis (benchmark)", "Advies- en meldpunt huiselijk geweld en kindermishandeling.", true,
            [new("Advies en melding huiselijk geweld", "Advies, melding en veiligheidsplan.", ["topic-violence", "topic-safety"], [])]),
        new(Housing, PartnerType.Other, "Woonstichting De Overstap (benchmark)", "Tijdelijke en begeleide woonruimte.", false,
            [
                new("Begeleid wonen", "Een kamer of studio met begeleiding, voor een jaar.", ["topic-housing"], ["group-former"]),
                new("Urgentieaanvraag", "Hulp bij een aanvraag voor urgentie op de woningmarkt.", ["topic-housing"], []),
            ]),
        new(Debt, PartnerType.Other, "Schuldhulp (benchmark)", "Schuldhulpverlening van de gemeente.", false,
            [new("Schuldhulpverlening", "Overzicht van schulden, budgetbeheer en een schuldregeling.", ["topic-money"], [])]),
        new(Work, PartnerType.JobCoaching, "Werkpunt (benchmark)", "Begeleiding naar werk en opleiding.", false,
            [
                new("Traject naar werk", "Een jobcoach zoekt samen naar werk dat past.", ["topic-work"], ["group-former"]),
                new("Taal en opleiding", "Taalles en een opleiding met behoud van uitkering.", ["topic-work"], []),
            ]),
    ];

    public const string Police = "police";
    public const string Trafficking = "trafficking";
    public const string Health = "health";
    public const string Return = "return";
    public const string Support = "support";
    public const string Housing = "housing";
    public const string Debt = "debt";
    public const string Work = "work";

    public Partner this[string key] => Partners.First(p => p.Key == key);

    public IEnumerable<Partner> Referring => Partners.Where(p => p.Referrer is not null);

    public static async Task<PartnerNetwork> CreateAsync(IServiceProvider services, BenchClock clock, DateTime at, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<BakenDbContext>();
        var audit = provider.GetRequiredService<AuditLog>();
        var accounts = provider.GetRequiredService<StaffAccounts>();
        var acting = new Acting(clock, provider.GetRequiredService<IHttpContextAccessor>());
        var beheerder = await db.Users.Where(u => u.Email == StaffGenerator.Email(Roles.Beheerder, 1, 1)).Select(u => new { u.Id, u.OrganisationId }).SingleAsync(cancellationToken);
        acting.As(beheerder.Id, beheerder.OrganisationId, Roles.Beheerder, at);

        var partners = new List<Partner>();
        var referrers = 0;
        foreach (var entry in Catalogue)
        {
            // Admin › Organisations › New.
            var organisation = new Organisation { Name = entry.Name, Kind = OrganisationKind.PartnerReferrer, CreatedAtUtc = at };
            db.Organisations.Add(organisation);
            audit.Record("OrganisationCreated", nameof(Organisation), organisation.Id, $"kind={organisation.Kind}");
            await db.SaveChangesAsync(cancellationToken);

            // Admin › Directory › New organisation, linked to it.
            var directory = new DirectoryOrganization { Name = string.Empty, Description = string.Empty, LastModifiedUtc = at };
            new OrganizationForm { Name = entry.Name, Description = entry.Description, PartnerType = entry.Type, OrganisationId = organisation.Id }.ApplyTo(directory);
            db.Add(directory);
            audit.Record("DirectoryOrganizationCreated", nameof(DirectoryOrganization), directory.Id, $"partnerType={directory.PartnerType}");
            await db.SaveChangesAsync(cancellationToken);

            // Admin › Directory › the organisation › New service, one per service.
            var serviceIds = new List<Guid>();
            foreach (var offered in entry.Services)
            {
                var form = new ServiceForm
                {
                    Name = offered.Name,
                    Description = offered.Description,
                    FeesDescription = "Gratis",
                    Topics = [.. offered.Topics],
                    Groups = [.. offered.Groups],
                    Languages = ["nl", "en"],
                };
                var service = new DirectoryService { OrganizationId = directory.Id, Name = string.Empty, LastModifiedUtc = at };
                form.ApplyTo(service);
                db.Add(service);
                await ServicePages.SaveSetsAsync(db, service.Id, form, cancellationToken);
                audit.Record("DirectoryServiceCreated", nameof(DirectoryService), service.Id, $"organization={directory.Id}");
                await db.SaveChangesAsync(cancellationToken);
                serviceIds.Add(service.Id);
            }

            Guid? referrer = entry.Refers
                ? await StaffGenerator.AccountAsync(accounts, Roles.Verwijzer, 0, ++referrers, organisation.Id, at, cancellationToken)
                : null;
            partners.Add(new Partner(entry.Key, entry.Type, entry.Name, organisation.Id, serviceIds, referrer));
        }

        acting.SignOut();
        return new PartnerNetwork(partners);
    }
}
