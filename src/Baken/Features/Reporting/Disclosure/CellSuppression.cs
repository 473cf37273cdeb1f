namespace Baken.Features.Reporting.Disclosure;

/// <summary>
/// Decides which figures of a <see cref="CountTable"/> are hidden.
/// </summary>
/// <remarks>
/// <para><b>Primary suppression.</b> Every cell and every total (row totals, column totals, grand total) with
/// <c>0 &lt; n &lt; threshold</c> is hidden. Zeros are published.</para>
/// <para><b>Disclosing zeros (group disclosure).</b> A cell equal to its row or column total means everyone in
/// that group shares the cell's attribute. When that total is small (<c>0 &lt; total &lt; threshold</c>) the total
/// is hidden together with the cell — the rule above already does so, since the cell equals the total, so it
/// needs no separate step. When the total is at least the threshold the cell is published: a group of at least
/// threshold people sharing an attribute is what the threshold rule accepts. The zeros beside a hidden cell stay
/// visible, so a reader may still see that a small, hidden group sits entirely in one column without learning
/// how many people it holds.</para>
/// <para><b>Secondary suppression.</b> Treat the totals row and the totals column as lines too. Then, until
/// nothing changes: every line that holds exactly one hidden figure gets a second one (hiding the line's total
/// counts). The candidate is chosen across all such lines: the smallest value first (least information lost),
/// then the candidate that completes the most lines at once, then the lowest row, then the lowest column. Zeros
/// are never chosen: a hidden zero can only move up, so it protects little, and never choosing them lets a reader
/// — and our check — know that every secondary figure is at least the threshold. In an additive table such a
/// line always has a candidate (its total, or a non-zero cell when the total is the hidden one).</para>
/// <para><b>Verification (additive tables).</b> The two-per-line rule is necessary but not sufficient: hidden
/// figures can still pin each other down through their ranges (two secondaries that both sit exactly on the
/// threshold on one cycle, for example). So the pattern is checked exactly with
/// <see cref="FeasibleRanges"/>: every hidden figure must have more than one possible value given everything
/// published. While one does not, the smallest non-zero visible figure on its row or column (else anywhere in
/// the table) is hidden as well, the line rule is applied again and the check repeats. Each round hides one more
/// figure, so this ends. Hiding a figure can only widen what a reader can work out (the true value stays possible),
/// so if the check still fails when every non-zero figure is hidden, no pattern is safe and the whole table is
/// withheld (<see cref="SuppressedTable.IsWithheld"/>).</para>
/// <para><b>Non-additive tables.</b> There a total is not a sum, so subtraction does not give a cell back exactly
/// and the exact check does not apply. Primary suppression covers the totals as well, and the same line rule is
/// applied as a precaution (a reader still has inequalities such as "the row total is at most the sum of its
/// cells"), but the pattern is not verified.</para>
/// <para>The algorithm is deterministic: the same table and threshold always give the same pattern, so the page
/// and every export agree.</para>
/// <para><b>Known limits.</b> The check models a reader who knows the rules and the kind of every mark, not one who
/// also replays the smallest-first choice (such a reader could add "this secondary is no larger than the visible
/// candidates beside it"). Non-additive tables are not verified (see above). Zeros stay visible, so a reader may
/// see that a small hidden group sits entirely in one category.</para>
/// </remarks>
public static class CellSuppression
{
    public static SuppressedTable Protect(CountTable table, DisclosureRules rules) => Protect(table, rules, verify: true);

    /// <param name="verify">False only in tests, to show what the line rule alone would publish.</param>
    internal static SuppressedTable Protect(CountTable table, DisclosureRules rules, bool verify)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rules);
        var rows = table.RowCount + 1;
        var columns = table.ColumnCount + 1;
        var status = new CellStatus[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (rules.IsSensitive(table.At(r, c)))
                {
                    status[r, c] = CellStatus.PrimarySuppressed;
                }
            }
        }

        CompleteLines(table, status);
        var withheld = false;
        if (verify && table.IsAdditive)
        {
            while (FeasibleRanges.FirstExposed(table, status, rules.Threshold) is { } exposed)
            {
                var pick = SmallestVisible(table, status, exposed.Row, exposed.Column) ?? SmallestVisible(table, status, -1, -1);
                if (pick is not { } next)
                {
                    withheld = true;
                    break;
                }

                status[next.Row, next.Column] = CellStatus.SecondarySuppressed;
                CompleteLines(table, status);
            }
        }

        var grid = new TableCell[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                grid[r, c] = withheld ? TableCell.Suppressed(CellStatus.Withheld)
                    : status[r, c] == CellStatus.Published ? TableCell.Published(table.At(r, c))
                    : TableCell.Suppressed(status[r, c]);
            }
        }

        return new SuppressedTable(grid, rules.Threshold, table.IsAdditive, withheld);
    }

    /// <summary>The line rule: every line with exactly one hidden figure gets a second one.</summary>
    private static void CompleteLines(CountTable table, CellStatus[,] status)
    {
        var rows = status.GetLength(0);
        var columns = status.GetLength(1);
        var hiddenInRow = new int[rows];
        var hiddenInColumn = new int[columns];
        while (true)
        {
            Array.Clear(hiddenInRow);
            Array.Clear(hiddenInColumn);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    if (status[r, c] != CellStatus.Published)
                    {
                        hiddenInRow[r]++;
                        hiddenInColumn[c]++;
                    }
                }
            }

            (int Value, int Lines, int Row, int Column)? best = null;
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    var value = table.At(r, c);
                    if (status[r, c] != CellStatus.Published || value == 0)
                    {
                        continue;
                    }

                    var lines = (hiddenInRow[r] == 1 ? 1 : 0) + (hiddenInColumn[c] == 1 ? 1 : 0);
                    if (lines > 0 && (best is not { } b || value < b.Value || (value == b.Value && lines > b.Lines)))
                    {
                        best = (value, lines, r, c);
                    }
                }
            }

            if (best is not { } pick)
            {
                return;
            }

            status[pick.Row, pick.Column] = CellStatus.SecondarySuppressed;
        }
    }

    /// <summary>
    /// The smallest visible non-zero figure on row <paramref name="row"/> or column <paramref name="column"/>
    /// (anywhere when both are -1); ties go to the lowest row, then column.
    /// </summary>
    private static (int Row, int Column)? SmallestVisible(CountTable table, CellStatus[,] status, int row, int column)
    {
        (int Value, int Row, int Column)? best = null;
        for (var r = 0; r < status.GetLength(0); r++)
        {
            for (var c = 0; c < status.GetLength(1); c++)
            {
                var onLine = row < 0 || r == row || c == column;
                var value = table.At(r, c);
                if (onLine && status[r, c] == CellStatus.Published && value > 0 && (best is not { } b || value < b.Value))
                {
                    best = (value, r, c);
                }
            }
        }

        return best is { } pick ? (pick.Row, pick.Column) : null;
    }
}
