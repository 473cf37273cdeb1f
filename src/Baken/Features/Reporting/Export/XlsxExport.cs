using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Baken.Features.Reporting.Export;

/// <summary>
/// Writes published tables as an Excel workbook (Office Open XML, ECMA-376), one sheet per table, by hand with
/// <see cref="ZipArchive"/> and <see cref="XmlWriter"/>: the few parts a workbook needs are simpler to own than a
/// spreadsheet library, and nothing but the shown figures can end up in the file. The same tables always give the
/// same bytes (fixed entry times, no dates in the properties), so an export can be compared with an earlier one.
/// </summary>
public static class XlsxExport
{
    internal const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string CorePropertiesNamespace = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>Excel refuses longer sheet names.</summary>
    internal const int MaxSheetNameLength = 31;

    /// <summary>Any date in the zip range works; a fixed one keeps the output byte-for-byte the same.</summary>
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        NewLineHandling = NewLineHandling.Entitize, // line breaks in a text survive as written, on every platform
        CloseOutput = false,
    };

    /// <summary>
    /// Writes the workbook; the stream is left open. Writes synchronously: in a request, write to a
    /// <see cref="MemoryStream"/> first (ASP.NET Core refuses synchronous writes to the response body).
    /// </summary>
    /// <param name="author">
    /// The organisation that publishes the figures (e.g. "Gemeente Voorbeeld"), shown as the file's creator;
    /// never a person's name, because the file travels to the council. Without it the creator is "Baken".
    /// </param>
    /// <exception cref="ArgumentException">No tables: a workbook needs at least one sheet.</exception>
    public static void Write(Stream output, IReadOnlyList<ExportTable> tables, string? author = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one table.", nameof(tables));
        }

        var sheetNames = SheetNames(tables.Select(t => t.Title));
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WritePart(zip, "[Content_Types].xml", w => ContentTypes(w, tables.Count));
        WritePart(zip, "_rels/.rels", PackageRelationships);
        WritePart(zip, "docProps/core.xml", w => CoreProperties(w, tables[0].Title, author));
        WritePart(zip, "xl/workbook.xml", w => Workbook(w, sheetNames));
        WritePart(zip, "xl/_rels/workbook.xml.rels", w => WorkbookRelationships(w, tables.Count));
        WritePart(zip, "xl/styles.xml", XlsxWorksheet.Styles);
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            WritePart(zip, $"xl/worksheets/sheet{i + 1}.xml", w => XlsxWorksheet.Write(w, table));
        }
    }

    /// <summary>
    /// Sheet names Excel accepts: without []:*?/\ and control characters, not starting or ending with an
    /// apostrophe, at most 31 characters, unique ignoring case ("Tabel (2)" for a repeat), and never "History",
    /// which Excel reserves.
    /// </summary>
    internal static IReadOnlyList<string> SheetNames(IEnumerable<string> titles)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "History" };
        var names = new List<string>();
        foreach (var title in titles)
        {
            var clean = new string((title ?? "").Where(c => !char.IsControl(c) && "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0).ToArray())
                .Trim().Trim('\'').Trim();
            if (clean.Length == 0)
            {
                clean = "Tabel";
            }

            var name = Cut(clean, MaxSheetNameLength);
            for (var n = 2; !used.Add(name); n++)
            {
                var suffix = $" ({n})";
                name = Cut(clean, MaxSheetNameLength - suffix.Length) + suffix;
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>Shortens without splitting a surrogate pair and without leaving a trailing space or apostrophe.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        if (char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length].TrimEnd().TrimEnd('\'');
    }

    private static void WritePart(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        using var writer = XmlWriter.Create(stream, XmlSettings);
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter w, int sheetCount)
    {
        w.WriteStartElement("Types", ContentTypesNamespace);
        Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, "xml", "application/xml");
        Override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override(w, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        Override(w, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        for (var i = 1; i <= sheetCount; i++)
        {
            Override(w, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }

        w.WriteEndElement();

        static void Default(XmlWriter w, string extension, string contentType)
        {
            w.WriteStartElement("Default", ContentTypesNamespace);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", contentType);
            w.WriteEndElement();
        }

        static void Override(XmlWriter w, string part, string contentType)
        {
            w.WriteStartElement("Override", ContentTypesNamespace);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", contentType);
            w.WriteEndElement();
        }
    }

    private static void PackageRelationships(XmlWriter w)
    {
        w.WriteStartElement("Relationships", PackageRelationshipsNamespace);
        Relationship(w, "rId1", RelationshipsNamespace + "/officeDocument", "xl/workbook.xml");
        // Excel writes and expects the package/2006 type for core properties, not the officeDocument/2006 one in the standard.
        Relationship(w, "rId2", PackageRelationshipsNamespace + "/metadata/core-properties", "docProps/core.xml");
        w.WriteEndElement();
    }

    /// <summary>Only a title and a creator: no dates (they would make every export differ) and no user names.</summary>
    private static void CoreProperties(XmlWriter w, string title, string? author)
    {
        w.WriteStartElement("cp", "coreProperties", CorePropertiesNamespace);
        w.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
        w.WriteElementString("dc", "title", DublinCoreNamespace, XlsxWorksheet.XmlSafe(title));
        w.WriteElementString("dc", "creator", DublinCoreNamespace, string.IsNullOrWhiteSpace(author) ? "Baken" : XlsxWorksheet.XmlSafe(author));
        w.WriteEndElement();
    }

    private static void Workbook(XmlWriter w, IReadOnlyList<string> sheetNames)
    {
        w.WriteStartElement("workbook", MainNamespace);
        w.WriteAttributeString("xmlns", "r", null, RelationshipsNamespace);
        w.WriteStartElement("sheets", MainNamespace);
        for (var i = 0; i < sheetNames.Count; i++)
        {
            w.WriteStartElement("sheet", MainNamespace);
            w.WriteAttributeString("name", sheetNames[i]);
            w.WriteAttributeString("sheetId", $"{i + 1}");
            w.WriteAttributeString("id", RelationshipsNamespace, $"rId{i + 1}");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>rId1..rIdN are the sheets in order, the one after them the styles.</summary>
    private static void WorkbookRelationships(XmlWriter w, int sheetCount)
    {
        w.WriteStartElement("Relationships", PackageRelationshipsNamespace);
        for (var i = 1; i <= sheetCount; i++)
        {
            Relationship(w, $"rId{i}", RelationshipsNamespace + "/worksheet", $"worksheets/sheet{i}.xml");
        }

        Relationship(w, $"rId{sheetCount + 1}", RelationshipsNamespace + "/styles", "styles.xml");
        w.WriteEndElement();
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRelationshipsNamespace);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }
}
