using Baken.Infrastructure.Data;

namespace Baken.Bench;

/// <summary>The command line: a command, then <c>--name value</c> pairs.</summary>
public sealed class BenchArguments(string command, IReadOnlyDictionary<string, string> options)
{
    public string Command => command;

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option (--name value), got '{args[i]}'.");
            }

            options[args[i][2..]] = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return new BenchArguments(args.Count > 0 ? args[0] : string.Empty, options);
    }

    public string Get(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;

    public string? Get(string name) => options.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// The database of a scale: SQLite in <c>bench-data/&lt;scale&gt;</c> by default, or PostgreSQL with
    /// <c>--provider postgres --connection "..."</c> (or BAKEN_BENCH_POSTGRES). The key files live in --data.
    /// </summary>
    public BenchDatabase Database(string scaleName)
    {
        var provider = Enum.Parse<DatabaseProvider>(Get("provider", "sqlite"), ignoreCase: true);
        var directory = Get("data", Path.Combine("bench-data", $"{scaleName}-{provider.ToString().ToLowerInvariant()}"));
        var connection = Get("connection") ?? (provider == DatabaseProvider.Postgres ? Environment.GetEnvironmentVariable("BAKEN_BENCH_POSTGRES") : null);
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException("PostgreSQL needs --connection \"Host=...;Database=...\" or BAKEN_BENCH_POSTGRES.");
        }

        Directory.CreateDirectory(directory);
        return new BenchDatabase(provider, connection, directory);
    }
}
