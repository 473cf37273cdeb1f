using System.Globalization;
using Npgsql;

namespace Baken.Bench.Copy;

/// <summary>
/// The PostgreSQL side of a copy, in the one transaction of <see cref="PostgresLoad.BeginAsync"/>: the migrated
/// schema's keys, unique constraints, indexes and foreign keys are set aside (their definitions read from the
/// catalog), the model's tables emptied of the rows the migrations seeded, and after the rows are in, everything
/// set aside is built again as it was, in one pass per index and one check per foreign key instead of one per row.
/// Emptying in the same transaction lets COPY write the rows frozen. Nothing of it shows until the commit.
/// </summary>
public sealed class PostgresLoad : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string[] _tables;
    private readonly List<string> _rebuild = [];

    private PostgresLoad(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] tables)
    {
        _connection = connection;
        _transaction = transaction;
        _tables = tables;
    }

    /// <summary>The tables that held rows after migrating (seeded reference data), with their counts.</summary>
    public IReadOnlyList<(string Table, long Rows)> Seeded { get; private set; } = [];

    public static async Task<PostgresLoad> BeginAsync(NpgsqlConnection connection, IReadOnlyList<CopyTable> tables, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var load = new PostgresLoad(connection, transaction, [.. tables.Select(t => t.Name)]);
        try
        {
            var seeded = new List<(string, long)>();
            foreach (var table in tables)
            {
                var rows = await load.ScalarAsync<long>($"SELECT count(*) FROM {table.PostgresName}", cancellationToken);
                if (rows > 0)
                {
                    seeded.Add((table.Name, rows));
                }
            }

            load.Seeded = seeded;
            await load.SetAsideAsync(cancellationToken);
            await load.ExecuteAsync($"TRUNCATE {string.Join(", ", tables.Select(t => t.PostgresName))}", cancellationToken);

            // Index builds sort in memory up to this much, per build.
            await load.ExecuteAsync("SET LOCAL maintenance_work_mem = '512MB'", cancellationToken);
            return load;
        }
        catch
        {
            await load.DisposeAsync();
            throw;
        }
    }

    /// <summary>Builds again what <see cref="BeginAsync"/> set aside: keys first, then indexes, then foreign keys.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in _rebuild)
        {
            await ExecuteAsync(statement, cancellationToken);
        }

        return _rebuild.Count;
    }

    /// <summary>
    /// Sets every sequence behind a column of the copied tables (identity columns) past the highest value copied,
    /// or past <paramref name="lastIssued"/>'s value for the table when SQLite had handed out more (AUTOINCREMENT
    /// remembers numbers of deleted rows); an empty table's sequence starts again at its first value.
    /// </summary>
    public async Task<int> ResetSequencesAsync(Func<string, Task<long?>> lastIssued, CancellationToken cancellationToken)
    {
        var sequences = new List<(string Table, string Column, string Sequence)>();
        await using (var command = Command("""
            SELECT c.relname, a.attname, pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relname = ANY(@tables) AND a.attnum > 0 AND NOT a.attisdropped
            """))
        {
            command.Parameters.AddWithValue("tables", _tables);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(2))
                {
                    sequences.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }
        }

        foreach (var (table, column, sequence) in sequences)
        {
            var copied = await ScalarAsync<long?>($"SELECT max({Quote(column)})::bigint FROM {Quote(table)}", cancellationToken);
            var last = Math.Max(copied ?? 0, await lastIssued(table) ?? 0);
            await using var command = Command("SELECT setval(@sequence::regclass, @value, @called)");
            command.Parameters.AddWithValue("sequence", sequence);
            command.Parameters.AddWithValue("value", Math.Max(last, 1));
            command.Parameters.AddWithValue("called", last > 0);
            await command.ExecuteScalarAsync(cancellationToken);
        }

        return sequences.Count;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await _transaction.DisposeAsync();

    /// <summary>A statement without a time limit: building an index over millions of rows takes its time.</summary>
    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction) { CommandTimeout = 0 };

    private async Task SetAsideAsync(CancellationToken cancellationToken)
    {
        var constraints = new List<(string Table, string Name, char Type, string Definition)>();
        await using (var command = Command("""
            SELECT c.relname, k.conname, k.contype::text, pg_get_constraintdef(k.oid)
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(@tables) AND k.contype IN ('p', 'u', 'f')
            ORDER BY c.relname, k.conname
            """))
        {
            command.Parameters.AddWithValue("tables", _tables);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                constraints.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)[0], reader.GetString(3)));
            }
        }

        var indexes = new List<(string Name, string Definition)>();
        await using (var command = Command("""
            SELECT i.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u'))
            ORDER BY c.relname, i.relname
            """))
        {
            command.Parameters.AddWithValue("tables", _tables);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var foreignKeys = constraints.Where(c => c.Type == 'f').ToList();
        var keys = constraints.Where(c => c.Type != 'f').ToList();
        foreach (var (table, name, _, _) in foreignKeys.Concat(keys))
        {
            await ExecuteAsync($"ALTER TABLE {Quote(table)} DROP CONSTRAINT {Quote(name)}", cancellationToken);
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync($"DROP INDEX {Quote(name)}", cancellationToken);
        }

        _rebuild.AddRange(keys.Select(k => $"ALTER TABLE {Quote(k.Table)} ADD CONSTRAINT {Quote(k.Name)} {k.Definition}"));
        _rebuild.AddRange(indexes.Select(i => i.Definition));
        _rebuild.AddRange(foreignKeys.Select(k => $"ALTER TABLE {Quote(k.Table)} ADD CONSTRAINT {Quote(k.Name)} {k.Definition}"));
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
