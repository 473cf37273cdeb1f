using Baken.Features.Reporting.Disclosure;

namespace Baken.Features.Reporting.Figures;

/// <summary>
/// Turns counts into a published table: every protected table goes through <see cref="CellSuppression"/>
/// (primary and secondary suppression, then the exact feasible-range check), with a total row, and a total
/// column when there is more than one column.
/// </summary>
public static class TableBuilder
{
    public sealed record Labels(string Id, string Title, string Explanation, string RowHeader, string Total);

    /// <summary>A table of counts of people; <paramref name="cells"/> is rows × columns and must be additive.</summary>
    /// <param name="totalRow">
    /// False when the rows count the same people more than once (every person has a line per life domain), so a
    /// column total would add up people twice. The total is still used for suppression; leaving out published
    /// values only widens what can be worked out.
    /// </param>
    public static PublishedTable Protected(Labels labels, IReadOnlyList<string> rows, IReadOnlyList<string> columns, int[,] cells, DisclosureRules rules, bool totalRow = true)
    {
        var table = rules.Protect(CountTable.Additive(cells));
        var single = columns.Count == 1;
        var published = new List<PublishedRow>();
        for (var r = 0; r <= rows.Count; r++)
        {
            var isTotal = r == rows.Count;
            var values = new List<PublishedValue>();
            for (var c = 0; c <= columns.Count; c++)
            {
                if (c == columns.Count && single)
                {
                    continue;
                }

                values.Add(PublishedValue.Of(table.At(r, c), rules.Threshold));
            }

            if (!isTotal || totalRow)
            {
                published.Add(new PublishedRow(isTotal ? labels.Total : rows[r], values, isTotal));
            }
        }

        var headers = single ? columns : [.. columns, labels.Total];
        return new PublishedTable(labels.Id, labels.Title, labels.Explanation, labels.RowHeader, headers, published, Protected: true, table.IsWithheld);
    }

    /// <summary>A table of counts that are not about people (sessions, topics): no suppression.</summary>
    public static PublishedTable Plain(Labels labels, IReadOnlyList<string> rows, IReadOnlyList<string> columns, int[,] cells)
    {
        var published = new List<PublishedRow>();
        for (var r = 0; r < rows.Count; r++)
        {
            published.Add(new PublishedRow(rows[r], [.. Enumerable.Range(0, columns.Count).Select(c => PublishedValue.Count(cells[r, c]))]));
        }

        published.Add(new PublishedRow(labels.Total, [.. Enumerable.Range(0, columns.Count).Select(c => PublishedValue.Count(Sum(cells, c)))], IsTotal: true));
        return new PublishedTable(labels.Id, labels.Title, labels.Explanation, labels.RowHeader, columns, published, Protected: false);
    }

    /// <summary>One count per category (a single column).</summary>
    public static int[,] Column(IReadOnlyList<int> counts)
    {
        var cells = new int[counts.Count, 1];
        for (var i = 0; i < counts.Count; i++)
        {
            cells[i, 0] = counts[i];
        }

        return cells;
    }

    private static int Sum(int[,] cells, int column)
    {
        var sum = 0;
        for (var r = 0; r < cells.GetLength(0); r++)
        {
            sum += cells[r, column];
        }

        return sum;
    }
}
