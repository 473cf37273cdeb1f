using Baken.Features.Clients;
using Baken.Features.ServiceDirectory;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Referrals;

public enum ReferralStatus
{
    Sent = 1,
    Accepted = 2,
    Declined = 3,
    Completed = 4,
}

/// <summary>The parts of a file that may go along with a referral; the worker ticks exactly which.</summary>
[Flags]
public enum SharedItem
{
    None = 0,
    Alias = 1,
    LegalName = 2,
    DateOfBirth = 4,
    ContactChannel = 8,
    Languages = 16,
    TrajectoryType = 32,
    Question = 64,
    HousingNeed = 128,
    MigrationSituation = 256,
    VictimStatus = 512,
}

/// <summary>
/// A referral out of a trajectory to a service in the directory. Made only with a valid consent (or a team
/// lead's override) towards the recipient organisation; what was shared is stored exactly as previewed, as the
/// letter text, encrypted with the client's key.
/// </summary>
public sealed class Referral
{
    public const string Table = "Referrals";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid TrajectoryId { get; init; }

    /// <summary>The organisation that referred (the trajectory's).</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid ServiceId { get; init; }

    /// <summary>The Baken organisation the consent was checked for (the directory organisation's link).</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid RecipientOrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public PartnerType RecipientType { get; init; }

    [Classified(DataClass.NotPersonal)]
    public SharedItem Shared { get; init; }

    /// <summary>The consent (or override) that allowed it.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid? ConsentId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public ReferralStatus Status { get; set; } = ReferralStatus.Sent;

    [Classified(DataClass.NotPersonal)]
    public DateTime SentAtUtc { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime StatusChangedAtUtc { get; set; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid ByUserId { get; init; }

    /// <summary>The text that was shared, exactly as previewed (the referral letter's body).</summary>
    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public required byte[] Letter { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int Version { get; set; }
}

/// <summary>One change of a referral's status, with the recipient's feedback when there is some (encrypted).</summary>
public sealed class ReferralStatusChange
{
    public const string Table = "ReferralStatusChanges";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid ReferralId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public ReferralStatus To { get; init; }

    /// <summary>The date it happened (may be earlier than when it was recorded).</summary>
    [Classified(DataClass.NotPersonal)]
    public DateOnly On { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime AtUtc { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid ByUserId { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public byte[]? Feedback { get; init; }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>, IEntityTypeConfiguration<ReferralStatusChange>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable(Referral.Table);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.TrajectoryId, r.SentAtUtc });
        builder.HasIndex(r => r.ClientId);
        builder.HasIndex(r => new { r.OrganisationId, r.SentAtUtc });
        builder.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Trajectory>().WithMany().HasForeignKey(r => r.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(r => r.RecipientOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(r => r.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ReferralStatusChange> builder)
    {
        builder.ToTable(ReferralStatusChange.Table);
        builder.HasIndex(c => new { c.ReferralId, c.AtUtc });
        builder.HasIndex(c => c.ClientId);
        builder.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(c => c.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
