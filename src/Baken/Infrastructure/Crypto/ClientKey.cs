using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Infrastructure.Crypto;

/// <summary>
/// A client's own 256-bit data key, stored only wrapped (RFC 5649) with a key-encryption key that lives outside
/// the database. Deleting this row makes everything encrypted for the client unreadable: crypto-shredding.
/// </summary>
public sealed class ClientKey
{
    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int KeyVersion { get; set; } = 1;

    [Classified(DataClass.NotPersonal)]
    public int KekVersion { get; set; }

    [Classified(DataClass.Secret, DataSubject.Client)]
    public required byte[] WrappedKey { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>
    /// Changed by every unit of work that encrypts for the client and by every rekey; a concurrency token, so a
    /// rekey and a write that raced it cannot both be saved (see <c>ClientCrypto.GuardKeyVersion</c>).
    /// </summary>
    [Classified(DataClass.NotPersonal)]
    public Guid Stamp { get; set; } = Guid.NewGuid();
}

/// <summary>An installation-wide secret (such as the blind-index key), wrapped like client keys.</summary>
public sealed class InstallationSecret
{
    [Classified(DataClass.NotPersonal)]
    public required string Purpose { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int KekVersion { get; set; }

    [Classified(DataClass.Secret)]
    public required byte[] WrappedKey { get; set; }
}

/// <summary>
/// A keyed hash (HMAC-SHA256) of a normalised search value (alias, name, phone, e-mail) that belongs to a client,
/// so staff can find a client without any search term stored in the clear. Deleted with the client.
/// </summary>
public sealed class BlindIndexEntry
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public BlindIndexKind Kind { get; init; }

    [Classified(DataClass.Secret, DataSubject.Client)]
    public required byte[] Hash { get; init; }
}

public enum BlindIndexKind
{
    Alias = 1,
    Name = 2,
    Phone = 3,
    Email = 4,
    NameAndBirthDate = 5,

    /// <summary>A link or reference to an online ad: recognised again, never stored (see <c>AdReview</c>).</summary>
    AdReference = 6,
}

internal sealed class CryptoConfiguration :
    IEntityTypeConfiguration<ClientKey>, IEntityTypeConfiguration<InstallationSecret>, IEntityTypeConfiguration<BlindIndexEntry>
{
    public void Configure(EntityTypeBuilder<ClientKey> builder)
    {
        builder.ToTable("ClientKeys");
        builder.HasKey(k => k.ClientId);
        builder.Property(k => k.Stamp).IsConcurrencyToken();
        builder.Property(k => k.WrappedKey).HasMaxLength(64);
        builder.HasIndex(k => k.KekVersion);
    }

    public void Configure(EntityTypeBuilder<InstallationSecret> builder)
    {
        builder.ToTable("InstallationSecrets");
        builder.HasKey(s => s.Purpose);
        builder.Property(s => s.Purpose).HasMaxLength(64);
        builder.Property(s => s.WrappedKey).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<BlindIndexEntry> builder)
    {
        builder.ToTable("BlindIndex");
        builder.Property(e => e.Hash).HasMaxLength(32);
        builder.HasIndex(e => new { e.Kind, e.Hash });
        builder.HasIndex(e => e.ClientId);
    }
}
