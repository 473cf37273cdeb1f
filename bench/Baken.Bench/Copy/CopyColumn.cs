using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Baken.Bench.Copy;

/// <summary>
/// One column as the two models see it. A value is read with the SQLite mapping's own data-reader method and
/// turned back into the model's value by its converter, as EF Core would materialise it; the PostgreSQL mapping's
/// converter then gives the value EF Core would have sent, written with the parameter type EF Core would have used.
/// </summary>
public sealed class CopyColumn
{
    private readonly Func<DbDataReader, int, object> _read;
    private readonly Func<object?, object?>? _fromSqlite;
    private readonly Func<object?, object?>? _toPostgres;
    private readonly NpgsqlDbType _type;
    private readonly Action<NpgsqlBinaryImporter, object> _write;

    private CopyColumn(string name, Func<DbDataReader, int, object> read, Func<object?, object?>? fromSqlite, Func<object?, object?>? toPostgres, NpgsqlDbType type, Type providerType)
    {
        Name = name;
        _read = read;
        _fromSqlite = fromSqlite;
        _toPostgres = toPostgres;
        _type = type;
        _write = (Action<NpgsqlBinaryImporter, object>)typeof(CopyColumn).GetMethod(nameof(Writer), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(Nullable.GetUnderlyingType(providerType) ?? providerType).Invoke(null, [type])!;
    }

    public string Name { get; }

    /// <summary>The column of <paramref name="postgres"/>'s table, read from its twin <paramref name="sqlite"/>.</summary>
    public static CopyColumn Pair(IColumn sqlite, IColumn postgres)
    {
        if (postgres.PropertyMappings.Count == 0)
        {
            // A JSON container column: an owned type's document, text on SQLite and jsonb on PostgreSQL.
            var json = postgres.StoreType switch
            {
                "jsonb" => NpgsqlDbType.Jsonb,
                "json" => NpgsqlDbType.Json,
                _ => throw new CopyException($"Column {postgres.Table.Name}.{postgres.Name} maps no property and is not JSON; the copy does not know how to read it."),
            };
            var document = JsonDocumentCopy.For(sqlite, postgres);
            return new CopyColumn(postgres.Name, (reader, ordinal) => document.Convert(reader.GetString(ordinal)), null, null, json, typeof(string));
        }

        var target = postgres.PropertyMappings[0];
        var source = sqlite.PropertyMappings.FirstOrDefault(m => m.Property.Name == target.Property.Name && m.Property.DeclaringType.Name == target.Property.DeclaringType.Name)
            ?? sqlite.PropertyMappings[0];
        if (source.Property.ClrType != target.Property.ClrType)
        {
            throw new CopyException($"Column {postgres.Table.Name}.{postgres.Name} holds {source.Property.ClrType.Name} on SQLite but {target.Property.ClrType.Name} on PostgreSQL.");
        }

        var sqliteMapping = source.TypeMapping;
        var postgresMapping = target.TypeMapping;
        using var probe = new NpgsqlCommand();
        var type = ((NpgsqlParameter)postgresMapping.CreateParameter(probe, "p", null, nullable: true)).NpgsqlDbType;
        return new CopyColumn(postgres.Name, Reader(sqliteMapping), sqliteMapping.Converter?.ConvertFromProvider, postgresMapping.Converter?.ConvertToProvider,
            type, postgresMapping.Converter?.ProviderClrType ?? postgresMapping.ClrType);
    }

    /// <summary>The value PostgreSQL gets for the SQLite row's value at <paramref name="ordinal"/>; null for NULL.</summary>
    public object? Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var value = _read(reader, ordinal);
        value = _fromSqlite is null ? value : _fromSqlite(value)!;
        value = _toPostgres is null ? value : _toPostgres(value)!;
        return (value, _type) switch
        {
            // SQLite keeps no kind. The app's times are UTC, which is what timestamptz takes and what Npgsql
            // insists on; a column without a zone takes them as they are.
            (DateTime time, NpgsqlDbType.TimestampTz) => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            (DateTime time, NpgsqlDbType.Timestamp) => DateTime.SpecifyKind(time, DateTimeKind.Unspecified),
            (DateTimeOffset moment, NpgsqlDbType.TimestampTz) => moment.ToUniversalTime(),
            _ => value,
        };
    }

    public void Write(NpgsqlBinaryImporter importer, object? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            _write(importer, value);
        }
    }

    /// <summary>The mapping's data-reader call, as EF Core's materialiser makes it, boxed.</summary>
    private static Func<DbDataReader, int, object> Reader(RelationalTypeMapping mapping)
    {
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var ordinal = Expression.Parameter(typeof(int), "ordinal");
        var method = mapping.GetDataReaderMethod();
        var instance = method.DeclaringType!.IsAssignableFrom(typeof(DbDataReader)) ? (Expression)reader : Expression.Convert(reader, method.DeclaringType);
        var value = mapping.CustomizeDataReaderExpression(Expression.Call(instance, method, ordinal));
        var providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        if (value.Type != providerType)
        {
            value = Expression.Convert(value, providerType);
        }

        return Expression.Lambda<Func<DbDataReader, int, object>>(Expression.Convert(value, typeof(object)), reader, ordinal).Compile();
    }

    private static Action<NpgsqlBinaryImporter, object> Writer<T>(NpgsqlDbType type) =>
        type == NpgsqlDbType.Unknown
            ? (importer, value) => importer.Write((T)value)
            : (importer, value) => importer.Write((T)value, type);
}
