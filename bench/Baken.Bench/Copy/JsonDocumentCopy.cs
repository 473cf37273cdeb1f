using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.Json;

namespace Baken.Bench.Copy;

/// <summary>
/// An owned type kept as a JSON document (Identity's passkey data): the providers do not write the same document
/// (SQLite writes bytes as hex and times with seven decimals and a space, PostgreSQL writes base64 and ISO times
/// to the microsecond), so the text cannot simply be passed on. Each value is read with the SQLite model's JSON
/// reader for its property and written with the PostgreSQL model's, nested owned types and collections alike,
/// which gives the document EF Core would have written on PostgreSQL.
/// </summary>
public sealed class JsonDocumentCopy
{
    private readonly List<(string Name, JsonValueReaderWriter From, JsonValueReaderWriter To)> _values = [];
    private readonly List<(string Name, JsonDocumentCopy Inner)> _owned = [];

    private JsonDocumentCopy(IEntityType sqlite, IEntityType postgres)
    {
        foreach (var property in postgres.GetProperties())
        {
            if (property.GetJsonPropertyName() is not { } name)
            {
                continue; // a key EF keeps only in memory (the owner's id, an ordinal)
            }

            var twin = sqlite.FindProperty(property.Name) ?? throw new CopyException($"{postgres.ShortName()}.{property.Name} is not in the SQLite model.");
            _values.Add((name, ReaderWriter(twin), ReaderWriter(property)));
        }

        foreach (var navigation in postgres.GetNavigations().Where(n => n.ForeignKey.IsOwnership && n.TargetEntityType.IsMappedToJson()))
        {
            var twin = sqlite.FindNavigation(navigation.Name) ?? throw new CopyException($"{postgres.ShortName()}.{navigation.Name} is not in the SQLite model.");
            _owned.Add((navigation.TargetEntityType.GetJsonPropertyName()!, new JsonDocumentCopy(twin.TargetEntityType, navigation.TargetEntityType)));
        }
    }

    /// <summary>The copy for a JSON container column, from the owned type stored in it on either side.</summary>
    public static JsonDocumentCopy For(IColumn sqlite, IColumn postgres) => new(Root(sqlite), Root(postgres));

    /// <summary>The PostgreSQL document for a SQLite document: one object, or an array of them.</summary>
    public string Convert(string sqliteDocument)
    {
        using var document = JsonDocument.Parse(sqliteDocument);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(document.RootElement, writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static IEntityType Root(IColumn column) =>
        column.Table.Model.Model.GetEntityTypes().SingleOrDefault(t => t.IsMappedToJson() && t.GetContainerColumnName() == column.Name
            && t.GetTableName() == column.Table.Name && t.FindOwnership() is { } owner && !owner.PrincipalEntityType.IsMappedToJson())
        ?? throw new CopyException($"Column {column.Table.Name}.{column.Name} holds no owned type's JSON; the copy does not know how to read it.");

    private static JsonValueReaderWriter ReaderWriter(IProperty property) =>
        property.GetJsonValueReaderWriter() ?? property.GetTypeMapping().JsonValueReaderWriter
        ?? throw new CopyException($"{property.DeclaringType.ShortName()}.{property.Name} has no JSON reader.");

    private void Write(JsonElement element, Utf8JsonWriter writer)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            writer.WriteStartArray();
            foreach (var item in element.EnumerateArray())
            {
                Write(item, writer);
            }

            writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject();
        foreach (var (name, from, to) in _values)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                continue;
            }

            writer.WritePropertyName(name);
            if (value.ValueKind == JsonValueKind.Null)
            {
                writer.WriteNullValue();
                continue;
            }

            var reader = new Utf8JsonReaderManager(new JsonReaderData(Encoding.UTF8.GetBytes(value.GetRawText())), null);
            reader.MoveNext();
            to.ToJson(writer, from.FromJson(ref reader));
        }

        foreach (var (name, inner) in _owned)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                continue;
            }

            writer.WritePropertyName(name);
            if (value.ValueKind == JsonValueKind.Null)
            {
                writer.WriteNullValue();
            }
            else
            {
                inner.Write(value, writer);
            }
        }

        writer.WriteEndObject();
    }
}
