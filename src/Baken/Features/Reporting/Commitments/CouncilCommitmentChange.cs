using Baken.Infrastructure.Privacy;

namespace Baken.Features.Reporting.Commitments;

/// <summary>One status change of a commitment: who moved it from what to what, when, and why. Never changed afterwards.</summary>
public sealed class CouncilCommitmentChange
{
    public const string Table = "CouncilCommitmentChanges";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid CommitmentId { get; init; }

    /// <summary>Null for the registration itself.</summary>
    [Classified(DataClass.NotPersonal)]
    public CommitmentStatus? From { get; init; }

    [Classified(DataClass.NotPersonal)]
    public CommitmentStatus To { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime AtUtc { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid ByUserId { get; init; }

    /// <summary>A short explanation for colleagues and the council clerk; about the commitment, not about people.</summary>
    [Classified(DataClass.NotPersonal)]
    public string? Note { get; init; }
}
