using System.Globalization;
using System.Text;
using System.Xml;

namespace Baken.Features.Reporting.Export;

/// <summary>
/// One table as a SpreadsheetML worksheet, laid out like the CSV: title, caption, bold header row, the rows, the
/// notes. Exact numbers become number cells so the council's staff can compute with them; everything else
/// ("&lt; 10", "—") stays an inline text cell, so a hidden figure never turns into a number. Inline strings are
/// never evaluated as formulas, so no formula guard is needed here.
/// </summary>
internal static class XlsxWorksheet
{
    private const string Ns = XlsxExport.MainNamespace;

    // Indexes into cellXfs in Styles below.
    private const int BoldStyle = 1;
    private const int WholeNumberStyle = 2;
    private const int DecimalNumberStyle = 3;
    private const int FigureTextStyle = 4;

    /// <summary>
    /// Styles in ECMA-376 order (numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles). Excel needs the
    /// two standard fills (none, gray125) even when no cell uses them. cellXfs: 0 plain, 1 bold (titles, headers),
    /// 2 whole numbers "#,##0" (built-in format 3), 3 decimals "#,##0.0#", 4 text figures such as "&lt; 10"
    /// aligned right like the numbers beside them.
    /// </summary>
    private const string StylesXml =
        """<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""
        + """<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0#"/></numFmts>"""
        + """<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"""
        + """<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"""
        + """<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"""
        + """<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"""
        + """<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"""
        + """<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"""
        + """<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"""
        + """<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"""
        + """<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"""
        + """<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right"/></xf></cellXfs>"""
        + """<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"""
        + "</styleSheet>";

    internal static void Styles(XmlWriter w)
    {
        using var reader = XmlReader.Create(new StringReader(StylesXml));
        w.WriteNode(reader, defattr: true);
    }

    /// <summary>Writes the worksheet in the order ECMA-376 requires: dimension, cols, sheetData.</summary>
    internal static void Write(XmlWriter w, ExportTable table)
    {
        var columnCount = 1 + Math.Max(table.ColumnHeaders.Count, table.Rows.Select(r => r.Cells.Count).DefaultIfEmpty(0).Max());
        var rowCount = 3 + table.Rows.Count + table.Notes.Count;

        w.WriteStartElement("worksheet", Ns);
        w.WriteStartElement("dimension", Ns);
        w.WriteAttributeString("ref", $"A1:{ColumnName(columnCount - 1)}{rowCount}");
        w.WriteEndElement();
        Columns(w, table, columnCount);

        w.WriteStartElement("sheetData", Ns);
        var r = 1;
        TextRow(w, r++, [table.Title], BoldStyle);
        TextRow(w, r++, [table.Caption], 0);
        TextRow(w, r++, [table.RowHeaderTitle, .. table.ColumnHeaders], BoldStyle);
        foreach (var row in table.Rows)
        {
            w.WriteStartElement("row", Ns);
            w.WriteAttributeString("r", $"{r}");
            TextCell(w, $"A{r}", row.Header, 0);
            for (var c = 0; c < row.Cells.Count; c++)
            {
                FigureCell(w, $"{ColumnName(c + 1)}{r}", row.Cells[c]);
            }

            w.WriteEndElement();
            r++;
        }

        foreach (var note in table.Notes)
        {
            TextRow(w, r++, [note], 0);
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>"A" for 0, "Z" for 25, "AA" for 26: the bijective base-26 letters of a cell reference.</summary>
    internal static string ColumnName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var name = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return name.ToString();
    }

    /// <summary>
    /// Drops characters XML 1.0 cannot hold (control characters other than tab and line breaks), which would
    /// otherwise make the writer throw on an odd label.
    /// </summary>
    internal static string XmlSafe(string? text)
    {
        text ??= "";
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
        }

        return safe.ToString();
    }

    /// <summary>
    /// Widths in characters: the first column fits its row labels so they can be read without widening it; the
    /// value columns fit their headers and figures. The title, caption and notes are left out: they run on into
    /// the empty cells to their right.
    /// </summary>
    private static void Columns(XmlWriter w, ExportTable table, int columnCount)
    {
        w.WriteStartElement("cols", Ns);
        for (var c = 0; c < columnCount; c++)
        {
            var texts = c == 0
                ? table.Rows.Select(r => r.Header).Prepend(table.RowHeaderTitle)
                : table.Rows.Select(r => c - 1 < r.Cells.Count ? r.Cells[c - 1].Text : "")
                    .Prepend(c - 1 < table.ColumnHeaders.Count ? table.ColumnHeaders[c - 1] : "");
            var longest = texts.Max(t => t?.Length ?? 0);
            var width = Math.Clamp(longest + 2, c == 0 ? 20 : 10, c == 0 ? 60 : 40);

            w.WriteStartElement("col", Ns);
            w.WriteAttributeString("min", $"{c + 1}");
            w.WriteAttributeString("max", $"{c + 1}");
            w.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void TextRow(XmlWriter w, int r, IReadOnlyList<string> texts, int style)
    {
        w.WriteStartElement("row", Ns);
        w.WriteAttributeString("r", $"{r}");
        for (var c = 0; c < texts.Count; c++)
        {
            TextCell(w, $"{ColumnName(c)}{r}", texts[c], style);
        }

        w.WriteEndElement();
    }

    private static void FigureCell(XmlWriter w, string reference, ExportCell cell)
    {
        if (cell.Number is not { } number)
        {
            TextCell(w, reference, cell.Text, FigureTextStyle);
            return;
        }

        w.WriteStartElement("c", Ns);
        w.WriteAttributeString("r", reference);
        w.WriteAttributeString("s", $"{(decimal.IsInteger(number) ? WholeNumberStyle : DecimalNumberStyle)}");
        w.WriteElementString("v", Ns, number.ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }

    /// <summary>An inline string cell; an empty text writes no cell at all.</summary>
    private static void TextCell(XmlWriter w, string reference, string? text, int style)
    {
        var safe = XmlSafe(text);
        if (safe.Length == 0)
        {
            return;
        }

        w.WriteStartElement("c", Ns);
        w.WriteAttributeString("r", reference);
        if (style != 0)
        {
            w.WriteAttributeString("s", $"{style}");
        }

        w.WriteAttributeString("t", "inlineStr");
        w.WriteStartElement("is", Ns);
        w.WriteStartElement("t", Ns);
        w.WriteAttributeString("xml", "space", null, "preserve"); // keeps leading and trailing spaces
        w.WriteString(safe);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }
}
