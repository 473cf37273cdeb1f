using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Baken.Bench.Copy;

/// <summary>
/// One table of the model, paired across the SQLite and the PostgreSQL context: the same table name and the same
/// columns on both sides (entity splitting, owned types and shadow properties are simply columns here).
/// </summary>
public sealed class CopyTable
{
    private CopyTable(string name, IReadOnlyList<CopyColumn> columns, ISqlGenerationHelper sqlite, ISqlGenerationHelper postgres, string? schema)
    {
        Name = name;
        Columns = columns;
        SqliteName = sqlite.DelimitIdentifier(name);
        PostgresName = postgres.DelimitIdentifier(name, schema);

        // rowid is the order the rows were written in, so the copy lays them out as the app would have.
        SqlitePage = $"SELECT rowid, {string.Join(", ", columns.Select(c => sqlite.DelimitIdentifier(c.Name)))} FROM {SqliteName} WHERE rowid > $after ORDER BY rowid LIMIT $rows";
        PostgresCopy = $"COPY {PostgresName} ({string.Join(", ", columns.Select(c => postgres.DelimitIdentifier(c.Name)))}) FROM STDIN (FORMAT BINARY, FREEZE)";
    }

    public string Name { get; }

    public IReadOnlyList<CopyColumn> Columns { get; }

    /// <summary>The table's name, quoted for SQLite.</summary>
    public string SqliteName { get; }

    /// <summary>The table's name, quoted (and with its schema, if any) for PostgreSQL.</summary>
    public string PostgresName { get; }

    /// <summary>One page of rows after a rowid, with the rowid first.</summary>
    public string SqlitePage { get; }

    public string PostgresCopy { get; }

    /// <summary>Every table of the PostgreSQL model, parents first, each paired with its SQLite twin.</summary>
    public static IReadOnlyList<CopyTable> Pair(DbContext sqlite, DbContext postgres)
    {
        var sqliteModel = sqlite.Model.GetRelationalModel();
        var postgresTables = postgres.Model.GetRelationalModel().Tables.ToList();
        var sqliteSql = sqlite.GetService<ISqlGenerationHelper>();
        var postgresSql = postgres.GetService<ISqlGenerationHelper>();
        var ordered = ParentsFirst.Order(postgresTables, t => t.ForeignKeyConstraints.Select(fk => fk.PrincipalTable), t => t.Name);
        if (sqliteModel.Tables.Count() != ordered.Count)
        {
            throw new CopyException($"The SQLite model has {sqliteModel.Tables.Count()} tables, the PostgreSQL model {ordered.Count}.");
        }

        return [.. ordered.Select(table =>
        {
            var twin = sqliteModel.FindTable(table.Name, table.Schema)
                ?? throw new CopyException($"Table {table.Name} is not in the SQLite model.");
            if (twin.Columns.Count() != table.Columns.Count())
            {
                throw new CopyException($"Table {table.Name} has {twin.Columns.Count()} columns on SQLite and {table.Columns.Count()} on PostgreSQL.");
            }

            var columns = table.Columns.Select(c => CopyColumn.Pair(
                twin.FindColumn(c.Name) ?? throw new CopyException($"Column {table.Name}.{c.Name} is not in the SQLite model."), c)).ToList();
            return new CopyTable(table.Name, columns, sqliteSql, postgresSql, table.Schema);
        })];
    }
}
