using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Clients;

/// <summary>How identifiable a client has chosen to be. Every field is optional, even when identified.</summary>
public enum IdentityLevel
{
    /// <summary>Only the client code and, if they like, a self-chosen alias.</summary>
    Anonymous = 1,

    /// <summary>Alias plus one way to reach them that they choose.</summary>
    Pseudonymous = 2,

    /// <summary>Legal identity and contact details, as far as the client wants to give them.</summary>
    Identified = 3,
}

/// <summary>
/// A client. Everything personal is stored encrypted with the client's own key (see <c>ClientCrypto</c>);
/// the plain columns say nothing about who the client is.
/// </summary>
[Baken.Infrastructure.Crypto.DataKeyOwner(nameof(Id))]
public sealed class Client
{
    public const string Table = "Clients";

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>System-made, speakable code such as <c>BK-7F3K-Q9</c>: how staff refer to the client.</summary>
    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public required string Code { get; init; }

    [Classified(DataClass.NotPersonal)]
    public IdentityLevel Level { get; set; }

    /// <summary>The organisation whose intake queue the client is in until a care team takes over.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; set; }

    /// <summary>
    /// Since when nobody has been on the client's team, which puts the client in the organisation's intake queue;
    /// null while someone is. The records services that add and end memberships keep it, so the team lead's queue
    /// is an index lookup, not a search of every client of the organisation for a current member.
    /// </summary>
    [Classified(DataClass.NotPersonal)]
    public DateTime? WaitingSinceUtc { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Restriction of processing (AVG art. 18): frozen, readable by the case manager only, no changes, no sharing.</summary>
    [Classified(DataClass.NotPersonal)]
    public DateTime? RestrictedAtUtc { get; set; }

    /// <summary>The last change to the file; the retention period runs from here (see <c>Features/Retention</c>).</summary>
    [Classified(DataClass.NotPersonal)]
    public DateTime LastActivityAtUtc { get; set; }

    /// <summary>A case manager decided to keep the file longer than the retention period, until this date.</summary>
    [Classified(DataClass.NotPersonal)]
    public DateTime? KeepUntilUtc { get; set; }

    /// <summary>Why the file is kept longer; free text, so encrypted.</summary>
    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public byte[]? KeepReason { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? Alias { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? ContactChannel { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? ContactValue { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? LegalName { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? DateOfBirth { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? Bsn { get; set; }

    [Classified(DataClass.SpecialCategory, DataSubject.Client, Encrypted = true)]
    public byte[]? Nationality { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? Address { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? Phone { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? Email { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? Languages { get; set; }

    [Classified(DataClass.SpecialCategory, DataSubject.Client, Encrypted = true)]
    public byte[]? GenderIdentity { get; set; }
}

/// <summary>The part a member plays on a care team. Each matches the staff role of the same name.</summary>
public enum TeamRole
{
    Casemanager = 1,
    Jobcoach = 2,
    Zorgcoordinator = 3,
    Woonbegeleider = 4,
    Veldwerker = 5,
}

/// <summary>
/// Membership of a client's care team, with history (from / to): what gives a staff member access to a
/// client's file (see <see cref="ClientAccess"/>). A trajectory's team members carry the trajectory and their
/// role; a member without a trajectory was added to the client directly (the colleague who registered them).
/// </summary>
public sealed class ClientTeamMember
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid UserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid? TrajectoryId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public TeamRole? Role { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime FromUtc { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? ToUtc { get; set; }
}

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>, IEntityTypeConfiguration<ClientTeamMember>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable(Client.Table);
        builder.Property(c => c.Code).HasMaxLength(10);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => new { c.OrganisationId, c.CreatedAtUtc });
        builder.HasIndex(c => new { c.OrganisationId, c.WaitingSinceUtc });
        builder.HasIndex(c => c.LastActivityAtUtc);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ClientTeamMember> builder)
    {
        builder.ToTable("ClientTeamMembers");
        builder.HasIndex(m => new { m.UserId, m.ClientId });
        builder.HasIndex(m => m.ClientId);
        builder.HasIndex(m => new { m.TrajectoryId, m.ToUtc });
        builder.HasOne<Client>().WithMany().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Trajectories.Trajectory>().WithMany().HasForeignKey(m => m.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
