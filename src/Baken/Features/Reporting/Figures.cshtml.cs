using System.Globalization;
using Baken.Features.Reporting.Export;
using Baken.Features.Reporting.Figures;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Reporting;

/// <summary>
/// The municipality's figures: one fixed report per period and organisation (or the whole region), as a page
/// with a chart and tables, as CSV and XLSX with the same published values, and as a print view. Only
/// suppressed, aggregated figures are ever computed here; there is no way to ask for anything else.
/// </summary>
[Authorize(Roles = ReportAccess.Roles)]
public sealed class FiguresModel(
    ReportFigures figures, ReportAccess access, BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Table { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Print { get; set; }

    public ReportTableKind Kind { get; private set; } = ReportTableKind.ExitProgramme;

    public Report? Report { get; private set; }

    public string Caption { get; private set; } = string.Empty;

    public IReadOnlyList<ReportAccess.Choice> Organisations { get; private set; } = [];

    public bool MaySeeRegion { get; private set; }

    public int Threshold => figures.Rules.Threshold;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } period)
        {
            Report = await figures.ReportAsync(Kind, period, Org, cancellationToken);
        }

        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        ExportAsync("csv", "text/csv; charset=utf-8", CsvExport.Write, cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        ExportAsync("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (stream, tables) => XlsxExport.Write(stream, tables), cancellationToken);

    private async Task<IActionResult> ExportAsync(string format, string contentType, Action<Stream, IReadOnlyList<ExportTable>> write, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is not { } period)
        {
            return Page();
        }

        Report = await figures.ReportAsync(Kind, period, Org, cancellationToken);
        var stream = new MemoryStream();
        write(stream, figures.ForExport(Report, Caption));
        audit.Record("ReportExported", "Report", Org, $"table={Kind};period={period};format={format}");
        await db.SaveChangesAsync(cancellationToken);
        return File(stream.ToArray(), contentType, $"baken-{Kind.ToString().ToLowerInvariant()}-{period}.{format}");
    }

    /// <summary>Reads and checks the choices; the period, or null with the reasons in ModelState (what was typed stays in the form).</summary>
    private async Task<ReportPeriod?> ResolveAsync(CancellationToken cancellationToken)
    {
        MaySeeRegion = ReportAccess.MaySeeRegion(User);
        Organisations = await access.OrganisationsAsync(User, cancellationToken);
        if (!MaySeeRegion && Org is null && Organisations.Count == 1)
        {
            Org = Organisations[0].Id;
        }

        if (Table is not null)
        {
            if (Enum.TryParse<ReportTableKind>(Table, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Table, out _))
            {
                Kind = kind;
            }
            else
            {
                ModelState.AddModelError(nameof(Table), t["Reporting_TableUnknown"]);
            }
        }

        var today = DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime);
        Period ??= today.Year.ToString(CultureInfo.InvariantCulture);
        if (!ReportPeriod.TryParse(Period, today, out var period, out var refusal))
        {
            ModelState.AddModelError(nameof(Period), t[refusal!]);
        }

        var organisation = Organisations.FirstOrDefault(o => o.Id == Org);
        if ((Org is { } && organisation is null) || (Org is null && !MaySeeRegion))
        {
            ModelState.AddModelError(nameof(Org), t["Reporting_OrganisationUnknown"]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        Caption = $"{period}, {organisation?.Name ?? t["Reporting_WholeRegion"]}";
        return period;
    }
}
