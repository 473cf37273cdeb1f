using System.Globalization;

namespace Baken.Features.Plan;

/// <summary>Scores per domain (1–5), and their stored form <c>domainId:score;…</c> (encrypted as one value).</summary>
public static class Scores
{
    public static string Format(IReadOnlyDictionary<Guid, int> scores) =>
        string.Join(';', scores.OrderBy(s => s.Key).Select(s => $"{s.Key:N}:{s.Value.ToString(CultureInfo.InvariantCulture)}"));

    public static Dictionary<Guid, int> Parse(string? stored)
    {
        var scores = new Dictionary<Guid, int>();
        foreach (var part in (stored ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split(':');
            if (pair.Length == 2 && Guid.TryParseExact(pair[0], "N", out var domain)
                && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5)
            {
                scores[domain] = score;
            }
        }

        return scores;
    }
}
