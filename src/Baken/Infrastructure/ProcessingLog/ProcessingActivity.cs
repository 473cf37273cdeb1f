using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Infrastructure.ProcessingLog;

/// <summary>
/// One line of the register of processing activities (AVG art. 30): why Baken processes personal data, on what
/// legal basis, which data about whom, how long, shared with whom. Versioned: a change adds a new version,
/// so old log entries keep pointing at the text that applied then.
/// </summary>
public sealed class ProcessingActivity
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string Code { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int Version { get; init; } = 1;

    [Classified(DataClass.NotPersonal)]
    public required string Name { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string Purpose { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string LegalBasis { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string DataCategories { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string SubjectCategories { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string Retention { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string Recipients { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime ValidFromUtc { get; init; }
}

internal sealed class ProcessingActivityConfiguration : IEntityTypeConfiguration<ProcessingActivity>
{
    public void Configure(EntityTypeBuilder<ProcessingActivity> builder)
    {
        builder.ToTable("ProcessingActivities");
        builder.Property(a => a.Code).HasMaxLength(64);
        builder.HasIndex(a => new { a.Code, a.Version }).IsUnique();
        foreach (var property in new[] { "Name", "Purpose", "LegalBasis", "DataCategories", "SubjectCategories", "Retention", "Recipients" })
        {
            builder.Property(property).HasMaxLength(1000);
        }

        builder.HasData(ProcessingActivities.Register);
    }
}

/// <summary>The activities Baken ships with (example wording, for the municipality's privacy officer to confirm).</summary>
public static class ProcessingActivities
{
    public const string CaseManagement = "case-management";
    public const string Referral = "referral";
    public const string Statistics = "statistics";
    public const string Signals = "signals";
    public const string AnonymousContact = "anonymous-contact";

    private static readonly DateTime Shipped = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);

    public static readonly ProcessingActivity[] Register =
    [
        new()
        {
            Id = new Guid("7a1c0000-0000-7000-8000-000000000001"), Code = CaseManagement, Name = "Cliëntbegeleiding en uitstaptrajecten",
            Purpose = "Ondersteuning van sekswerkers en begeleiding bij uitstappen, op verzoek van de cliënt.",
            LegalBasis = "Toestemming (AVG art. 6 lid 1a, art. 9 lid 2a); taak van algemeen belang (art. 6 lid 1e)",
            DataCategories = "Identificerende gegevens naar keuze van de cliënt; gezondheid, seksleven, migratiestatus, slachtofferschap",
            SubjectCategories = "Cliënten (sekswerkers en ex-sekswerkers)", Retention = "Voorbeeld: 2 jaar na afsluiten van het laatste traject",
            Recipients = "Leden van het zorgteam van de cliënt", ValidFromUtc = Shipped,
        },
        new()
        {
            Id = new Guid("7a1c0000-0000-7000-8000-000000000002"), Code = Referral, Name = "Verwijzing binnen het regionale netwerk",
            Purpose = "Een cliënt doorverwijzen naar of aannemen van een partnerorganisatie.",
            LegalBasis = "Toestemming van de cliënt (AVG art. 6 lid 1a, art. 9 lid 2a); vitaal belang (art. 6 lid 1d)",
            DataCategories = "Gegevens die voor de verwijzing nodig zijn", SubjectCategories = "Cliënten",
            Retention = "Voorbeeld: gelijk aan het dossier", Recipients = "De genoemde partnerorganisatie", ValidFromUtc = Shipped,
        },
        new()
        {
            Id = new Guid("7a1c0000-0000-7000-8000-000000000003"), Code = Statistics, Name = "Geanonimiseerde cijfers voor de gemeente",
            Purpose = "Verantwoording aan de gemeenteraad met tellingen zonder herleidbare personen.",
            LegalBasis = "Taak van algemeen belang (AVG art. 6 lid 1e); statistiek (art. 89)",
            DataCategories = "Tellingen, geen persoonsgegevens", SubjectCategories = "Cliënten (alleen geteld)",
            Retention = "Voorbeeld: 10 jaar", Recipients = "Gemeente (beleidsmedewerkers)", ValidFromUtc = Shipped,
        },
        new()
        {
            Id = new Guid("7a1c0000-0000-7000-8000-000000000004"), Code = Signals, Name = "Signalen van uitbuiting, mensenhandel en grooming",
            Purpose = "Signalen vastleggen, beoordelen en zo nodig met een tweede collega overdragen aan politie of een partner.",
            LegalBasis = "Taak van algemeen belang (AVG art. 6 lid 1e); vitaal belang (art. 6 lid 1d); zwaarwegend algemeen belang (art. 9 lid 2g)",
            DataCategories = "Omschrijving van de situatie, indicatoren, eventueel koppeling aan een cliënt",
            SubjectCategories = "Mogelijke slachtoffers, ook wie geen cliënt is", Retention = "Voorbeeld: 2 jaar na afsluiten van het signaal",
            Recipients = "Zorgcoördinator mensenhandel; bij overdracht de genoemde partner", ValidFromUtc = Shipped,
        },
        new()
        {
            Id = new Guid("7a1c0000-0000-7000-8000-000000000005"), Code = AnonymousContact, Name = "Anonieme vragen en meldingen",
            Purpose = "Iemand zonder account een vraag laten stellen of een zorg laten melden, en antwoorden via een ontvangstcode.",
            LegalBasis = "Toestemming (AVG art. 6 lid 1a, art. 9 lid 2a)",
            DataCategories = "Wat de melder zelf schrijft; geen IP-adres, browsergegevens of code",
            SubjectCategories = "Melders en wie zij noemen", Retention = "90 dagen na afsluiten (instelbaar)",
            Recipients = "Het team dat het anonieme kanaal beantwoordt", ValidFromUtc = Shipped,
        },
    ];
}
