using Baken.Features.Trajectories;
using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Agenda;

/// <summary>An appointment with the client in a trajectory; where and what about is encrypted.</summary>
public sealed class Appointment
{
    public const string Table = "Appointments";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid TrajectoryId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime StartsAtUtc { get; init; }

    /// <summary>The team member who meets the client.</summary>
    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid WithUserId { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public byte[]? Description { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? CancelledAtUtc { get; set; }
}

/// <summary>A task in a trajectory for one team member, with a due date.</summary>
public sealed class FollowUpTask
{
    public const string Table = "FollowUpTasks";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid TrajectoryId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public required byte[] Text { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid OwnerUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly DueDate { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? DoneAtUtc { get; set; }
}

internal sealed class AgendaConfiguration : IEntityTypeConfiguration<Appointment>, IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable(Appointment.Table);
        builder.HasIndex(a => new { a.TrajectoryId, a.StartsAtUtc });
        builder.HasIndex(a => a.ClientId);
        builder.HasOne<Trajectory>().WithMany().HasForeignKey(a => a.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(a => a.WithUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FollowUpTask> builder)
    {
        builder.ToTable(FollowUpTask.Table);
        builder.HasIndex(t => new { t.TrajectoryId, t.DoneAtUtc, t.DueDate });
        builder.HasIndex(t => t.ClientId);
        builder.HasOne<Trajectory>().WithMany().HasForeignKey(t => t.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(t => t.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
