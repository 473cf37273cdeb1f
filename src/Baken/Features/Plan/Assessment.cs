using Baken.Features.Trajectories;
using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Plan;

/// <summary>
/// A dated snapshot of the client's self-reliance on every life domain, scored by a team member and, when the
/// client takes part, with the client's own scores beside it. Scores say how someone is doing (health,
/// sexuality), so they are stored encrypted, as one value per assessment.
/// </summary>
public sealed class Assessment
{
    public const string Table = "Assessments";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid TrajectoryId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly AssessedOn { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid ByUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public bool WithClient { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Scores by domain (<c>domainId:score;…</c>), encrypted.</summary>
    [Classified(DataClass.SpecialCategory, DataSubject.Client, Encrypted = true)]
    public required byte[] Scores { get; init; }

    /// <summary>The client's own scores, same form, when they gave them.</summary>
    [Classified(DataClass.SpecialCategory, DataSubject.Client, Encrypted = true)]
    public byte[]? ClientScores { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public byte[]? Note { get; init; }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable(Assessment.Table);
        builder.HasIndex(a => new { a.TrajectoryId, a.AssessedOn });
        builder.HasIndex(a => a.ClientId);
        builder.HasOne<Trajectory>().WithMany().HasForeignKey(a => a.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(a => a.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
