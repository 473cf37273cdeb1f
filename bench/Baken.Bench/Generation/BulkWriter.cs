using System.Data.Common;
using System.Text;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Baken.Bench.Generation;

/// <summary>
/// Writes the entities a unit of work added, in bulk: the rows EF Core would have inserted for them, in the same
/// columns with the same value conversions (each value goes through the property's own type mapping, as EF's
/// parameters do), but as multi-row INSERT statements (PostgreSQL) or one prepared statement per table (SQLite) in
/// one transaction, without EF's per-row command overhead.
/// Tables are written parents first, following the model's foreign keys.
/// </summary>
public sealed class BulkWriter(BakenDbContext db)
{
    private const int MaxParameters = 30_000;

    public long RowsWritten { get; private set; }

    /// <summary>Writes every added entity tracked by <paramref name="source"/>, then clears its change tracker.</summary>
    public async Task FlushAsync(DbContext source, CancellationToken cancellationToken)
    {
        var added = Added(source);
        source.ChangeTracker.Clear();
        if (added.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await InsertAsync(added, transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Inserts the entities added to this writer's own context, inside its current transaction, and marks them
    /// Unchanged, as SaveChanges would have; a SaveChanges afterwards writes only what was modified.
    /// </summary>
    public async Task InsertAddedAsync(CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A bulk insert runs in the unit of work's transaction.");
        var added = Added(db);
        await InsertAsync(added, transaction.GetDbTransaction(), cancellationToken);
        foreach (var entry in added.Values.SelectMany(e => e))
        {
            entry.State = EntityState.Unchanged;
        }
    }

    private static Dictionary<IEntityType, List<EntityEntry>> Added(DbContext context) =>
        context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());

    private async Task InsertAsync(Dictionary<IEntityType, List<EntityEntry>> added, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var type in Bench.ParentsFirst.Order(added.Keys, t => t.GetForeignKeys().Select(fk => fk.PrincipalEntityType), t => t.Name))
        {
            await InsertAsync(type, added[type], transaction, cancellationToken);
        }
    }

    private async Task InsertAsync(IEntityType type, List<EntityEntry> rows, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().Where(p => p.GetColumnName(table) is not null).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
        var connection = db.Database.GetDbConnection();
        if (db.Database.IsSqlite())
        {
            // SQLite parses a long multi-row statement slowly; one prepared single-row statement, bound again for
            // every row, is its fastest way in.
            await using var single = connection.CreateCommand();
            single.Transaction = transaction;
            var names = properties.Select((_, c) => "@p" + c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            single.CommandText = head + "(" + string.Join(", ", names) + ")";
            foreach (var row in rows)
            {
                single.Parameters.Clear();
                for (var c = 0; c < properties.Length; c++)
                {
                    single.Parameters.Add(mappings[c].CreateParameter(single, names[c], row.Property(properties[c]).CurrentValue, properties[c].IsNullable));
                }

                await single.ExecuteNonQueryAsync(cancellationToken);
            }

            RowsWritten += rows.Count;
            return;
        }

        var perStatement = Math.Max(1, MaxParameters / properties.Length);
        foreach (var chunk in rows.Chunk(perStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            var n = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Length; c++)
                {
                    var name = "@p" + n++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    text.Append(c == 0 ? name : ", " + name);
                    command.Parameters.Add(mappings[c].CreateParameter(command, name, chunk[r].Property(properties[c]).CurrentValue, properties[c].IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        RowsWritten += rows.Count;
    }
}
