using Baken.Features.Clients;
using Baken.Features.Journal;
using Baken.Features.Trajectories;

namespace Baken.Bench.Generation;

/// <summary>
/// What one generated client goes through: who they are, and their trajectories one after another. A client with
/// an <see cref="Arrival"/> came in through a partner's referral, taken on as the first trajectory
/// (<see cref="EventPlanner"/> adds it, as it adds consents and referrals to the trajectories' steps).
/// </summary>
public sealed record ClientHistory(
    Region Region,
    Guid CaseManager,
    DateTime RegisteredAtUtc,
    IdentityLevel Level,
    ClientIdentity Identity,
    IReadOnlyList<TrajectoryHistory> Trajectories)
{
    public IntakeArrival? Arrival { get; init; }
}

/// <summary>
/// One trajectory: its intake, its team, and every later step in time order. <see cref="Consents"/> are the
/// client's consents for the referrals the trajectory will make, recorded in the intake conversation at its start.
/// </summary>
public sealed record TrajectoryHistory(
    TrajectoryType Type,
    TrajectoryIntake Intake,
    DateTime StartedAtUtc,
    IReadOnlyList<(TeamRole Role, Guid UserId)> Team,
    IReadOnlyList<Step> Steps)
{
    public IReadOnlyList<ConsentRecorded> Consents { get; init; } = [];
}

/// <summary>A step replayed through the application's records at <see cref="AtUtc"/>.</summary>
public abstract record Step(DateTime AtUtc);

public sealed record Transition(DateTime AtUtc, TrajectoryState To, ClosureOutcome? Outcome) : Step(AtUtc);

public sealed record JournalNote(DateTime AtUtc, ContactKind Kind, JournalVisibility Visibility, string Text, Guid Author) : Step(AtUtc);

public sealed record AssessmentTaken(DateTime AtUtc, IReadOnlyDictionary<Guid, int> Scores, bool WithClient) : Step(AtUtc);

public sealed record GoalSet(DateTime AtUtc, Guid DomainId, string Text) : Step(AtUtc);
