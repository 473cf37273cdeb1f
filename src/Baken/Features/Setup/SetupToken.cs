namespace Baken.Features.Setup;

/// <summary>A one-time first-run token; only its SHA-256 hash is stored.</summary>
public sealed class SetupToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required byte[] TokenHash { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? UsedAtUtc { get; set; }
}
