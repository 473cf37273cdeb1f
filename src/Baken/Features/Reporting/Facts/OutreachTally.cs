using Baken.Features.Outreach;
using Baken.Infrastructure.Privacy;

namespace Baken.Features.Reporting.Facts;

/// <summary>
/// The number of outreach contacts of one organisation in one local month with the same details: new or known,
/// gender identity and age band. Kept as contacts are tallied and corrected (<see cref="StatisticsFacts"/>), so
/// the outreach figures of a year add up a few thousand rows instead of grouping a million contacts. Report
/// periods are whole months, so no period needs a finer grain. The key is the whole row but the count.
/// </summary>
public sealed class OutreachTally
{
    public const string Table = "OutreachTallies";

    /// <summary>The first day of the local month the contacts were made in.</summary>
    [Classified(DataClass.NotPersonal)]
    public DateOnly Month { get; init; }

    /// <summary>The organisation of the outreach session.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; init; }

    /// <summary>
    /// The <see cref="Trajectories.GenderIdentity"/> as a number, 0 when not recorded: a key column cannot be null
    /// if two workers are to add to the same row at once (<c>ON CONFLICT</c> needs equal keys).
    /// </summary>
    [Classified(DataClass.NotPersonal)]
    public int Gender { get; init; }

    [Classified(DataClass.NotPersonal)]
    public AgeBand AgeBand { get; init; }

    [Classified(DataClass.NotPersonal)]
    public bool IsNew { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int Count { get; set; }

    public static DateOnly MonthOf(DateTime atUtc) => MonthOf(Infrastructure.Web.DisplayTime.LocalDate(atUtc));

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}
