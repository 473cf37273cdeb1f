using Baken.Features.Trajectories;
using Baken.Infrastructure.Privacy;

namespace Baken.Features.Reporting.Facts;

public enum Trend
{
    Declining = 1,
    Stable = 2,
    Improving = 3,
}

/// <summary>
/// How a life domain moved between the first assessment of an episode and a later one: only the direction, never
/// the scores. Written for every assessment after the first (one per episode, domain and day: a second assessment
/// on the same day replaces the first's trends); a table takes each person's latest in the period, which is the
/// fact in the period that is not <see cref="SupersededOn"/> before the period ends.
/// </summary>
public sealed class DomainTrendFact
{
    public const string Table = "DomainTrendFacts";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The <see cref="TrajectoryFact"/> the assessment belongs to.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid EpisodeId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid SubjectKey { get; init; }

    /// <summary>The episode's organisation and type, repeated so a table needs no join.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public TrajectoryType Type { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid DomainId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly On { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Trend Trend { get; init; }

    /// <summary>
    /// The day of the same person's next trend for this domain and trajectory type (null while this is the latest).
    /// Kept as assessments are recorded, so "latest in a period" is a range filter rather than a search per fact.
    /// </summary>
    [Classified(DataClass.NotPersonal)]
    public DateOnly? SupersededOn { get; set; }
}
