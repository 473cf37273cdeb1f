using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Plan;

public enum GoalStatus
{
    Open = 1,
    Achieved = 2,
    NotAchieved = 3,
    Dropped = 4,
}

/// <summary>A goal in one life domain: what the client wants to reach, who in the team carries it, by when.</summary>
public sealed class Goal
{
    public const string Table = "Goals";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid TrajectoryId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid DomainId { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public required byte[] Text { get; set; }

    [Classified(DataClass.NotPersonal)]
    public TeamRole? OwnerRole { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly? TargetDate { get; set; }

    [Classified(DataClass.NotPersonal)]
    public GoalStatus Status { get; set; } = GoalStatus.Open;

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid CreatedByUserId { get; init; }

    /// <summary>Optimistic concurrency: two colleagues editing the same goal never overwrite each other unseen.</summary>
    [Classified(DataClass.NotPersonal)]
    public int Version { get; set; }
}

/// <summary>A concrete step towards a goal.</summary>
public sealed class GoalAction
{
    public const string Table = "GoalActions";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid GoalId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public required byte[] Text { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly? DueDate { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? DoneAtUtc { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>, IEntityTypeConfiguration<GoalAction>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.ToTable(Goal.Table);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasIndex(g => new { g.TrajectoryId, g.DomainId });
        builder.HasIndex(g => g.ClientId);
        builder.HasOne<Trajectory>().WithMany().HasForeignKey(g => g.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LifeDomain>().WithMany().HasForeignKey(g => g.DomainId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(g => g.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<GoalAction> builder)
    {
        builder.ToTable(GoalAction.Table);
        builder.HasIndex(a => a.GoalId);
        builder.HasIndex(a => a.ClientId);
        builder.HasOne<Goal>().WithMany().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}
