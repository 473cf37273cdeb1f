using Baken.Infrastructure.Privacy;

namespace Baken.Infrastructure.Audit;

/// <summary>
/// Who did what to which staff-side record, and when. Details hold identifiers and role or field names only,
/// never a person's name, e-mail or free text.
/// </summary>
public sealed class AuditEvent
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public DateTime OccurredAtUtc { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid? ActorUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid? ActorOrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string Action { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string TargetType { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid? TargetId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public string? Details { get; init; }

    [Classified(DataClass.NotPersonal)]
    public string? TraceId { get; init; }
}
