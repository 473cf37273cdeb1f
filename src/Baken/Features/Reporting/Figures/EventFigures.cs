using Baken.Features.Intake;
using Baken.Features.Referrals;
using Baken.Features.Reporting.Disclosure;
using Baken.Features.Reporting.Facts;
using Baken.Features.ServiceDirectory;
using Baken.Features.Signals;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Reporting.Figures;

/// <summary>
/// The signal and referral figures, from <see cref="EventFact"/> rows. These count events, not people, but every
/// event is about someone, so all of them are protected like counts of people.
/// </summary>
public sealed class EventFigures(BakenDbContext db, FigureText text)
{
    public async Task<Report> SignalsAsync(ReportScope scope, int chartPeriods, CancellationToken cancellationToken)
    {
        var raised = await CountsAsync(scope, EventFactKind.SignalRaised, cancellationToken);
        var handedOver = await CountsAsync(scope, EventFactKind.SignalHandedOver, cancellationToken);
        var hours = await Events(scope.Period, scope.OrganisationId, EventFactKind.SignalTriaged).Select(f => f.Hours ?? 0).ToListAsync(cancellationToken);

        var categories = Enum.GetValues<SignalCategory>();
        var sources = Enum.GetValues<SignalSource>();
        var byCategory = new int[categories.Length, sources.Length];
        foreach (var (category, detail, count) in raised)
        {
            byCategory[Array.IndexOf(categories, (SignalCategory)category), Array.IndexOf(sources, (SignalSource)(detail ?? 0)) is var s and >= 0 ? s : 0] += count;
        }

        var handed = TableBuilder.Column([.. categories.Select(c => handedOver.Where(h => h.Category == (int)c).Sum(h => h.Count))]);
        var median = hours.Count >= scope.Rules.Threshold ? scope.Rules.Median(hours.Select(h => (double)h)) : null;
        var tables = new List<PublishedTable>
        {
            TableBuilder.Protected(text.Labels("signals-raised", "Reporting_Signals_Raised", "Reporting_Signals_RaisedHelp", "Reporting_Category"),
                [.. categories.Select(text.Of)], [.. sources.Select(text.Of)], byCategory, scope.Rules),
            TableBuilder.Protected(text.Labels("signals-handed-over", "Reporting_Signals_HandedOver", "Reporting_Signals_HandedOverHelp", "Reporting_Category"),
                [.. categories.Select(text.Of)], [text["Reporting_Signals"]], handed, scope.Rules),
            new("signals-triage", text["Reporting_Signals_Triage"], text["Reporting_Signals_TriageHelp"], text["Reporting_Measure"], [text["Reporting_Value"]],
                [new PublishedRow(text["Reporting_Signals_TriageRow"], [median is { } m ? new PublishedValue(text.Format("Reporting_Hours", Math.Round(m)), (decimal)Math.Round(m)) : PublishedValue.Hidden])],
                Protected: true),
        };

        return new Report(ReportTableKind.Signals, text["Reporting_Signals_Title"], text["Reporting_Signals_Intro"], text["Reporting_Signals_Chart"],
            await SeriesAsync(scope, EventFactKind.SignalRaised, chartPeriods, cancellationToken), tables);
    }

    public async Task<Report> ReferralsAsync(ReportScope scope, int chartPeriods, CancellationToken cancellationToken)
    {
        var outgoing = await CountsAsync(scope, EventFactKind.ReferralOut, cancellationToken);
        var incoming = await CountsAsync(scope, EventFactKind.ReferralIn, cancellationToken);
        var types = Enum.GetValues<PartnerType>();
        var statuses = Enum.GetValues<ReferralStatus>();
        var byType = new int[types.Length, statuses.Length];
        foreach (var (category, detail, count) in outgoing)
        {
            var row = Array.IndexOf(types, (PartnerType)category);
            var column = Array.IndexOf(statuses, (ReferralStatus)(detail ?? 0));
            if (row >= 0 && column >= 0)
            {
                byType[row, column] += count;
            }
        }

        var sources = Enum.GetValues<IntakeSource>();
        var tables = new List<PublishedTable>
        {
            TableBuilder.Protected(text.Labels("referrals-out", "Reporting_Referrals_Out", "Reporting_Referrals_OutHelp", "Reporting_RecipientType"),
                [.. types.Select(text.Of)], [.. statuses.Select(text.Of)], byType, scope.Rules),
            TableBuilder.Protected(text.Labels("referrals-in", "Reporting_Referrals_In", "Reporting_Referrals_InHelp", "Reporting_ReferrerType"),
                [.. sources.Select(text.Of)], [text["Reporting_Referrals"]],
                TableBuilder.Column([.. sources.Select(s => incoming.Where(i => i.Category == (int)s).Sum(i => i.Count))]), scope.Rules),
        };

        return new Report(ReportTableKind.Referrals, text["Reporting_Referrals_Title"], text["Reporting_Referrals_Intro"], text["Reporting_Referrals_Chart"],
            await SeriesAsync(scope, EventFactKind.ReferralOut, chartPeriods, cancellationToken), tables);
    }

    private async Task<List<(int Category, int? Detail, int Count)>> CountsAsync(ReportScope scope, EventFactKind kind, CancellationToken cancellationToken) =>
        [.. (await Events(scope.Period, scope.OrganisationId, kind)
            .GroupBy(f => new { f.Category, f.Detail })
            .Select(g => new { g.Key.Category, g.Key.Detail, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .Select(g => (g.Category, g.Detail, g.Count))];

    private async Task<List<SeriesPoint>> SeriesAsync(ReportScope scope, EventFactKind kind, int periods, CancellationToken cancellationToken)
    {
        var series = new List<SeriesPoint>();
        var period = scope.Period;
        for (var i = 0; i < periods; i++, period = period.Previous())
        {
            var count = await Events(period, scope.OrganisationId, kind).CountAsync(cancellationToken);
            series.Insert(0, new SeriesPoint(period.ToString(),
                scope.Rules.IsSensitive(count) ? new($"< {scope.Rules.Threshold}", null, CellStatus.PrimarySuppressed) : PublishedValue.Count(count)));
        }

        return series;
    }

    private IQueryable<EventFact> Events(ReportPeriod period, Guid? organisationId, EventFactKind kind)
    {
        var (start, end) = (period.Start, period.End);
        var facts = db.Set<EventFact>().AsNoTracking().Where(f => f.Kind == kind && f.On >= start && f.On < end);
        return organisationId is { } id ? facts.Where(f => f.OrganisationId == id) : facts;
    }
}
