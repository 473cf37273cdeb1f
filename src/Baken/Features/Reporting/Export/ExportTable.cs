namespace Baken.Features.Reporting.Export;

/// <summary>
/// One published table as it goes into a CSV or XLSX file: already suppressed and formatted. An export never
/// sees a count the page does not show, so the files and the page cannot disagree.
/// </summary>
/// <param name="Title">The table's title, also the sheet name in XLSX (shortened to 31 characters there).</param>
/// <param name="Caption">The period and organisation the figures are about, e.g. "2026, hele regio".</param>
/// <param name="ColumnHeaders">Headers of the value columns; the first column (row headers) has <paramref name="RowHeaderTitle"/>.</param>
/// <param name="Notes">Lines under the table: what the figures mean and how small numbers are hidden.</param>
public sealed record ExportTable(
    string Title,
    string Caption,
    string RowHeaderTitle,
    IReadOnlyList<string> ColumnHeaders,
    IReadOnlyList<ExportRow> Rows,
    IReadOnlyList<string> Notes);

/// <param name="Header">The row's label (a category, or "Totaal").</param>
public sealed record ExportRow(string Header, IReadOnlyList<ExportCell> Cells);

/// <summary>A published value: the text the page shows ("12", "&lt; 10", "—", "42 dagen") and, when the value is an exact number, that number so spreadsheets can compute with it.</summary>
public sealed record ExportCell(string Text, decimal? Number = null);
