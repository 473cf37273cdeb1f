using Baken.Features.Reporting.Disclosure;
using Baken.Features.Reporting.Export;
using Microsoft.Extensions.Options;

namespace Baken.Features.Reporting.Figures;

/// <summary>Settings of the published figures (<c>Baken:Reporting</c>).</summary>
public sealed class ReportingOptions
{
    /// <summary>The smallest number of people a published figure may describe; at least 5 (checked at start-up).</summary>
    public int Threshold { get; set; } = DisclosureRules.DefaultThreshold;

    /// <summary>How many periods the chart over time shows, ending with the chosen one.</summary>
    public int ChartPeriods { get; set; } = 5;
}

/// <summary>The one entry to the fixed reports, for the page and the exports alike.</summary>
public sealed class ReportFigures(ExitProgrammeFigures exit, OutreachFigures outreach, EventFigures events, FigureText text, IOptions<ReportingOptions> options)
{
    public DisclosureRules Rules { get; } = new(options.Value.Threshold);

    public Task<Report> ReportAsync(ReportTableKind kind, ReportPeriod period, Guid? organisationId, CancellationToken cancellationToken)
    {
        var scope = new ReportScope(period, organisationId, Rules);
        var periods = Math.Clamp(options.Value.ChartPeriods, 1, 12);
        return kind switch
        {
            ReportTableKind.Outreach => outreach.ReportAsync(scope, periods, cancellationToken),
            ReportTableKind.Signals => events.SignalsAsync(scope, periods, cancellationToken),
            ReportTableKind.Referrals => events.ReferralsAsync(scope, periods, cancellationToken),
            _ => exit.ReportAsync(scope, periods, cancellationToken),
        };
    }

    /// <summary>The report as export tables: the chart's figures first, then every table, with the same texts as the page.</summary>
    public IReadOnlyList<ExportTable> ForExport(Report report, string caption)
    {
        var notes = new[] { text.Format("Reporting_SuppressionNote", Rules.Threshold), text["Reporting_SecondaryNote"] };
        var tables = new List<ExportTable>
        {
            new(report.ChartTitle, caption, text["Reporting_Period"], [text["Reporting_Count"]],
                [.. report.Series.Select(p => new ExportRow(p.Label, [Cell(p.Value)]))], notes),
        };
        tables.AddRange(report.Tables.Select(t => new ExportTable(
            t.Title, caption, t.RowHeader, t.Columns,
            t.Withheld ? [new ExportRow(text["Reporting_Withheld"], [])] : [.. t.Rows.Select(r => new ExportRow(r.Label, [.. r.Values.Select(Cell)]))],
            t.Protected ? [t.Explanation, .. notes] : [t.Explanation])));
        return tables;
    }

    private static ExportCell Cell(PublishedValue value) => new(value.Text, value.Number);
}
