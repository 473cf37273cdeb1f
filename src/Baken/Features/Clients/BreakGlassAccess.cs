using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Clients;

/// <summary>
/// Break-the-glass: a team lead opens a file outside their need-to-know, for a stated reason, for 60 minutes.
/// Logged, and shown on the file to the client's care team.
/// </summary>
public sealed class BreakGlassAccess
{
    public const string Table = "BreakGlassAccesses";
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(60);

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid UserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime StartedAtUtc { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime ExpiresAtUtc { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public required byte[] Reason { get; init; }
}

internal sealed class BreakGlassAccessConfiguration : IEntityTypeConfiguration<BreakGlassAccess>
{
    public void Configure(EntityTypeBuilder<BreakGlassAccess> builder)
    {
        builder.ToTable(BreakGlassAccess.Table);
        builder.HasIndex(b => new { b.UserId, b.ClientId, b.ExpiresAtUtc });
        builder.HasIndex(b => b.ClientId);
        builder.HasOne<Client>().WithMany().HasForeignKey(b => b.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
