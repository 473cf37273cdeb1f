using System.Globalization;
using Baken.Bench.Generation;

namespace Baken.Bench;

/// <summary>
/// Baken benchmarks (see docs/performance.md): <c>generate</c> builds a dataset, <c>load</c> measures the app,
/// <c>growth</c> compares load runs at different sizes, <c>report</c> times the municipal reports, <c>copy</c> puts a
/// SQLite dataset into PostgreSQL.
/// A named class, not top-level statements: the tests reference this project and the app's <c>Program</c> both.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var arguments = BenchArguments.Parse(args);
        switch (arguments.Command)
        {
            case "generate":
                var scale = Scale.Parse(arguments.Get("scale", "tiny"));
                var seed = int.Parse(arguments.Get("seed", DataGenerator.DefaultSeed.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
                await DataGenerator.RunAsync(arguments.Database(scale.Name), scale, Console.Out, seed);
                return 0;
            case "report":
                return await Reports.ReportCommand.RunAsync(arguments, Console.Out);
            case "load":
                return await Load.LoadCommand.RunAsync(arguments, Console.Out);
            case "copy":
                return await Copy.CopyCommand.RunAsync(arguments, Console.Out);
            case "growth":
                return await Load.GrowthCommand.RunAsync(arguments, Console.Out);
            default:
                await Console.Error.WriteLineAsync("Usage: dotnet run -c Release --project bench/Baken.Bench -- generate|load|growth|report|copy [--options]; see docs/performance.md.");
                return 2;
        }
    }
}
