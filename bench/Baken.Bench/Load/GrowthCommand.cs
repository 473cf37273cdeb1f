using System.Text.Json;

namespace Baken.Bench.Load;

/// <summary>
/// <c>growth</c>: reads the JSON of two or more <c>load</c> runs on datasets of different sizes and prints the cost
/// growth of each list page (<see cref="GrowthTable"/>).
/// <code>
/// growth --runs bench-results/g10k.json,bench-results/g100k.json,bench-results/stress.json [--out growth.md]
/// </code>
/// Compare runs of one build on one database, measured one after the other with the same settings.
/// </summary>
public static class GrowthCommand
{
    public static async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        var paths = arguments.Get("runs")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (paths.Length < 2)
        {
            await output.WriteLineAsync("growth needs --runs a.json,b.json: the results of two or more load runs.");
            return 2;
        }

        var runs = new List<LoadReport>();
        foreach (var path in paths)
        {
            try
            {
                runs.Add(JsonSerializer.Deserialize<LoadReport>(await File.ReadAllTextAsync(path), LoadReport.Json)
                    ?? throw new JsonException("The file holds no load result."));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
            {
                await output.WriteLineAsync($"Cannot read {path}: {exception.Message}");
                return 2;
            }
        }

        var markdown = GrowthTable.From(runs).ToMarkdown();
        await output.WriteLineAsync(markdown);
        if (arguments.Get("out") is { } outPath)
        {
            await File.WriteAllTextAsync(outPath, markdown);
            await output.WriteLineAsync($"Written to {outPath}.");
        }

        return 0;
    }
}
