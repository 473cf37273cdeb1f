using System.Globalization;

namespace Baken.Bench.Load;

/// <summary>
/// Latencies and failures of one page, kept by one virtual user (no locks on the hot path) and merged at the end.
/// Every latency is kept, so percentiles are exact.
/// </summary>
public sealed class PageSamples
{
    public List<double> Milliseconds { get; } = [];

    public int Errors { get; private set; }

    /// <summary>Answers by status code (or exception name), all of them.</summary>
    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>The answers that count as errors (a status the step did not expect, or an exception), by kind.</summary>
    public SortedDictionary<string, int> ErrorOutcomes { get; } = new(StringComparer.Ordinal);

    public string? FirstError { get; private set; }

    public void Add(double milliseconds, string outcome, bool ok, string? error = null)
    {
        Milliseconds.Add(milliseconds);
        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        if (!ok)
        {
            Errors++;
            ErrorOutcomes[outcome] = ErrorOutcomes.GetValueOrDefault(outcome) + 1;
            FirstError ??= error ?? outcome;
        }
    }

    public void AddRange(PageSamples other)
    {
        Milliseconds.AddRange(other.Milliseconds);
        foreach (var (outcome, count) in other.Outcomes)
        {
            Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + count;
        }

        foreach (var (outcome, count) in other.ErrorOutcomes)
        {
            ErrorOutcomes[outcome] = ErrorOutcomes.GetValueOrDefault(outcome) + count;
        }

        Errors += other.Errors;
        FirstError ??= other.FirstError;
    }
}

/// <summary>The samples of every page, per virtual user or merged.</summary>
public sealed class Recorder
{
    public Dictionary<string, PageSamples> Pages { get; } = new(StringComparer.Ordinal);

    public PageSamples this[string page] => Pages.TryGetValue(page, out var samples) ? samples : Pages[page] = new PageSamples();

    public static Recorder Merge(IEnumerable<Recorder> recorders)
    {
        var merged = new Recorder();
        foreach (var recorder in recorders)
        {
            foreach (var (page, samples) in recorder.Pages)
            {
                merged[page].AddRange(samples);
            }
        }

        return merged;
    }
}

/// <summary>What the report says about one page: count, rate, latency percentiles (ms) and errors.</summary>
public sealed record PageResult(
    string Page,
    string Request,
    int Count,
    double Throughput,
    double MeanMs,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    int Errors,
    IReadOnlyDictionary<string, int> Outcomes,
    IReadOnlyDictionary<string, int> ErrorOutcomes,
    string? FirstError)
{
    public static PageResult From(string page, string request, PageSamples samples, TimeSpan window)
    {
        var sorted = samples.Milliseconds.ToArray();
        Array.Sort(sorted);
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new PageResult(
            page,
            request,
            sorted.Length,
            Round(sorted.Length / window.TotalSeconds),
            Round(sorted.Length == 0 ? 0 : sorted.Average()),
            Round(Percentile(0.50)),
            Round(Percentile(0.90)),
            Round(Percentile(0.99)),
            Round(sorted.Length == 0 ? 0 : sorted[^1]),
            samples.Errors,
            samples.Outcomes,
            samples.ErrorOutcomes,
            samples.FirstError);
    }

    public static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Page} | `{Request}` | {Count:N0} | {Throughput:N1} | {P50Ms:N1} | {P90Ms:N1} | {P99Ms:N1} | {MaxMs:N1} | {(Errors == 0 ? "0" : $"**{Errors}** ({string.Join(", ", ErrorOutcomes.Select(o => $"{o.Key}×{o.Value}"))})")} |");
}
