using Baken.Features.Clients;
using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Trajectories;

/// <summary>
/// An exit programme or support trajectory of a client. Workflow facts (type, state, route, dates) are plain;
/// what says something about the person (victimhood, gender identity, motive, migration, languages, the
/// evaluation) is encrypted with the client's key. See <see cref="TrajectoryRecords"/>.
/// </summary>
public sealed class Trajectory
{
    public const string Table = "Trajectories";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    /// <summary>The organisation that runs the trajectory (its team lead oversees it).</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public TrajectoryType Type { get; init; }

    [Classified(DataClass.NotPersonal)]
    public TrajectoryState State { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime StateChangedAtUtc { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? ClosedAtUtc { get; set; }

    [Classified(DataClass.NotPersonal)]
    public ReferralRoute? ReferralRoute { get; set; }

    [Classified(DataClass.NotPersonal)]
    public Guid? ReferringOrganisationId { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly? ReferralDate { get; set; }

    [Classified(DataClass.NotPersonal)]
    public bool HousingNeed { get; set; }

    /// <summary>A required role is missing from the team: kept plain (it does not say which) so lists can filter on it.</summary>
    [Classified(DataClass.NotPersonal)]
    public bool TeamIncomplete { get; set; }

    [Classified(DataClass.SpecialCategory, DataSubject.Client, Encrypted = true)]
    public byte[]? VictimStatus { get; set; }

    [Classified(DataClass.SpecialCategory, DataSubject.Client, Encrypted = true)]
    public byte[]? GenderIdentity { get; set; }

    [Classified(DataClass.SpecialCategory, DataSubject.Client, Encrypted = true)]
    public byte[]? GenderSelfDescription { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? Languages { get; set; }

    [Classified(DataClass.SpecialCategory, DataSubject.Client, Encrypted = true)]
    public byte[]? Motive { get; set; }

    [Classified(DataClass.SpecialCategory, DataSubject.Client, Encrypted = true)]
    public byte[]? MigrationSituation { get; set; }

    [Classified(DataClass.NotPersonal)]
    public ClosureOutcome? Outcome { get; set; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public byte[]? Evaluation { get; set; }

    /// <summary>Optimistic concurrency: every change raises it; a save based on an older version is refused.</summary>
    [Classified(DataClass.NotPersonal)]
    public int Version { get; set; }

    public bool IsOpen => State is not (TrajectoryState.Closed or TrajectoryState.DroppedOut);
}

/// <summary>One change of state: when, by whom, from what to what, with an optional note (encrypted).</summary>
public sealed class TrajectoryTransition
{
    public const string Table = "TrajectoryTransitions";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid TrajectoryId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public TrajectoryState? From { get; init; }

    [Classified(DataClass.NotPersonal)]
    public TrajectoryState To { get; init; }

    /// <summary>The outcome recorded with a closure.</summary>
    [Classified(DataClass.NotPersonal)]
    public ClosureOutcome? Outcome { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime AtUtc { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid ByUserId { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public byte[]? Note { get; init; }
}

internal sealed class TrajectoryConfiguration : IEntityTypeConfiguration<Trajectory>, IEntityTypeConfiguration<TrajectoryTransition>
{
    public void Configure(EntityTypeBuilder<Trajectory> builder)
    {
        builder.ToTable(Trajectory.Table);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.ClientId, t.Type, t.State });

        // One open trajectory per type per client, also when two colleagues start one at the same moment.
        builder.HasIndex(t => new { t.ClientId, t.Type }).IsUnique().HasFilter("\"State\" IN (1, 2, 3, 4)").HasDatabaseName("IX_Trajectories_OneOpenPerType");
        builder.HasIndex(t => new { t.OrganisationId, t.State });

        // The team lead's list: the organisation's open trajectories, longest in their state first, read in index
        // order, so a page of 25 stops after 25 entries however many trajectories the organisation has.
        builder.HasIndex(t => new { t.OrganisationId, t.StateChangedAtUtc, t.Id }).HasFilter("\"State\" IN (1, 2, 3, 4)").HasDatabaseName("IX_Trajectories_OpenByOrganisation");
        builder.HasOne<Client>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(t => t.ReferringOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.IsOpen);
    }

    public void Configure(EntityTypeBuilder<TrajectoryTransition> builder)
    {
        builder.ToTable(TrajectoryTransition.Table);
        builder.HasIndex(t => new { t.TrajectoryId, t.AtUtc });
        builder.HasIndex(t => t.ClientId);
        builder.HasOne<Trajectory>().WithMany().HasForeignKey(t => t.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(t => t.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
