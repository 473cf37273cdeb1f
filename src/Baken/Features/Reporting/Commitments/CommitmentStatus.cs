namespace Baken.Features.Reporting.Commitments;

/// <summary>
/// Where a commitment to the council stands. The council, not the municipality, decides that a commitment is done:
/// the answer letter proposes it (<see cref="ProposedFulfilled"/>), the council's agreement makes it <see cref="Fulfilled"/>.
/// </summary>
public enum CommitmentStatus
{
    Open = 1,
    InProgress = 2,
    ProposedFulfilled = 3,
    Fulfilled = 4,
}
