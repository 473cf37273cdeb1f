using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Data;

namespace Baken.Features.Demo;

/// <summary>
/// The help network of the letter as example directory data: every name says "(voorbeeld)", web addresses are on
/// example.org and phone numbers are visibly fake, so nothing is mistaken for a real service.
/// </summary>
public sealed class DemoDirectory(BakenDbContext db, TimeProvider timeProvider)
{
    private const string FakePhone = "000 000 0000 (voorbeeldnummer)";

    public sealed record Links(Guid InfoCentre, Guid CareProvider, Guid Police, Guid TraffickingCentre);

    public async Task SeedAsync(Links links, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;

        DirectoryOrganization Organization(string name, string description, Guid? organisationId = null, string? site = null)
        {
            var organization = new DirectoryOrganization
            {
                Name = name + " (voorbeeld)",
                Description = description,
                OrganisationId = organisationId,
                IsExample = true,
                LastModifiedUtc = now,
                Website = site is null ? null : $"https://example.org/{site}",
                Email = site is null ? null : $"{site}@example.org",
            };
            db.Add(organization);
            db.Add(new DirectoryPhone { OrganizationId = organization.Id, Number = FakePhone, Description = "Algemeen nummer" });
            return organization;
        }

        DirectoryLocation Place(DirectoryOrganization organization, string name, string? street, bool confidential = false, string? url = null)
        {
            var location = new DirectoryLocation
            {
                OrganizationId = organization.Id,
                Name = name,
                IsConfidential = confidential,
                Type = url is null ? LocationType.Physical : LocationType.Virtual,
                Url = url,
                Address1 = street,
                PostalCode = street is null ? null : "1000 AA",
                City = street is null ? null : "Voorbeeldstad",
                Province = street is null ? null : "Voorbeeldprovincie",
            };
            db.Add(location);
            return location;
        }

        DirectoryService Service(DirectoryOrganization organization, string name, string description, DirectoryLocation? at, string[] terms, string[] languages,
            params (string Days, int From, int To, bool WalkIn, string? Note)[] hours)
        {
            var service = new DirectoryService { OrganizationId = organization.Id, Name = name, Description = description, LastModifiedUtc = now, FeesDescription = "Gratis" };
            db.Add(service);
            Guid? atId = null;
            if (at is not null)
            {
                var link = new DirectoryServiceAtLocation { ServiceId = service.Id, LocationId = at.Id };
                db.Add(link);
                atId = link.Id;
            }

            foreach (var (days, from, to, walkIn, note) in hours)
            {
                db.Add(new DirectorySchedule
                {
                    ServiceId = service.Id,
                    ServiceAtLocationId = atId,
                    ByDay = days,
                    OpensAt = new TimeOnly(from, 0),
                    ClosesAt = new TimeOnly(to, 0),
                    WalkIn = walkIn,
                    Description = note,
                });
            }

            foreach (var code in terms)
            {
                db.Add(new ServiceTerm { ServiceId = service.Id, TermId = DirectoryDefaults.Terms.Single(t => t.Code == code).Id });
            }

            foreach (var language in languages)
            {
                db.Add(new DirectoryLanguage { ServiceId = service.Id, Code = language, Name = LanguageName(language) });
            }

            db.Add(new DirectoryPhone { ServiceId = service.Id, Number = FakePhone });
            return service;
        }

        // English names and descriptions, for the portal in English (and as the fallback for other languages).
        void English(DirectoryService service, string name, string description)
        {
            db.Add(new DirectoryTranslation { EntityId = service.Id, Field = nameof(DirectoryService.Name), Language = "en", Text = name });
            db.Add(new DirectoryTranslation { EntityId = service.Id, Field = nameof(DirectoryService.Description), Language = "en", Text = description });
        }

        var info = Organization("Informatie- en servicecentrum", "Inloop, informatie en advies voor sekswerkers, zonder afspraak en anoniem als je wilt.", links.InfoCentre, "infocentrum");
        var infoDesk = Place(info, "Inlooppunt centrum", "Voorbeeldstraat 1");
        English(Service(info, "Inloopspreekuur", "Stel je vraag over regels, gezondheid, geld of stoppen. Je hoeft je naam niet te zeggen.", infoDesk,
            ["topic-rules", "topic-health", "topic-exit", "topic-money"], ["nl", "en", "ro", "es", "bg"],
            ("TU,TH", 13, 17, true, "Inloop, zonder afspraak"), ("SA", 11, 14, true, "Zaterdaginloop")),
            "Walk-in hours",
            "Ask your question about rules, health, money or stopping. You do not have to give your name.");

        English(Service(info, "Huiskamer in de avond", "Even zitten, koffie, een praatje en vragen stellen. Elke avond open, zonder afspraak.", infoDesk,
            ["topic-health", "topic-safety"], ["nl", "en", "ro", "es"], ("MO,TU,WE,TH,FR,SA,SU", 18, 0, true, "Elke avond inloop")),
            "Evening drop-in",
            "Sit down, have a coffee and a chat, and ask your questions. Open every evening, no appointment needed.");

        var specialist = Organization("Expertisecentrum seksualiteit, sekswerk en mensenhandel", "Maatschappelijk werk, het uitstapprogramma en opvang.", links.CareProvider, "expertisecentrum");
        var office = Place(specialist, "Kantoor expertisecentrum", "Voorbeeldplein 12");
        var shelter = Place(specialist, "Opvanglocatie", "Geheim adres 1", confidential: true);
        English(Service(specialist, "Maatschappelijk werk voor sekswerkers", "Hulp bij geld, wonen, papieren en veiligheid, op afspraak.", office,
            ["topic-money", "topic-housing", "topic-safety"], ["nl", "en"], ("MO,WE,FR", 9, 17, false, "Op afspraak")),
            "Social work for sex workers",
            "Help with money, housing, papers and safety, by appointment.");
        English(Service(specialist, "Uitstapprogramma", "Stoppen met sekswerk, met een casemanager en een plan voor werk, wonen en inkomen.", office,
            ["topic-exit", "topic-work", "topic-housing"], ["nl", "en", "ro"], ("MO,TU,WE,TH,FR", 9, 17, false, "Aanmelden kan ook anoniem via de website")),
            "Exit programme",
            "Stop doing sex work, with a case manager and a plan for work, housing and income.");
        English(Service(specialist, "Opvang", "Veilige opvang voor wie weg moet. Het adres is geheim; je komt via een hulpverlener.", shelter,
            ["topic-housing", "topic-violence"], ["nl", "en"]),
            "Shelter",
            "A safe place to stay for people who have to get away. The address is secret; a care worker takes you there.");

        var health = Organization("GGD", "Gezondheid en soa-testen, gratis en anoniem.", null, "ggd");
        var clinic = Place(health, "Centrum seksuele gezondheid", "Gezondheidslaan 3");
        English(Service(health, "Soa-spreekuur voor sekswerkers", "Gratis en anoniem testen en behandelen.", clinic,
            ["topic-health"], ["nl", "en", "es"], ("MO", 18, 20, true, "Inloop voor sekswerkers")),
            "STI clinic for sex workers",
            "Free and anonymous testing and treatment.");
        English(Service(health, "Avond voor jongens en mannen", "Spreekuur en ontmoeting voor jongens en mannen die seks verkopen.", clinic,
            ["topic-health", "group-men"], ["nl", "en"], ("WE", 19, 21, true, "Elke woensdagavond")),
            "Evening for boys and men",
            "Consultation and meeting for boys and men who sell sex.");

        var chat = Organization("Chatdienst geweld in afhankelijkheidsrelaties", "Anoniem chatten over geweld, dwang of uitbuiting.", null, "chat");
        English(Service(chat, "Chat", "Chat anoniem met een hulpverlener.", Place(chat, "Online chat", null, url: "https://example.org/chat"),
            ["topic-violence", "group-young", "group-victims"], ["nl", "en"], ("MO,TU,WE,TH,FR,SA,SU", 10, 22, true, "Chat zonder afspraak")),
            "Chat",
            "Chat anonymously with a care worker.");

        var iom = Organization("IOM", "Hulp bij vrijwillige terugkeer naar het land van herkomst.", null, "iom");
        English(Service(iom, "Terugkeer", "Advies en praktische hulp als je terug wilt naar je land.", Place(iom, "Kantoor IOM", "Migratieweg 5"),
            ["topic-return", "topic-residence"], ["nl", "en", "ro", "bg", "es", "pt"], ("TU,TH", 10, 16, false, "Op afspraak")),
            "Return",
            "Advice and practical help if you want to go back to your country.");

        var undocumented = Organization("Steunpunt ongedocumenteerden", "Advies en hulp voor mensen zonder verblijfsvergunning.", null, "steunpunt-ongedocumenteerden");
        English(Service(undocumented, "Spreekuur verblijf en rechten", "Vragen over verblijf, zorg en rechten.", Place(undocumented, "Steunpunt", "Hulpstraat 8"),
            ["topic-residence", "topic-legal", "group-undocumented"], ["nl", "en", "es", "pt"], ("WE", 13, 16, true, null)),
            "Residence and rights consultation",
            "Questions about residence, health care and your rights.");

        var eu = Organization("Steunpunt dakloze EU-migranten", "Hulp voor EU-migranten zonder vaste woonplek.", null, "steunpunt-eu");
        English(Service(eu, "Inloop EU-migranten", "Praktische hulp, slaapplek zoeken en werk.", Place(eu, "Inloophuis", "Opvangkade 2"),
            ["topic-housing", "topic-work", "group-eu-migrants"], ["nl", "en", "pl", "ro", "bg"], ("MO,TH", 9, 12, true, null)),
            "Walk-in for EU migrants",
            "Practical help, finding a place to sleep, and work.");

        var police = Organization("Politie, afdeling prostitutie en mensenhandel", "Toezicht en hulp bij uitbuiting. Bij gevaar: bel 112.", links.Police, "politie");
        English(Service(police, "Melding van uitbuiting", "Meld uitbuiting of mensenhandel, ook anoniem via Meld Misdaad Anoniem.", null,
            ["topic-violence", "topic-legal", "group-victims"], ["nl", "en"]),
            "Reporting exploitation",
            "Report exploitation or human trafficking, also anonymously through Meld Misdaad Anoniem.");

        var centre = Organization("Landelijk coördinatiecentrum mensenhandel", "Meldpunt en coördinatie van hulp aan slachtoffers van mensenhandel.", links.TraffickingCentre, "coordinatiecentrum");
        English(Service(centre, "Aanmelding slachtoffers", "Aanmelding en plaatsing in opvang voor slachtoffers van mensenhandel.", null,
            ["topic-violence", "group-victims"], ["nl", "en"]),
            "Registration of victims",
            "Registration and a place in a shelter for victims of human trafficking.");

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string LanguageName(string code) => code switch
    {
        "nl" => "Nederlands",
        "en" => "Engels",
        "ro" => "Roemeens",
        "es" => "Spaans",
        "bg" => "Bulgaars",
        "pl" => "Pools",
        "pt" => "Portugees",
        _ => code,
    };
}
