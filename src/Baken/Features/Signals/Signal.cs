using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Privacy;

namespace Baken.Features.Signals;

public enum SignalSource
{
    Outreach = 1,
    AdReview = 2,
    Partner = 3,
    AnonymousReport = 4,
    Staff = 5,
}

public enum SignalCategory
{
    Exploitation = 1,
    MinorOrGrooming = 2,
    Violence = 3,
    HealthRisk = 4,
    Other = 5,
}

/// <summary>How fast someone must respond; each level has a default deadline (see <see cref="SignalRules"/>).</summary>
public enum SignalUrgency
{
    Immediate = 1,
    High = 2,
    Normal = 3,
}

public enum SignalStatus
{
    New = 1,
    InTriage = 2,
    InProgress = 3,
    HandedOver = 4,
    Closed = 5,
}

public enum SignalCloseReason
{
    Resolved = 1,
    NoGrounds = 2,
    HandedOverAndDone = 3,
    Duplicate = 4,
    OutOfReach = 5,
    Other = 6,
}

/// <summary>
/// A signal of exploitation, grooming, violence or a health risk. The description is encrypted with the
/// signal's own data key (it may be about someone who is no client); the link to a client, when known, is a
/// pseudonymous id. Status changes are kept in <see cref="SignalEvent"/>; handovers in <see cref="SignalHandover"/>.
/// </summary>
[DataKeyOwner(nameof(Id))]
public sealed class Signal
{
    public const string Table = "Signals";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public SignalSource Source { get; set; }

    [Classified(DataClass.NotPersonal)]
    public SignalCategory Category { get; set; }

    [Classified(DataClass.NotPersonal)]
    public SignalUrgency Urgency { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime RespondByUtc { get; set; }

    [Classified(DataClass.NotPersonal)]
    public SignalStatus Status { get; set; } = SignalStatus.New;

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public required byte[] Description { get; set; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid? ClientId { get; set; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid RaisedByUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime RaisedAtUtc { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid? AssignedToUserId { get; set; }

    /// <summary>When triage started (for the time-to-triage figure).</summary>
    [Classified(DataClass.NotPersonal)]
    public DateTime? TriagedAtUtc { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? ClosedAtUtc { get; set; }

    [Classified(DataClass.NotPersonal)]
    public SignalCloseReason? CloseReason { get; set; }

    [Classified(DataClass.NotPersonal)]
    public int Version { get; set; }

    public bool IsOpen => Status != SignalStatus.Closed;
}

/// <summary>An indicator of the managed list (retire, never delete: signals point at them).</summary>
public sealed class SignalIndicator
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public required string Name { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? RetiredAtUtc { get; set; }
}

/// <summary>An indicator ticked on a signal.</summary>
public sealed class SignalIndicatorMark
{
    [Classified(DataClass.NotPersonal)]
    public Guid SignalId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid IndicatorId { get; init; }
}

public enum SignalEventKind
{
    Raised = 1,
    StatusChanged = 2,
    Assigned = 3,
    HandoverRequested = 4,
    HandoverApproved = 5,
    HandoverRefused = 6,
    Closed = 7,
    Reopened = 8,
    HandoverWithdrawn = 9,
}

/// <summary>One line of a signal's history: who did what, when, and the status after it.</summary>
[DataKeyOwner(nameof(SignalId))]
public sealed class SignalEvent
{
    public const string Table = "SignalEvents";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid SignalId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public SignalEventKind Kind { get; init; }

    [Classified(DataClass.NotPersonal)]
    public SignalStatus Status { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid ByUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime AtUtc { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid? AssignedToUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public SignalCloseReason? CloseReason { get; init; }

    /// <summary>An optional explanation (closing, refusing a handover), encrypted with the signal's key.</summary>
    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public byte[]? Note { get; init; }
}

/// <summary>What a handover may carry; the person requesting it picks, the approver sees exactly that.</summary>
[Flags]
public enum HandoverItems
{
    None = 0,
    Category = 1,
    Indicators = 2,
    Description = 4,
    Urgency = 8,
    ClientCode = 16,
}

public enum HandoverDecision
{
    Pending = 1,
    Approved = 2,
    Refused = 3,
    Withdrawn = 4,
}

/// <summary>
/// A handover of a signal to a partner (police, trafficking centre, another organisation). Takes effect only
/// when a second colleague approves (four eyes). <see cref="SharedText"/> is exactly what was passed on.
/// </summary>
[DataKeyOwner(nameof(SignalId))]
public sealed class SignalHandover
{
    public const string Table = "SignalHandovers";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid SignalId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid RecipientOrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public HandoverItems Items { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public required byte[] SharedText { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid RequestedByUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime RequestedAtUtc { get; init; }

    [Classified(DataClass.NotPersonal)]
    public HandoverDecision Decision { get; set; } = HandoverDecision.Pending;

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid? DecidedByUserId { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? DecidedAtUtc { get; set; }
}
