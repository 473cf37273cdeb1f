namespace Baken.Infrastructure.Audit;

/// <summary>
/// Who did what to which staff-side record, and when. Details hold identifiers and role or field names only,
/// never a person's name, e-mail or free text.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTime OccurredAtUtc { get; init; }

    public Guid? ActorUserId { get; init; }

    public Guid? ActorOrganisationId { get; init; }

    public required string Action { get; init; }

    public required string TargetType { get; init; }

    public Guid? TargetId { get; init; }

    public string? Details { get; init; }

    public string? TraceId { get; init; }
}
