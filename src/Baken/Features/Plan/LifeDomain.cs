using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Plan;

/// <summary>
/// A life domain of the plan (huisvesting, financiën, …). A managed list: an administrator adds, renames and
/// retires domains; assessments and goals keep pointing at the domain, so history stays readable.
/// </summary>
public sealed class LifeDomain
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public required string Name { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Description { get; set; }

    [Classified(DataClass.NotPersonal)]
    public int SortOrder { get; set; }

    /// <summary>Retired domains are no longer offered for new assessments and goals, but stay in the history.</summary>
    [Classified(DataClass.NotPersonal)]
    public DateTime? RetiredAtUtc { get; set; }
}

/// <summary>One step of the 1–5 self-reliance scale, with a configurable label and description.</summary>
public sealed class ScaleLevel
{
    [Classified(DataClass.NotPersonal)]
    public int Score { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string Label { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string Description { get; set; }
}

/// <summary>The defaults Baken ships with: the nine domains of the council letter and our own wording of the scale.</summary>
public static class PlanDefaults
{
    public static readonly LifeDomain[] Domains =
    [
        Domain("0d000000-0000-7000-8000-000000000001", 1, "Huisvesting", "Een veilige, betaalbare en passende woonplek."),
        Domain("0d000000-0000-7000-8000-000000000002", 2, "Financiën", "Inkomen, schulden en omgaan met geld."),
        Domain("0d000000-0000-7000-8000-000000000003", 3, "Dagbesteding", "Werk, opleiding, vrijwilligerswerk of een andere zinvolle daginvulling."),
        Domain("0d000000-0000-7000-8000-000000000004", 4, "Sociaal functioneren", "Contacten, steun uit de omgeving, meedoen."),
        Domain("0d000000-0000-7000-8000-000000000005", 5, "Psychisch functioneren", "Hoe het mentaal gaat; omgaan met spanning en ervaringen."),
        Domain("0d000000-0000-7000-8000-000000000006", 6, "Lichamelijk functioneren", "Gezondheid en toegang tot zorg."),
        Domain("0d000000-0000-7000-8000-000000000007", 7, "Praktisch functioneren", "Zaken regelen: post, instanties, documenten, vervoer."),
        Domain("0d000000-0000-7000-8000-000000000008", 8, "Seksualiteit", "Seksuele gezondheid, grenzen en wensen."),
        Domain("0d000000-0000-7000-8000-000000000009", 9, "Zingeving", "Wat het leven betekenis en richting geeft."),
    ];

    public static readonly ScaleLevel[] Scale =
    [
        new() { Score = 1, Label = "Acute problemen", Description = "Er is direct hulp nodig; de situatie is onveilig of onhoudbaar." },
        new() { Score = 2, Label = "Niet zelfredzaam", Description = "Het lukt niet zonder veel hulp; de problemen zijn groot." },
        new() { Score = 3, Label = "Beperkt zelfredzaam", Description = "Met steun gaat het; zonder hulp is de situatie kwetsbaar." },
        new() { Score = 4, Label = "Voldoende zelfredzaam", Description = "Het gaat grotendeels zelfstandig; af en toe steun helpt." },
        new() { Score = 5, Label = "Volledig zelfredzaam", Description = "Het gaat zelfstandig en stabiel." },
    ];

    private static LifeDomain Domain(string id, int order, string name, string description) =>
        new() { Id = new Guid(id), SortOrder = order, Name = name, Description = description };
}

internal sealed class LifeDomainConfiguration : IEntityTypeConfiguration<LifeDomain>, IEntityTypeConfiguration<ScaleLevel>
{
    public void Configure(EntityTypeBuilder<LifeDomain> builder)
    {
        builder.ToTable("LifeDomains");
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.Description).HasMaxLength(500);
        builder.HasData(PlanDefaults.Domains);
    }

    public void Configure(EntityTypeBuilder<ScaleLevel> builder)
    {
        builder.ToTable("ScaleLevels");
        builder.HasKey(s => s.Score);
        builder.Property(s => s.Score).ValueGeneratedNever();
        builder.Property(s => s.Label).HasMaxLength(60);
        builder.Property(s => s.Description).HasMaxLength(300);
        builder.HasData(PlanDefaults.Scale);
    }
}
