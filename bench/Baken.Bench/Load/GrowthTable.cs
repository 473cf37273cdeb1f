using System.Globalization;
using System.Text;

namespace Baken.Bench.Load;

/// <summary>One list page in one run: its throughput and its baseline's in the alternating phase, and the cost growth since the smallest run.</summary>
public sealed record GrowthRow(string Label, long? Trajectories, double AppThroughput, double BaselineThroughput, double AppGrowth, double BaselineGrowth);

public sealed record GrowthPage(string Page, IReadOnlyList<GrowthRow> Rows);

/// <summary>
/// The cost growth of each list page over load runs on datasets of different sizes. ARCHITECTURE.md asks that a
/// page cost at most 1.5× as much at 1,000,000 trajectories as at 10,000. Cost is taken as the inverse of the
/// throughput in the alternating phase (all users on the page), so a run's factor is the smallest run's req/s
/// divided by its own. The raw baseline's factor stands beside it: it shows how much of the growth the database's
/// own work adds, since the baseline does no more than fetch the rows.
/// </summary>
public sealed record GrowthTable(IReadOnlyList<GrowthPage> Pages, IReadOnlyList<string> Warnings)
{
    public const double Target = 1.5;

    /// <summary>
    /// Orders the runs by their trajectory count (runs recorded before the count was kept stay in the order given)
    /// and keeps the pages that every run measured against their baseline.
    /// </summary>
    public static GrowthTable From(IReadOnlyList<LoadReport> runs)
    {
        if (runs.Count < 2)
        {
            throw new ArgumentException("A growth table needs at least two runs.", nameof(runs));
        }

        var ordered = runs.All(r => r.Trajectories is not null) ? [.. runs.OrderBy(r => r.Trajectories)] : runs.ToList();
        var warnings = new List<string>();
        if (ordered.Select(r => r.Provider).Distinct().Count() > 1)
        {
            warnings.Add("The runs used different databases; growth compares one provider's runs.");
        }

        if (ordered.Select(r => r.Settings.Users).Distinct().Count() > 1)
        {
            warnings.Add("The runs had different numbers of users.");
        }

        if (ordered.Any(r => r.Trajectories is null))
        {
            warnings.Add("A run does not say how many trajectories its dataset held (recorded before that was kept); the runs are in the order given.");
        }

        var pages = new List<GrowthPage>();
        foreach (var page in ordered[0].Baselines.Select(b => b.Page))
        {
            var measured = ordered.Select(r => r.Baselines.FirstOrDefault(b => b.Page == page)).ToList();
            if (measured.Any(b => b is not { AlternatingAppThroughput: > 0, AlternatingBaselineThroughput: > 0 }))
            {
                warnings.Add($"{page}: not measured against its baseline in every run; left out.");
                continue;
            }

            var first = measured[0]!;
            pages.Add(new GrowthPage(page, [.. ordered.Zip(measured, (run, b) => new GrowthRow(
                run.Label,
                run.Trajectories,
                b!.AlternatingAppThroughput!.Value,
                b.AlternatingBaselineThroughput!.Value,
                PageResult.Round(first.AlternatingAppThroughput!.Value / b.AlternatingAppThroughput.Value),
                PageResult.Round(first.AlternatingBaselineThroughput!.Value / b.AlternatingBaselineThroughput.Value)))]));
        }

        return new GrowthTable(pages, warnings);
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        md.AppendLine("### Cost growth of the list pages (alternating phase; cost factor = the smallest run's req/s / this run's)");
        md.AppendLine();
        md.AppendLine("| Page | Run | Trajectories | app req/s | baseline req/s | ratio | app cost | baseline cost |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|");
        foreach (var page in Pages)
        {
            foreach (var row in page.Rows)
            {
                Line($"| {page.Page} | {row.Label} | {Count(row.Trajectories)} | {row.AppThroughput:0.0} | {row.BaselineThroughput:0.0} | {row.AppThroughput / row.BaselineThroughput:0.00} | {row.AppGrowth:0.00}× | {row.BaselineGrowth:0.00}× |");
            }
        }

        md.AppendLine();
        foreach (var page in Pages)
        {
            var (first, last) = (page.Rows[0], page.Rows[^1]);
            Line($"- {page.Page}: {last.AppGrowth:0.00}× from {Count(first.Trajectories)} to {Count(last.Trajectories)} trajectories (baseline {last.BaselineGrowth:0.00}×); target at most {Target:0.0}×: {(last.AppGrowth <= Target ? "met" : "missed")}.");
        }

        foreach (var warning in Warnings)
        {
            Line($"- Note: {warning}");
        }

        return md.ToString();
    }

    private static string Count(long? trajectories) => trajectories is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "n/a";
}
