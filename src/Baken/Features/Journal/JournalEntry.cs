using Baken.Features.Trajectories;
using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Journal;

public enum ContactKind
{
    FaceToFace = 1,
    Phone = 2,
    Chat = 3,
    Outreach = 4,
    HomeVisit = 5,
    Other = 6,
    Note = 7,
}

public enum JournalVisibility
{
    /// <summary>Everyone on the trajectory's team.</summary>
    Team = 1,

    /// <summary>Only the author and the trajectory's case manager (for example the trafficking coordinator's notes).</summary>
    CaseManagerAndAuthor = 2,
}

/// <summary>A contact moment or note in a trajectory's journal; the text is encrypted with the client's key.</summary>
public sealed class JournalEntry
{
    public const string Table = "JournalEntries";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid TrajectoryId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public ContactKind Kind { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime OccurredAtUtc { get; set; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid AuthorUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public JournalVisibility Visibility { get; set; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public required byte[] Text { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>1 for a new entry, raised by every edit; earlier versions are kept in <see cref="JournalEntryVersion"/>.</summary>
    [Classified(DataClass.NotPersonal)]
    public int Version { get; set; } = 1;

    [Classified(DataClass.NotPersonal)]
    public DateTime? EditedAtUtc { get; set; }
}

/// <summary>What an entry said before an edit: edits never lose the earlier text.</summary>
public sealed class JournalEntryVersion
{
    public const string Table = "JournalEntryVersions";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid EntryId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int Version { get; init; }

    [Classified(DataClass.NotPersonal)]
    public ContactKind Kind { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime OccurredAtUtc { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public required byte[] Text { get; init; }

    /// <summary>When this version was replaced, and by whom.</summary>
    [Classified(DataClass.NotPersonal)]
    public DateTime ReplacedAtUtc { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid ReplacedByUserId { get; init; }
}

internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalEntry>, IEntityTypeConfiguration<JournalEntryVersion>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable(JournalEntry.Table);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.TrajectoryId, e.OccurredAtUtc });
        builder.HasIndex(e => e.ClientId);
        builder.HasOne<Trajectory>().WithMany().HasForeignKey(e => e.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(e => e.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<JournalEntryVersion> builder)
    {
        builder.ToTable(JournalEntryVersion.Table);
        builder.HasIndex(v => new { v.EntryId, v.Version });
        builder.HasIndex(v => v.ClientId);
        builder.HasOne<JournalEntry>().WithMany().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
