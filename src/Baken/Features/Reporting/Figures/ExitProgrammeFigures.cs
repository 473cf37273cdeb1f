using Baken.Features.Outreach;
using Baken.Features.Plan;
using Baken.Features.Reporting.Facts;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Reporting.Figures;

/// <summary>
/// The exit-programme figures, from <see cref="TrajectoryFact"/> and <see cref="DomainTrendFact"/> only. People are
/// counted once: when someone has two episodes in a period, the latest one gives their categories.
/// </summary>
public sealed class ExitProgrammeFigures(BakenDbContext db, FigureText text)
{
    /// <summary>Upper bounds (exclusive, in days) of the duration bands; the last band is open.</summary>
    private static readonly int[] DurationBandEnds = [91, 183, 365, 730];

    private sealed record Episode(
        Guid SubjectKey, DateOnly StartedOn, bool Reopened, ReferralRoute? Route, GenderIdentity? Gender, AgeBand AgeBand,
        VictimStatus? Victim, DateOnly? EndedOn, TrajectoryState? EndState, ClosureOutcome? Outcome);

    public async Task<Report> ReportAsync(ReportScope scope, int chartPeriods, CancellationToken cancellationToken)
    {
        var (start, end) = (scope.Period.Start, scope.Period.End);
        var episodes = await Exit(scope.OrganisationId)
            .Where(f => f.StartedOn < end && (f.EndedOn == null || f.EndedOn >= start))
            .Select(f => new Episode(f.SubjectKey, f.StartedOn, f.Reopened, f.Route, f.Gender, f.AgeBand, f.Victim, f.EndedOn, f.EndState, f.Outcome))
            .ToListAsync(cancellationToken);

        var people = Latest(episodes, e => e.StartedOn);
        var intakes = Latest(episodes.Where(e => !e.Reopened && e.StartedOn >= start), e => e.StartedOn);
        var closures = Latest(episodes.Where(e => e.EndedOn >= start && e.EndedOn < end), e => e.EndedOn!.Value);
        var rules = scope.Rules;

        var tables = new List<PublishedTable>
        {
            ByCategory("exit-clients", "Reporting_Exit_Clients", "Reporting_Exit_ClientsHelp", "Reporting_Gender", people, Genders(), e => GenderRow(e.Gender), rules),
            ByCategory("exit-intakes-route", "Reporting_Exit_IntakesByRoute", "Reporting_Exit_IntakesHelp", "Reporting_Route", intakes,
                [.. Enum.GetValues<ReferralRoute>().Select(text.Of), text["Reporting_Unknown"]], e => e.Route is { } r ? Array.IndexOf(Enum.GetValues<ReferralRoute>(), r) : Enum.GetValues<ReferralRoute>().Length, rules),
            ByCategory("exit-intakes-gender", "Reporting_Exit_IntakesByGender", "Reporting_Exit_IntakesHelp", "Reporting_Gender", intakes, Genders(), e => GenderRow(e.Gender), rules),
            ByCategory("exit-intakes-age", "Reporting_Exit_IntakesByAge", "Reporting_Exit_IntakesAgeHelp", "Reporting_AgeBand", intakes,
                [.. Enum.GetValues<AgeBand>().Select(a => a == AgeBand.Unknown ? text["Reporting_Unknown"] : text.Of(a))], e => Array.IndexOf(Enum.GetValues<AgeBand>(), e.AgeBand), rules),
            ByCategory("exit-intakes-victim", "Reporting_Exit_IntakesByVictim", "Reporting_Exit_IntakesVictimHelp", "Reporting_Victim", intakes,
                [.. Enum.GetValues<VictimStatus>().Select(text.Of), text["Reporting_Unknown"]], e => e.Victim is { } v ? Array.IndexOf(Enum.GetValues<VictimStatus>(), v) : Enum.GetValues<VictimStatus>().Length, rules),
            ByCategory("exit-closures", "Reporting_Exit_Closures", "Reporting_Exit_ClosuresHelp", "Reporting_Outcome", closures,
                [.. Enum.GetValues<ClosureOutcome>().Select(text.Of), text["Reporting_DroppedOut"]], OutcomeRow, rules),
        };

        var durations = closures.Select(e => e.EndedOn!.Value.DayNumber - e.StartedOn.DayNumber).ToList();
        var bands = TableBuilder.Protected(
            text.Labels("exit-duration", "Reporting_Exit_Duration", "Reporting_Exit_DurationHelp", "Reporting_DurationBand"),
            [.. Enumerable.Range(0, DurationBandEnds.Length + 1).Select(i => text[$"Reporting_DurationBand{i}"])],
            [text["Reporting_People"]],
            TableBuilder.Column(Tally(durations, d => DurationBand(d), DurationBandEnds.Length + 1)),
            rules);
        tables.Add(bands);
        tables.Add(Median(bands, durations, rules));
        tables.Add(await DomainsAsync(scope, cancellationToken));

        var series = new List<SeriesPoint>();
        foreach (var (label, count) in await PeopleOverTimeAsync(scope, chartPeriods, people.Count, cancellationToken))
        {
            series.Add(new SeriesPoint(label, rules.IsSensitive(count) ? new($"< {rules.Threshold}", null, Disclosure.CellStatus.PrimarySuppressed) : PublishedValue.Count(count)));
        }

        return new Report(ReportTableKind.ExitProgramme, text["Reporting_Exit_Title"], text["Reporting_Exit_Intro"], text["Reporting_Exit_Chart"], series, tables);
    }

    /// <summary>
    /// People in the programme per period for the chart, oldest first, ending with the selected period (whose count
    /// is known). The earlier periods are counted from one read of the episodes that overlap them.
    /// </summary>
    private async Task<List<(string Label, int People)>> PeopleOverTimeAsync(ReportScope scope, int periods, int selected, CancellationToken cancellationToken)
    {
        if (periods < 1)
        {
            return [];
        }

        var earlier = new List<ReportPeriod>();
        for (var (i, period) = (1, scope.Period.Previous()); i < periods; i++, period = period.Previous())
        {
            earlier.Add(period);
        }

        var counts = new List<(string, int)>();
        if (earlier.Count > 0)
        {
            var (from, to) = (earlier[^1].Start, earlier[0].End);
            var spans = await Exit(scope.OrganisationId)
                .Where(f => f.StartedOn < to && (f.EndedOn == null || f.EndedOn >= from))
                .Select(f => new { f.SubjectKey, f.StartedOn, f.EndedOn })
                .ToListAsync(cancellationToken);
            counts.AddRange(earlier.AsEnumerable().Reverse().Select(p => (p.ToString(),
                spans.Where(s => s.StartedOn < p.End && (s.EndedOn == null || s.EndedOn >= p.Start)).Select(s => s.SubjectKey).Distinct().Count())));
        }

        counts.Add((scope.Period.ToString(), selected));
        return counts;
    }

    private IQueryable<TrajectoryFact> Exit(Guid? organisationId)
    {
        var facts = db.Set<TrajectoryFact>().AsNoTracking().Where(f => f.Type == TrajectoryType.Exit);
        return organisationId is { } id ? facts.Where(f => f.OrganisationId == id) : facts;
    }

    /// <summary>
    /// Per life domain, each person's latest trend in the period (against the first assessment of their episode):
    /// the one fact of the period not superseded before its end. Counted in the database, from the covering index.
    /// For one organisation, a person counts there when that organisation recorded their latest trend.
    /// </summary>
    private async Task<PublishedTable> DomainsAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var (start, end) = (scope.Period.Start, scope.Period.End);
        var trends = db.Set<DomainTrendFact>().AsNoTracking().Where(f => f.Type == TrajectoryType.Exit && f.On >= start && f.On < end);
        if (scope.OrganisationId is { } organisationId)
        {
            trends = trends.Where(f => f.OrganisationId == organisationId);
        }

        // A person's trends for one domain form a chain in which each names the day of the next, so of a period's
        // facts exactly one per person and domain is not superseded before the period ends: counting rows counts
        // people, without the DISTINCT that made both databases sort the year's facts (TrendChainTests keep the chain).
        var counts = await trends
            .Where(f => f.SupersededOn == null || f.SupersededOn >= end)
            .GroupBy(f => new { f.DomainId, f.Trend })
            .Select(g => new { g.Key.DomainId, g.Key.Trend, People = g.Count() })
            .ToListAsync(cancellationToken);
        var domains = await db.Set<LifeDomain>().AsNoTracking()
            .Where(d => d.RetiredAtUtc == null || counts.Select(c => c.DomainId).Contains(d.Id))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        Trend[] columns = [Trend.Improving, Trend.Stable, Trend.Declining];
        var cells = new int[domains.Count, columns.Length];
        foreach (var count in counts)
        {
            var row = domains.FindIndex(d => d.Id == count.DomainId);
            if (row >= 0)
            {
                cells[row, Array.IndexOf(columns, count.Trend)] += count.People;
            }
        }

        return TableBuilder.Protected(
            text.Labels("exit-domains", "Reporting_Exit_Domains", "Reporting_Exit_DomainsHelp", "Reporting_Domain"),
            [.. domains.Select(d => d.Name)], [.. columns.Select(text.Of)], cells, scope.Rules, totalRow: false);
    }

    private PublishedTable ByCategory(
        string id, string titleKey, string helpKey, string rowHeaderKey, IReadOnlyList<Episode> people, string[] rows, Func<Episode, int> row, Disclosure.DisclosureRules rules) =>
        TableBuilder.Protected(text.Labels(id, titleKey, helpKey, rowHeaderKey), rows, [text["Reporting_People"]], TableBuilder.Column(Tally(people, row, rows.Length)), rules);

    /// <summary>The median duration in days, shown only when the closures it is taken over are published and at least the threshold.</summary>
    private PublishedTable Median(PublishedTable bands, List<int> durations, Disclosure.DisclosureRules rules)
    {
        var total = bands.Rows[^1].Values[0];
        var median = total.Number is { } n && n >= rules.Threshold ? rules.Median(durations.Select(d => (double)d)) : null;
        var value = median is { } m ? new PublishedValue(text.Format("Reporting_Days", Math.Round(m)), (decimal)Math.Round(m)) : PublishedValue.Hidden;
        return new PublishedTable("exit-duration-median", text["Reporting_Exit_Median"], text["Reporting_Exit_MedianHelp"], text["Reporting_Measure"],
            [text["Reporting_Value"]], [new PublishedRow(text["Reporting_Exit_MedianRow"], [value])], Protected: true);
    }

    private string[] Genders() =>
        [text.Of(GenderIdentity.Woman), text.Of(GenderIdentity.Man), text.Of(GenderIdentity.Transgender), text["Reporting_GenderOther"], text["Reporting_Unknown"]];

    /// <summary>Non-binary and self-described are one row: on their own they would be small almost everywhere.</summary>
    private static int GenderRow(GenderIdentity? gender) => gender switch
    {
        GenderIdentity.Woman => 0,
        GenderIdentity.Man => 1,
        GenderIdentity.Transgender => 2,
        GenderIdentity.NonBinary or GenderIdentity.SelfDescribed => 3,
        _ => 4,
    };

    private static int OutcomeRow(Episode e) =>
        e.EndState == TrajectoryState.DroppedOut || e.Outcome is null ? Enum.GetValues<ClosureOutcome>().Length : Array.IndexOf(Enum.GetValues<ClosureOutcome>(), e.Outcome.Value);

    private static int DurationBand(int days)
    {
        var band = Array.FindIndex(DurationBandEnds, end => days < end);
        return band < 0 ? DurationBandEnds.Length : band;
    }

    private static List<Episode> Latest(IEnumerable<Episode> episodes, Func<Episode, DateOnly> by) =>
        [.. episodes.GroupBy(e => e.SubjectKey).Select(g => g.MaxBy(by)!)];

    private static int[] Tally<T>(IEnumerable<T> items, Func<T, int> row, int rows)
    {
        var counts = new int[rows];
        foreach (var item in items)
        {
            counts[row(item)]++;
        }

        return counts;
    }
}
