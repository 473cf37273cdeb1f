using Baken.Bench;
using Baken.Bench.Load;

namespace Baken.Tests.Features.Bench;

/// <summary>The growth table's arithmetic and its verdict, on load results made up for the purpose.</summary>
public sealed class GrowthTableTests
{
    private static LoadReport Run(string label, long? trajectories, params BaselineComparison[] baselines) => new(
        label,
        DateTime.UnixEpoch,
        new MachineInfo(2, null, "test", "test"),
        "Sqlite",
        "/data/" + label,
        new AppInfo("Baken.dll", "http://127.0.0.1:1", "Release", 1000),
        new LoadSettings(16, 45, 30, 20, 1, ["caseload", "baseline"]),
        new ProcessFigures(30, 100, 10, 300, 300, 2),
        [],
        baselines,
        [],
        0,
        trajectories);

    private static BaselineComparison Pair(string page, double app, double baseline) =>
        new(page, page + "-baseline", 10, 5, 0.5, app, baseline, app / baseline);

    [Fact]
    public void Runs_are_ordered_by_size_and_each_cost_is_the_smallest_runs_throughput_over_its_own()
    {
        var table = GrowthTable.From(
        [
            Run("stress", 1_000_000, Pair("caseload", 100, 400), Pair("trajectory-list", 50, 100)),
            Run("growth-10k", 10_000, Pair("caseload", 140, 800), Pair("trajectory-list", 100, 200)),
            Run("growth-100k", 100_000, Pair("caseload", 120, 600), Pair("trajectory-list", 80, 150)),
        ]);

        table.Warnings.ShouldBeEmpty();
        var caseload = table.Pages.Single(p => p.Page == "caseload");
        caseload.Rows.Select(r => r.Label).ShouldBe(["growth-10k", "growth-100k", "stress"]);
        caseload.Rows.Select(r => r.AppGrowth).ShouldBe([1.0, 1.17, 1.4]);
        caseload.Rows.Select(r => r.BaselineGrowth).ShouldBe([1.0, 1.33, 2.0]);

        var markdown = table.ToMarkdown();
        markdown.ShouldContain("- caseload: 1.40× from 10,000 to 1,000,000 trajectories (baseline 2.00×); target at most 1.5×: met.");
        markdown.ShouldContain("- trajectory-list: 2.00× from 10,000 to 1,000,000 trajectories (baseline 2.00×); target at most 1.5×: missed.");
        markdown.ShouldContain("| caseload | stress | 1,000,000 | 100.0 | 400.0 | 0.25 | 1.40× | 2.00× |");
    }

    [Fact]
    public void A_page_missing_its_alternating_figures_in_one_run_is_left_out_and_mixed_runs_are_named()
    {
        var unmeasured = new BaselineComparison("trajectory-list", "trajectory-list-baseline", 10, 5, 0.5, null, null, null);
        var table = GrowthTable.From(
        [
            Run("old", null, Pair("caseload", 140, 800), Pair("trajectory-list", 100, 200)),
            Run("new", 250_000, Pair("caseload", 70, 400), unmeasured) with { Provider = "Postgres" },
        ]);

        table.Pages.Select(p => p.Page).ShouldBe(["caseload"]);
        table.Pages[0].Rows.Select(r => r.Label).ShouldBe(["old", "new"], "without every run's size the given order stands");
        table.Pages[0].Rows[^1].AppGrowth.ShouldBe(2.0);
        table.Warnings.Count.ShouldBe(3);
        table.ToMarkdown().ShouldContain("different databases");
    }

    [Fact]
    public async Task The_command_refuses_fewer_than_two_runs_and_names_a_file_it_cannot_read()
    {
        var output = new StringWriter();
        (await GrowthCommand.RunAsync(BenchArguments.Parse(["growth", "--runs", "one.json"]), output)).ShouldBe(2);
        output.ToString().ShouldContain("two or more load runs");

        var missing = Path.Combine(Path.GetTempPath(), $"baken-growth-{Guid.NewGuid():N}.json");
        output = new StringWriter();
        (await GrowthCommand.RunAsync(BenchArguments.Parse(["growth", "--runs", $"{missing},{missing}"]), output)).ShouldBe(2);
        output.ToString().ShouldContain($"Cannot read {missing}");
    }
}
