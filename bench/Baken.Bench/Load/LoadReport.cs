using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baken.Bench.Load;

/// <summary>The machine a run was measured on (the figures mean little without it).</summary>
public sealed record MachineInfo(int Cores, string? Cpu, string Os, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
}

public sealed record AppInfo(string Path, string Address, string BuildConfiguration, double StartToReadyMs);

public sealed record LoadSettings(int Users, double WarmupSeconds, double DurationSeconds, double AlternatingSeconds, double SliceSeconds, IReadOnlyList<string> Pages);

/// <summary>
/// The app process over the measured window: CPU time as a percentage of one core (200 = two cores busy), the
/// harness's own CPU beside it (it shares the machine), the peak resident set (VmHWM, since start), RSS at the end,
/// and the machine's one-minute load average at the end (above the core count, other work competed).
/// </summary>
public sealed record ProcessFigures(double MeasuredSeconds, double? AppCpuPercent, double HarnessCpuPercent, double? PeakRssMb, double? RssAtEndMb, double? LoadAverage)
{
    public static double? CurrentLoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : null;
}

/// <summary>
/// An app page beside its raw baseline. The alternating phase measures throughput directly: all users on the page
/// for a slice, then all on the baseline, and so on, so drift of the machine hits both alike
/// (<see cref="AlternatingRatio"/> = app req/s / baseline req/s; the target is at least 0.5). In the mix both ran
/// interleaved under the same load; <see cref="MixRatio"/> = baseline mean / app mean equals the throughput ratio
/// only while the server is not saturated: under saturation every request waits in the same queue, latencies
/// converge and the mix ratio flatters the app. Read it as indicative.
/// </summary>
public sealed record BaselineComparison(
    string Page,
    string Baseline,
    double MixAppMeanMs,
    double MixBaselineMeanMs,
    double MixRatio,
    double? AlternatingAppThroughput,
    double? AlternatingBaselineThroughput,
    double? AlternatingRatio);

public sealed record LoadReport(
    string Label,
    DateTime StartedAtUtc,
    MachineInfo Machine,
    string Provider,
    string DataDirectory,
    AppInfo App,
    LoadSettings Settings,
    ProcessFigures Process,
    IReadOnlyList<PageResult> Pages,
    IReadOnlyList<BaselineComparison> Baselines,
    IReadOnlyList<PageResult> AlternatingPages,
    int Errors,
    long? Trajectories = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        var size = Trajectories is { } count ? count.ToString("N0", CultureInfo.InvariantCulture) + " trajectories, " : string.Empty;
        Line($"### Load: {Label} ({Provider}, {size}{Settings.Users} users, {Settings.DurationSeconds:0.#} s measured after {Settings.WarmupSeconds:0.#} s warm-up)");
        md.AppendLine();
        md.AppendLine("| Page | Request | Requests | req/s | p50 ms | p90 ms | p99 ms | max ms | Errors |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var page in Pages)
        {
            md.AppendLine(page.Row());
        }

        md.AppendLine();
        Line($"App process: CPU {Figure(Process.AppCpuPercent, "0")} % of one core ({Machine.Cores} cores), peak RSS {Figure(Process.PeakRssMb, "0")} MB, RSS at end {Figure(Process.RssAtEndMb, "0")} MB, start to ready {App.StartToReadyMs:0} ms; harness CPU {Process.HarnessCpuPercent:0} % of one core; load average {Figure(Process.LoadAverage, "0.0")}. {App.BuildConfiguration} build, {Machine.Cpu ?? "unknown CPU"}.");
        if (Baselines.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| Page vs raw baseline | alternating req/s (app / baseline) | throughput ratio (target ≥ 0.5) | mean ms in the mix (app / baseline) | mix ratio (indicative) |");
            md.AppendLine("|---|--:|--:|--:|--:|");
            foreach (var b in Baselines)
            {
                Line($"| {b.Page} vs {b.Baseline} | {Figure(b.AlternatingAppThroughput, "0.0")} / {Figure(b.AlternatingBaselineThroughput, "0.0")} | {Figure(b.AlternatingRatio, "0.00")} | {b.MixAppMeanMs:0.0} / {b.MixBaselineMeanMs:0.0} | {b.MixRatio:0.00} |");
            }
        }

        if (AlternatingPages.Count > 0)
        {
            md.AppendLine();
            Line($"Alternating phase ({Settings.AlternatingSeconds:0.#} s per pair, {Settings.SliceSeconds:0.#} s slices, all users on one page at a time):");
            md.AppendLine();
            md.AppendLine("| Page | Request | Requests | req/s | p50 ms | p90 ms | p99 ms | max ms | Errors |");
            md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|");
            foreach (var page in AlternatingPages)
            {
                md.AppendLine(page.Row());
            }
        }

        if (Errors > 0)
        {
            md.AppendLine();
            Line($"**{Errors} errors.** First of each page:");
            foreach (var page in Pages.Concat(AlternatingPages).Where(p => p.FirstError is not null))
            {
                Line($"- {page.Page}: {page.FirstError}");
            }
        }

        return md.ToString();
    }

    private static string Figure(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
