using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Infrastructure.ProcessingLog;

/// <summary>
/// One processing action about one data subject (after the Dutch standard Logboek Dataverwerkingen). Append-only:
/// each entry carries the hash of the previous one, so any change, removal or reordering breaks the chain.
/// Sequence, hashes and times are set by <see cref="ProcessingLogChain"/> when the entry is saved.
/// </summary>
public sealed class ProcessingLogEntry
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public long Sequence { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string TraceId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string SpanId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string Action { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime StartedAtUtc { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime EndedAtUtc { get; set; }

    [Classified(DataClass.NotPersonal)]
    public ProcessingStatus Status { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid ProcessingActivityId { get; init; }

    /// <summary>Pseudonymous id of the data subject (a client id), never a name.</summary>
    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid SubjectId { get; init; }

    /// <summary>Who acted, kept in its own table so an export to the data subject can leave staff out.</summary>
    public ProcessingLogActor Actor { get; init; } = new();

    [Classified(DataClass.Secret)]
    public required string PreviousHash { get; set; }

    [Classified(DataClass.Secret)]
    public required string Hash { get; set; }
}

public enum ProcessingStatus
{
    Succeeded = 1,
    Denied = 2,
    Failed = 3,
}

public sealed class ProcessingLogActor
{
    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid? UserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid? OrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public string? Roles { get; init; }
}

/// <summary>The signed head of the chain: the last sequence and hash, signed at every write.</summary>
public sealed class ProcessingLogHead
{
    public const int SingletonId = 1;

    [Classified(DataClass.NotPersonal)]
    public int Id { get; init; } = SingletonId;

    [Classified(DataClass.NotPersonal)]
    public long LastSequence { get; set; }

    [Classified(DataClass.Secret)]
    public required string LastHash { get; set; }

    [Classified(DataClass.Secret)]
    public required string Signature { get; set; }

    /// <summary>Bumped first in every write transaction: taking the row lock serialises writers on both databases.</summary>
    [Classified(DataClass.NotPersonal)]
    public long Writes { get; set; }
}

/// <summary>A signed head kept for history, every <see cref="ProcessingLogChain.CheckpointInterval"/> entries.</summary>
public sealed class ProcessingLogCheckpoint
{
    [Classified(DataClass.NotPersonal)]
    public long Sequence { get; init; }

    [Classified(DataClass.Secret)]
    public required string Hash { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime SignedAtUtc { get; init; }

    [Classified(DataClass.Secret)]
    public required string Signature { get; init; }
}

internal sealed class ProcessingLogConfiguration :
    IEntityTypeConfiguration<ProcessingLogEntry>, IEntityTypeConfiguration<ProcessingLogHead>, IEntityTypeConfiguration<ProcessingLogCheckpoint>
{
    public void Configure(EntityTypeBuilder<ProcessingLogEntry> builder)
    {
        builder.ToTable("ProcessingLogEntries");
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.Property(e => e.TraceId).HasMaxLength(32);
        builder.Property(e => e.SpanId).HasMaxLength(16);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => new { e.SubjectId, e.Sequence });
        builder.HasOne<ProcessingActivity>().WithMany().HasForeignKey(e => e.ProcessingActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(e => e.Actor, actor =>
        {
            actor.ToTable("ProcessingLogActors");
            actor.Property(a => a.Roles).HasMaxLength(300);
        });
        builder.Navigation(e => e.Actor).IsRequired();
    }

    public void Configure(EntityTypeBuilder<ProcessingLogHead> builder)
    {
        builder.ToTable("ProcessingLogHead");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(64);
        builder.Property(h => h.Signature).HasMaxLength(200);
        builder.HasData(new ProcessingLogHead { LastSequence = 0, LastHash = LogHash.Genesis, Signature = string.Empty });
    }

    public void Configure(EntityTypeBuilder<ProcessingLogCheckpoint> builder)
    {
        builder.ToTable("ProcessingLogCheckpoints");
        builder.HasKey(c => c.Sequence);
        builder.Property(c => c.Sequence).ValueGeneratedNever();
        builder.Property(c => c.Hash).HasMaxLength(64);
        builder.Property(c => c.Signature).HasMaxLength(200);
    }
}
