using System.Data.Common;
using System.Globalization;
using Baken.Bench.Generation;
using Baken.Infrastructure;
using Baken.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Baken.Bench.Load;

/// <summary>
/// The generated accounts the virtual users sign in as (<see cref="StaffGenerator"/> names them by role, region
/// and number), read from the database before the app starts: case managers with at least one open trajectory,
/// outreach workers and team leads, each list interleaved over the regions so that sixteen users are sixteen
/// people spread over the country rather than one office.
/// </summary>
public sealed record BenchAccounts(IReadOnlyList<string> CaseManagers, IReadOnlyList<string> OutreachWorkers, IReadOnlyList<string> TeamLeads)
{
    private const string Query =
        """
        SELECT u."Email",
          (SELECT COUNT(*) FROM "ClientTeamMembers" m JOIN "Trajectories" t ON t."Id" = m."TrajectoryId"
           WHERE m."UserId" = u."Id" AND m."ToUtc" IS NULL AND t."State" IN (1, 2, 3, 4))
        FROM "AspNetUsers" u
        WHERE u."Email" LIKE @domain
        ORDER BY u."Email"
        """;

    public static async Task<BenchAccounts> ReadAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var accounts = new List<(string Email, long Open)>();
        await using (var connection = Connect(database))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Query;
            var domain = command.CreateParameter();
            domain.ParameterName = "domain";
            domain.Value = "%@" + StaffGenerator.Domain;
            command.Parameters.Add(domain);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                accounts.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
            }
        }

        var found = new BenchAccounts(
            Interleave(accounts.Where(a => a.Open > 0).Select(a => a.Email), "casemanager-"),
            Interleave(accounts.Select(a => a.Email), "veldwerker-"),
            Interleave(accounts.Select(a => a.Email), "teamleider-"));
        if (found.CaseManagers.Count == 0)
        {
            throw new InvalidOperationException($"No generated case manager with an open trajectory in {database.Provider} ({database.DataDirectory}); run 'generate' first.");
        }

        return found;
    }

    /// <summary>How many trajectories the dataset holds, recorded with a run so that a growth table can say what it compares.</summary>
    public static async Task<long> CountTrajectoriesAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Trajectories\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The accounts of one role, first of every region, then second of every region, and so on.</summary>
    private static List<string> Interleave(IEnumerable<string> emails, string prefix) =>
        [.. emails.Where(e => e.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => (Email: e, Parts: e[prefix.Length..].Split('@')[0].Split('-')))
            .Where(e => e.Parts.Length == 2)
            .GroupBy(e => e.Parts[0])
            .SelectMany(region => region.OrderBy(e => e.Parts[1], StringComparer.Ordinal).Select((e, index) => (e.Email, Index: index, Region: region.Key)))
            .OrderBy(e => e.Index).ThenBy(e => e.Region, StringComparer.Ordinal)
            .Select(e => e.Email)];

    /// <summary>A connection of its own, not pooled: the harness must not keep the app's database open.</summary>
    private static DbConnection Connect(BenchDatabase database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            return new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        }

        var sqlite = new SqliteConnectionStringBuilder(DatabaseRegistration.SqliteConnectionString(database.ConnectionString, new BakenOptions { DataDirectory = database.DataDirectory }))
        {
            Pooling = false,
            Mode = SqliteOpenMode.ReadOnly,
        };
        return new SqliteConnection(sqlite.ConnectionString);
    }
}
