using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.ServiceDirectory;

/// <summary>
/// Directory text in another language than Dutch (the language it is written in): one row per entity, field
/// and language, e.g. a service's description in English. The portal shows the visitor's language, else English
/// marked "not yet translated", else the Dutch original.
/// </summary>
public sealed class DirectoryTranslation
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The id of the organization, service or location the text belongs to.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid EntityId { get; init; }

    /// <summary>The property translated, e.g. "Name" or "Description".</summary>
    [Classified(DataClass.NotPersonal)]
    public required string Field { get; init; }

    /// <summary>Two-letter language code, e.g. "en".</summary>
    [Classified(DataClass.NotPersonal)]
    public required string Language { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string Text { get; set; }
}

/// <summary>
/// Which kind of partner a directory organisation is, for referrals: it decides the minimal data set that goes
/// along by default, and the figures group referrals by it.
/// </summary>
public enum PartnerType
{
    Other = 0,
    ReturnMigration = 1,
    SupportPoint = 2,
    PublicHealth = 3,
    ChatService = 4,
    JobCoaching = 5,
    Police = 6,
    TraffickingCentre = 7,
    CareProvider = 8,
    InfoCentre = 9,
}

internal sealed class DirectoryTranslationConfiguration : IEntityTypeConfiguration<DirectoryTranslation>
{
    public void Configure(EntityTypeBuilder<DirectoryTranslation> builder)
    {
        builder.ToTable("DirectoryTranslations");
        builder.Property(t => t.Field).HasMaxLength(40);
        builder.Property(t => t.Language).HasMaxLength(8);
        builder.Property(t => t.Text).HasMaxLength(4000);
        builder.HasIndex(t => new { t.EntityId, t.Field, t.Language }).IsUnique();
        builder.HasIndex(t => t.Language);
    }
}
