using Baken.Features.Outreach;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Privacy;

namespace Baken.Features.Reporting.Facts;

/// <summary>
/// One episode of a trajectory, for the figures (ADR 20): from its start (or reopening) to its closure. It holds
/// coarse categories only (age band, reporting gender, victim flag, route, outcome) and the client's statistics
/// key, never the trajectory or client id. A reopened trajectory gets a new episode, so a closure counted in a
/// published year stays counted.
/// </summary>
public sealed class TrajectoryFact
{
    public const string Table = "TrajectoryFacts";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The client's statistics key: counts distinct people without naming them (see <see cref="ClientStatisticsKey"/>).</summary>
    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid SubjectKey { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public TrajectoryType Type { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly StartedOn { get; init; }

    /// <summary>True for an episode that began with a reopening: not a new intake.</summary>
    [Classified(DataClass.NotPersonal)]
    public bool Reopened { get; init; }

    [Classified(DataClass.NotPersonal)]
    public ReferralRoute? Route { get; set; }

    [Classified(DataClass.NotPersonal)]
    public GenderIdentity? Gender { get; set; }

    [Classified(DataClass.NotPersonal)]
    public AgeBand AgeBand { get; set; }

    [Classified(DataClass.NotPersonal)]
    public VictimStatus? Victim { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly? EndedOn { get; set; }

    /// <summary>Closed or dropped out; null while the episode is open.</summary>
    [Classified(DataClass.NotPersonal)]
    public TrajectoryState? EndState { get; set; }

    [Classified(DataClass.NotPersonal)]
    public ClosureOutcome? Outcome { get; set; }
}
