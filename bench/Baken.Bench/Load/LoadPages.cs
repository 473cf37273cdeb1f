namespace Baken.Bench.Load;

/// <summary>One measured request of the mix; <see cref="BaselineOf"/> names the app page a baseline stands beside.</summary>
public sealed record LoadPage(string Name, string Group, string Request, string? BaselineOf = null);

/// <summary>
/// The mix, in the order one virtual user walks it (round robin). Each baseline follows the page it is the
/// baseline of, and the two swap places every other round, so a page and its baseline are measured alternately
/// under the same load: what the issue asks on a machine whose speed drifts.
/// </summary>
public static class LoadPages
{
    public static readonly IReadOnlyList<LoadPage> All =
    [
        new("caseload", "caseload", "GET /Caseload as case manager"),
        new("baseline-caseload", "baseline", "GET /bench/baseline/caseload", BaselineOf: "caseload"),
        new("trajectory", "trajectory", "GET /Trajectories/{id}"),
        new("journal", "trajectory", "GET /Trajectories/{id}/Journal"),
        new("search", "search", "POST /Clients q=alias"),
        new("tally", "tally", "POST /Outreach/{id}?handler=Add as outreach worker"),
        new("portal", "portal", "GET /Portal anonymous"),
        new("trajectory-list", "caseload", "GET /Caseload as team lead"),
        new("baseline-trajectories", "baseline", "GET /bench/baseline/trajectories", BaselineOf: "trajectory-list"),
        new("portal-rules", "portal", "GET /Portal/Rules anonymous"),
    ];

    public static IReadOnlyList<string> Groups => [.. All.Select(p => p.Group).Distinct()];

    /// <summary>The pages of the chosen groups (<c>--pages caseload,portal</c>; default all).</summary>
    public static IReadOnlyList<LoadPage> Select(string? groups)
    {
        if (string.IsNullOrWhiteSpace(groups) || groups == "all")
        {
            return All;
        }

        var chosen = groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = chosen.Except(Groups, StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown page group(s) {string.Join(", ", unknown)}; use {string.Join(",", Groups)}.");
        }

        return [.. All.Where(p => chosen.Contains(p.Group, StringComparer.OrdinalIgnoreCase))];
    }

    public static LoadPage Named(string name) => All.Single(p => p.Name == name);
}
