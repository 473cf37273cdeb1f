using Baken.Infrastructure.Privacy;

namespace Baken.Features.Setup;

/// <summary>A one-time first-run token; only its SHA-256 hash is stored.</summary>
public sealed class SetupToken
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.Secret)]
    public required byte[] TokenHash { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? UsedAtUtc { get; set; }
}
