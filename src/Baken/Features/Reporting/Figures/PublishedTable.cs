using Baken.Features.Reporting.Disclosure;

namespace Baken.Features.Reporting.Figures;

/// <summary>
/// A figure as it is published: labels and formatted values only, after disclosure control. The page, the chart,
/// the CSV and the XLSX file are all written from this, so they cannot show different figures.
/// </summary>
/// <param name="Id">Stable id for anchors and tests (e.g. <c>exit-clients</c>).</param>
/// <param name="Protected">False for counts that are not about people (sessions, topics): shown as counted.</param>
public sealed record PublishedTable(
    string Id,
    string Title,
    string Explanation,
    string RowHeader,
    IReadOnlyList<string> Columns,
    IReadOnlyList<PublishedRow> Rows,
    bool Protected,
    bool Withheld = false)
{
    public bool HasSuppression => Rows.Any(r => r.Values.Any(v => v.IsSuppressed));
}

public sealed record PublishedRow(string Label, IReadOnlyList<PublishedValue> Values, bool IsTotal = false);

/// <summary>A published value: its text, and its number when it is shown exactly.</summary>
public sealed record PublishedValue(string Text, decimal? Number, CellStatus Status = CellStatus.Published)
{
    /// <summary>The mark of a figure hidden only so that a small one cannot be worked out (never a small number itself).</summary>
    public const string SecondaryMark = "x";

    public bool IsSuppressed => Status != CellStatus.Published;

    public static PublishedValue Count(int count) => new(count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), count);

    public static PublishedValue Of(TableCell cell, int threshold) => cell.Status switch
    {
        CellStatus.Published => Count(cell.Value ?? 0),
        CellStatus.PrimarySuppressed => new($"< {threshold}", null, cell.Status),
        _ => new(SecondaryMark, null, cell.Status),
    };

    /// <summary>A measure (median, share) that may not be shown because its base is too small.</summary>
    public static PublishedValue Hidden { get; } = new(SecondaryMark, null, CellStatus.SecondarySuppressed);
}
