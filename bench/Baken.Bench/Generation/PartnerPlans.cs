using Baken.Features.Intake;
using Baken.Features.Referrals;
using Baken.Features.Signals;

namespace Baken.Bench.Generation;

/// <summary>
/// A referral in that became the client's first trajectory: the partner's Verwijzer sent it to the region's care
/// provider at <see cref="ReceivedAtUtc"/> (on the form, or from the partner's system), and the case manager took it
/// on when the trajectory starts.
/// </summary>
public sealed record IntakeArrival(string Partner, IntakeSource Source, IntakeContactChannel Channel, string Language, string Reason, string? Reference, DateTime ReceivedAtUtc);

/// <summary>The client's consent to share with a partner, recorded on the consent page before the first referral there.</summary>
public sealed record ConsentRecorded(DateTime AtUtc, string Partner);

/// <summary>A referral out to one of a partner's services; <see cref="Number"/> names it for the status changes that follow.</summary>
public sealed record ReferralSent(DateTime AtUtc, int Number, string Partner, int Service, SharedItem Items, string Question) : Step(AtUtc);

/// <summary>The partner's answer, recorded by the case manager at <see cref="Step.AtUtc"/> for the day it came (<see cref="On"/>).</summary>
public sealed record ReferralMoved(DateTime AtUtc, int Number, ReferralStatus To, DateOnly On, string? Feedback) : Step(AtUtc);

/// <summary>
/// A signal and what happens to it, in the organisation of whoever raised it (the information centre for outreach
/// workers, the care provider for case managers). <see cref="ClientNumber"/> is the replay order of the client
/// it is about, when a case manager raised it about one of their own clients.
/// </summary>
public sealed record SignalPlan(
    Guid OrganisationId,
    Guid RaisedBy,
    string RaiserRole,
    DateTime RaisedAtUtc,
    SignalSource Source,
    SignalCategory Category,
    SignalUrgency Urgency,
    IReadOnlyList<Guid> Indicators,
    string Description,
    int? ClientNumber,
    IReadOnlyList<SignalStep> Steps);

/// <summary>One later step on a signal, by <see cref="By"/> acting in <see cref="Role"/>.</summary>
public abstract record SignalStep(DateTime AtUtc, Guid By, string Role);

public sealed record SignalStatusSet(DateTime AtUtc, Guid By, string Role, SignalStatus To) : SignalStep(AtUtc, By, Role);

public sealed record SignalAssigned(DateTime AtUtc, Guid By, string Role, Guid Assignee) : SignalStep(AtUtc, By, Role);

/// <summary>A handover asked for, with the parts that go along and an optional note; decided by a second colleague.</summary>
public sealed record SignalHandoverAsked(DateTime AtUtc, Guid By, string Role, string Partner, HandoverItems Items, string? Note) : SignalStep(AtUtc, By, Role);

public sealed record SignalHandoverDecided(DateTime AtUtc, Guid By, string Role, bool Approve, string? Note) : SignalStep(AtUtc, By, Role);

public sealed record SignalClosed(DateTime AtUtc, Guid By, string Role, SignalCloseReason Reason, string? Note) : SignalStep(AtUtc, By, Role);

/// <summary>A referral in that the care provider did not take on (or has not decided on yet, when <see cref="DecidedBy"/> is null).</summary>
public sealed record DeclinedIntake(
    Guid OrganisationId,
    string Partner,
    IntakeSource Source,
    IntakeContactChannel Channel,
    string Language,
    string? Alias,
    string? ContactDetails,
    string Reason,
    string? Reference,
    DateTime ReceivedAtUtc,
    Guid? DecidedBy,
    string? DeciderRole,
    DateTime? DecidedAtUtc,
    string? Note);
