using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Infrastructure.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.TargetType).HasMaxLength(100);
        builder.Property(a => a.Details).HasMaxLength(1000);
        builder.Property(a => a.TraceId).HasMaxLength(32);
        builder.HasIndex(a => a.OccurredAtUtc);
        builder.HasIndex(a => new { a.TargetType, a.TargetId });
    }
}
