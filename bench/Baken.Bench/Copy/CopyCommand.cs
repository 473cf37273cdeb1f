using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Baken.Features.Clients;
using Baken.Infrastructure;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Baken.Bench.Copy;

/// <summary>
/// A table's rows in the source and, after the copy, in the target; a table left out (<c>--leave-out</c>) is
/// expected to be empty in the target.
/// </summary>
public sealed record TableCount(string Table, long Source, long Target, bool LeftOut = false)
{
    public long Expected => LeftOut ? 0 : Source;
}

/// <summary>What a copy wrote, how long it took, and the counts it verified.</summary>
public sealed record CopyResult(long Rows, TimeSpan Elapsed, IReadOnlyList<TableCount> Tables, IReadOnlyList<string> Seeded)
{
    public IEnumerable<TableCount> Mismatches => Tables.Where(t => t.Expected != t.Target);
}

/// <summary>
/// <c>copy</c>: puts a dataset that <c>generate</c> made on SQLite into an empty PostgreSQL database, row for row,
/// so PostgreSQL can be measured on the same data without replaying the histories again there.
/// <code>
/// copy --data bench-data/national-sqlite --to-data bench-data/national-pg --connection "Host=...;Database=..."
/// </code>
/// The key files go to --to-data first (the rows are encrypted and signed under them). The target is migrated as
/// the generator does it and must hold no accounts, clients or processing log. Every table of the model is then
/// copied parents first in one PostgreSQL transaction (<see cref="PostgresLoad"/>, <see cref="TableCopier"/>):
/// the migrations' seeded rows are replaced by the source's, identity sequences continue after the copied numbers.
/// Afterwards ANALYZE, and every table's count is compared with the source's.
/// <para>
/// <c>--leave-out A,B</c> copies those tables empty, for a disk too small for the whole dataset twice: the list
/// pages can then be measured on PostgreSQL without, say, the processing log's history. Only a table no copied
/// table refers to can be left out; the result is no longer the app's whole state, and says so.
/// </para>
/// </summary>
public static class CopyCommand
{
    public static async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        try
        {
            var from = arguments.Get("data") ?? throw new CopyException("copy needs --data, the SQLite dataset folder made by generate.");
            var to = arguments.Get("to-data") ?? throw new CopyException("copy needs --to-data, the data folder (key files) for the PostgreSQL dataset.");
            var connection = arguments.Get("connection") ?? Environment.GetEnvironmentVariable("BAKEN_BENCH_POSTGRES");
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new CopyException("copy needs --connection \"Host=...;Database=...\" (or BAKEN_BENCH_POSTGRES) for the target database.");
            }

            var leaveOut = (arguments.Get("leave-out") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var result = await CopyAsync(new BenchDatabase(DatabaseProvider.Sqlite, null, from), new BenchDatabase(DatabaseProvider.Postgres, connection, to), output, CancellationToken.None, leaveOut);
            return result.Mismatches.Any() ? 1 : 0;
        }
        catch (Exception e)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Copy failed: {CopyException.Describe(e)}");
            return 1;
        }
    }

    public static async Task<CopyResult> CopyAsync(BenchDatabase source, BenchDatabase target, TextWriter output, CancellationToken cancellationToken, IReadOnlyCollection<string>? leaveOut = null)
    {
        var clock = Stopwatch.StartNew();
        var sqliteFile = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            DatabaseRegistration.SqliteConnectionString(source.ConnectionString, new BakenOptions { DataDirectory = source.DataDirectory })).DataSource;
        if (!File.Exists(sqliteFile))
        {
            throw new CopyException($"{sqliteFile} does not exist; --data must be a folder made by generate.");
        }

        if (string.Equals(Path.GetFullPath(source.DataDirectory), Path.GetFullPath(target.DataDirectory), StringComparison.Ordinal))
        {
            throw new CopyException("--to-data must be another folder than --data.");
        }

        Directory.CreateDirectory(target.DataDirectory);
        var keys = KeyFiles.Copy(source.DataDirectory, target.DataDirectory);
        output.WriteLine($"Copying {sqliteFile} into PostgreSQL; {keys} key files copied to {Path.Combine(Path.GetFullPath(target.DataDirectory), KeyFiles.Folder)}.");

        await using var sourceApp = BenchHost.Build(source, new BenchClock());
        await using var targetApp = BenchHost.Build(target, new BenchClock());
        await using var sourceScope = sourceApp.Services.CreateAsyncScope();
        await using var targetScope = targetApp.Services.CreateAsyncScope();
        var sqlite = sourceScope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var postgres = targetScope.ServiceProvider.GetRequiredService<BakenDbContext>();

        // Both sides at the app's model: the source as report and load bring it, the target as the generator does.
        await sourceScope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await targetScope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        if (await postgres.Users.AnyAsync(cancellationToken) || await postgres.Set<Client>().AnyAsync(cancellationToken) || await postgres.ProcessingLog.AnyAsync(cancellationToken))
        {
            throw new CopyException("The target database already holds accounts, clients or processing-log entries; copy into an empty database.");
        }

        var tables = CopyTable.Pair(sqlite, postgres);
        var leftOut = LeftOut(tables, leaveOut ?? [], postgres);
        await sqlite.Database.OpenConnectionAsync(cancellationToken);
        await postgres.Database.OpenConnectionAsync(cancellationToken);
        var sqliteConnection = sqlite.Database.GetDbConnection();
        var postgresConnection = (NpgsqlConnection)postgres.Database.GetDbConnection();
        var sourceCounts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            sourceCounts[table.Name] = await CountAsync(sqliteConnection, table.SqliteName, cancellationToken);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tables.Count} tables, {sourceCounts.Values.Sum():N0} rows."));
        if (leftOut.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Left out, copied empty: {string.Join(", ", leftOut.Order(StringComparer.Ordinal).Select(t => $"{t} ({sourceCounts[t]:N0} rows)"))}. The copy is not the app's whole state."));
        }

        long rows = 0;
        IReadOnlyList<string> seeded;
        await using (var load = await PostgresLoad.BeginAsync(postgresConnection, tables, cancellationToken))
        {
            seeded = [.. load.Seeded.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Table} ({s.Rows})"))];
            output.WriteLine($"Rows the migrations seeded, replaced by the source's: {(seeded.Count == 0 ? "none" : string.Join(", ", seeded))}.");
            var copier = new TableCopier(sqliteConnection, postgresConnection);
            var copying = Stopwatch.StartNew();
            foreach (var table in tables.Where(t => !leftOut.Contains(t.Name)))
            {
                var progress = new Progress(table.Name, sourceCounts[table.Name], output);
                long done = 0;
                var written = await copier.CopyAsync(table, page => progress.Report(done += page, page), cancellationToken);
                progress.Finish();
                if (written != done)
                {
                    throw new CopyException(string.Create(CultureInfo.InvariantCulture, $"{table.Name}: {done:N0} rows read, but PostgreSQL took {written:N0}."));
                }

                rows += written;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rows: {rows:N0} in {copying.Elapsed.TotalSeconds:N1} s ({rows / Math.Max(0.001, copying.Elapsed.TotalSeconds):N0} rows/s)."));
            var step = Stopwatch.StartNew();
            var rebuilt = await load.RebuildAsync(cancellationToken);
            var sequences = await load.ResetSequencesAsync(t => LastIssuedAsync(sqliteConnection, t, cancellationToken), cancellationToken);
            await load.CommitAsync(cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Keys, indexes and foreign keys: {rebuilt} built in {step.Elapsed.TotalSeconds:N1} s; {sequences} identity sequences set; committed."));
        }

        var analyse = Stopwatch.StartNew();
        await using (var command = new NpgsqlCommand("ANALYZE", postgresConnection) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ANALYZE: {analyse.Elapsed.TotalSeconds:N1} s."));
        var counts = new List<TableCount>();
        foreach (var table in tables)
        {
            counts.Add(new TableCount(table.Name, sourceCounts[table.Name], await CountAsync(postgresConnection, table.PostgresName, cancellationToken), leftOut.Contains(table.Name)));
        }

        var result = new CopyResult(rows, clock.Elapsed, counts, seeded);
        foreach (var mismatch in result.Mismatches)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Mismatch: {mismatch.Table} should have {mismatch.Expected:N0} rows in PostgreSQL but has {mismatch.Target:N0}."));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done: {rows:N0} rows in {tables.Count} tables in {clock.Elapsed:hh\\:mm\\:ss} ({rows / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} rows/s); counts {(result.Mismatches.Any() ? "DIFFER" : "equal")} in every table."));
        return result;
    }

    /// <summary>
    /// The tables to copy empty, checked: each must be a table of the model, and no table that is copied may have
    /// a foreign key to it (its rows would point at nothing).
    /// </summary>
    private static HashSet<string> LeftOut(IReadOnlyList<CopyTable> tables, IReadOnlyCollection<string> names, DbContext model)
    {
        var leftOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var table = tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new CopyException($"--leave-out: {name} is not a table of the model.");
            leftOut.Add(table.Name);
        }

        var referring = model.Model.GetRelationalModel().Tables
            .Where(t => !leftOut.Contains(t.Name))
            .SelectMany(t => t.ForeignKeyConstraints.Where(fk => leftOut.Contains(fk.PrincipalTable.Name)).Select(fk => $"{t.Name} → {fk.PrincipalTable.Name}"))
            .ToList();
        if (referring.Count > 0)
        {
            throw new CopyException($"--leave-out: copied tables refer to tables left out ({string.Join(", ", referring)}); leave those out too.");
        }

        return leftOut;
    }

    private static async Task<long> CountAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        command.CommandTimeout = 0;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The last number SQLite's AUTOINCREMENT handed out for a table, if it keeps one.</summary>
    private static async Task<long?> LastIssuedAsync(DbConnection sqlite, string table, CancellationToken cancellationToken)
    {
        await using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        command.CommandText = "SELECT seq FROM sqlite_sequence WHERE name = $name";
        var name = command.CreateParameter();
        name.ParameterName = "$name";
        name.Value = table;
        command.Parameters.Add(name);
        return await command.ExecuteScalarAsync(cancellationToken) is { } seq and not DBNull ? Convert.ToInt64(seq, CultureInfo.InvariantCulture) : null;
    }
}
