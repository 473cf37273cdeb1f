using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Reporting.Commitments;

internal sealed class CouncilCommitmentConfiguration :
    IEntityTypeConfiguration<CouncilCommitment>, IEntityTypeConfiguration<CouncilCommitmentChange>
{
    public void Configure(EntityTypeBuilder<CouncilCommitment> builder)
    {
        builder.ToTable(CouncilCommitment.Table);
        builder.Property(c => c.Number).HasMaxLength(CommitmentRules.NumberMaxLength);
        builder.Property(c => c.Title).HasMaxLength(CommitmentRules.TitleMaxLength);
        builder.Property(c => c.Meeting).HasMaxLength(CommitmentRules.MeetingMaxLength);
        builder.Property(c => c.PortfolioHolder).HasMaxLength(CommitmentRules.PortfolioHolderMaxLength);
        builder.Property(c => c.Description).HasMaxLength(CommitmentRules.DescriptionMaxLength);
        builder.Property(c => c.LinkedPeriod).HasMaxLength(10);
        builder.Property(c => c.AnswerLetterReference).HasMaxLength(CommitmentRules.LetterReferenceMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.Status);
    }

    public void Configure(EntityTypeBuilder<CouncilCommitmentChange> builder)
    {
        builder.ToTable(CouncilCommitmentChange.Table);
        builder.Property(c => c.Note).HasMaxLength(CommitmentRules.NoteMaxLength);
        builder.HasIndex(c => new { c.CommitmentId, c.AtUtc });
        builder.HasIndex(c => c.ByUserId);
        builder.HasOne<CouncilCommitment>().WithMany().HasForeignKey(c => c.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(c => c.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
