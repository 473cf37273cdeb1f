using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Baken.Features.Reporting;
using Baken.Features.Reporting.Figures;
using Baken.Infrastructure.Data;

namespace Baken.Bench.Reports;

/// <summary>One report's timings: the first (cold) run and the runs after it.</summary>
public sealed record ReportTiming(ReportTableKind Kind, double FirstMs, double MedianMs, double MaxMs, int Tables, int SuppressedCells, string FirstTotal);

/// <summary>What a <c>report</c> run measured: each report, and the annual report (all four) per run.</summary>
public sealed record ReportRun(string Label, string Provider, string Period, string Scope, int Runs, IReadOnlyList<ReportTiming> Reports, double AnnualMedianMs, double AnnualMaxMs)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Indented);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Reports, {Label} ({Provider}), period {Period}, {Scope}, {Runs} runs after a first one:");
        text.AppendLine();
        text.AppendLine("| Report | first ms | median ms | max ms | tables | suppressed cells | first table's first total |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in Reports)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Kind} | {r.FirstMs:N0} | {r.MedianMs:N0} | {r.MaxMs:N0} | {r.Tables} | {r.SuppressedCells} | {r.FirstTotal} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **all four (annual report)** | | **{AnnualMedianMs:N0}** | {AnnualMaxMs:N0} | | | |");
        return text.ToString();
    }
}

/// <summary>
/// <c>report</c>: times the municipal reports (<see cref="ReportFigures"/>, the code the figures page runs) over a
/// generated dataset, each in its own scope as a page request would be, and prints the table.
/// <code>
/// report [--scale national | --data DIR] [--provider sqlite|postgres --connection "..."] [--period 2025]
///        [--organisation GUID] [--runs 5] [--out bench-results/NAME.json]
/// </code>
/// Pending migrations are applied first, as the app does at start, so a dataset generated before a new index
/// is measured with it.
/// </summary>
public static class ReportCommand
{
    public static async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        var database = arguments.Database(arguments.Get("scale", "national"));
        var runs = int.Parse(arguments.Get("runs", "5"), CultureInfo.InvariantCulture);
        var organisation = arguments.Get("organisation") is { } id ? Guid.Parse(id) : (Guid?)null;
        if (!ReportPeriod.TryParse(arguments.Get("period", (DateTime.UtcNow.Year - 1).ToString(CultureInfo.InvariantCulture)), DateOnly.FromDateTime(DateTime.UtcNow), out var period, out var refusal))
        {
            throw new ArgumentException($"--period: {refusal}");
        }

        var label = arguments.Get("label") ?? Path.GetFileName(Path.GetFullPath(database.DataDirectory).TrimEnd(Path.DirectorySeparatorChar));
        var run = await MeasureAsync(database, label, period, organisation, Math.Max(1, runs), CancellationToken.None);
        await output.WriteLineAsync(run.ToMarkdown());
        if (arguments.Get("out") is { } outPath)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            await File.WriteAllTextAsync(outPath, run.ToJson());
            await output.WriteLineAsync($"Written to {outPath}.");
        }

        return 0;
    }

    public static async Task<ReportRun> MeasureAsync(BenchDatabase database, string label, ReportPeriod period, Guid? organisation, int runs, CancellationToken cancellationToken)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        await using var app = BenchHost.Build(database, new BenchClock());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        var kinds = Enum.GetValues<ReportTableKind>();
        var times = kinds.ToDictionary(k => k, _ => new List<double>());
        var reports = new Dictionary<ReportTableKind, Report>();
        var annual = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var all = Stopwatch.StartNew();
            foreach (var kind in kinds)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var figures = scope.ServiceProvider.GetRequiredService<ReportFigures>();
                var watch = Stopwatch.StartNew();
                reports[kind] = await figures.ReportAsync(kind, period, organisation, cancellationToken);
                times[kind].Add(watch.Elapsed.TotalMilliseconds);
            }

            if (i > 0)
            {
                annual.Add(all.Elapsed.TotalMilliseconds);
            }
        }

        var timings = kinds.Select(k =>
        {
            var after = times[k].Skip(1).Order().ToList();
            var report = reports[k];
            var table = report.Tables.Count > 0 ? report.Tables[0] : null;
            var first = table?.Rows.LastOrDefault(r => r.IsTotal) ?? (table is { Rows.Count: > 0 } ? table.Rows[0] : null);
            return new ReportTiming(k, Math.Round(times[k][0], 1), Math.Round(Median(after), 1), Math.Round(after[^1], 1), report.Tables.Count,
                report.Tables.Sum(t => t.Rows.Sum(r => r.Values.Count(v => v.IsSuppressed))),
                first is null ? "—" : $"{first.Label}: {string.Join(" / ", first.Values.Select(v => v.Text))}");
        }).ToList();
        var sorted = annual.Order().ToList();
        return new ReportRun(label, database.Provider.ToString(), period.ToString(), organisation is null ? "region" : $"organisation {organisation}", runs, timings,
            Math.Round(Median(sorted), 1), Math.Round(sorted[^1], 1));
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
