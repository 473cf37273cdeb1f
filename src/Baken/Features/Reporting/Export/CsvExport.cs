using System.Text;

namespace Baken.Features.Reporting.Export;

/// <summary>
/// Writes published tables as CSV for Dutch Excel: UTF-8 with a byte order mark (without it Excel reads the file
/// as Windows-1252 and breaks "—" and accents), semicolons (Dutch Excel uses the comma as decimal separator) and
/// CRLF line ends. Every cell is the text the page shows, so "&lt; 10" stays "&lt; 10" and the file never holds a
/// figure the page hides.
/// </summary>
public static class CsvExport
{
    private const char Separator = ';';
    private const string LineEnd = "\r\n";

    /// <summary>
    /// Writes each table as a title line, a caption line, a header line, the rows and the notes, with an empty
    /// line between tables. The stream is left open. Writes synchronously: in a request, write to a
    /// <see cref="MemoryStream"/> first (ASP.NET Core refuses synchronous writes to the response body).
    /// </summary>
    public static void Write(Stream output, IReadOnlyList<ExportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(tables);

        // The BOM is written by hand: StreamWriter skips it on a seekable stream that is not at position 0.
        var bom = Encoding.UTF8.GetPreamble();
        output.Write(bom, 0, bom.Length);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);

        for (var i = 0; i < tables.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(LineEnd);
            }

            WriteTable(writer, tables[i]);
        }
    }

    private static void WriteTable(StreamWriter writer, ExportTable table)
    {
        WriteLine(writer, [table.Title]);
        WriteLine(writer, [table.Caption]);
        WriteLine(writer, [table.RowHeaderTitle, .. table.ColumnHeaders]);
        foreach (var row in table.Rows)
        {
            WriteLine(writer, [row.Header, .. row.Cells.Select(c => c.Text)]);
        }

        foreach (var note in table.Notes)
        {
            WriteLine(writer, [note]);
        }
    }

    private static void WriteLine(StreamWriter writer, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(Separator);
            }

            writer.Write(Field(fields[i]));
        }

        writer.Write(LineEnd);
    }

    /// <summary>
    /// One field: defused against formula injection first, then quoted per RFC 4180 when it holds a separator,
    /// a quote or a line break.
    /// </summary>
    internal static string Field(string? text)
    {
        var value = Defuse(text ?? "");
        return value.AsSpan().IndexOfAny(";\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>
    /// A text starting with =, +, -, @, tab or CR would be run as a formula by a spreadsheet (OWASP "CSV
    /// injection"); a leading apostrophe makes it plain text. Published figures never start with these ("&lt; 10"
    /// starts with '&lt;'), so only titles or labels with odd text are touched.
    /// </summary>
    internal static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
