namespace Baken.Features.Reporting.Disclosure;

/// <summary>
/// A two-dimensional table of counts of distinct people as it would be published without protection: cells,
/// row totals, column totals and a grand total (for example rows = closure outcome, columns = quarter).
/// </summary>
/// <remarks>
/// <para>
/// Totals are kept apart from the cells because, when people are counted distinctly, a total need not be the sum
/// of its cells: someone who closed a trajectory in two quarters is one person in the year's total but appears in
/// two quarter columns. <see cref="Additive"/> builds a table whose totals are the sums (each person in exactly one
/// cell; a reader can then subtract, which is what secondary suppression defends against); <see cref="WithTotals"/>
/// takes the totals as counted.
/// </para>
/// <para>
/// Internally the table is an (R + 1) × (C + 1) grid: row <see cref="RowCount"/> holds the column totals, column
/// <see cref="ColumnCount"/> the row totals and the corner the grand total. <see cref="At"/> uses that indexing.
/// </para>
/// </remarks>
public sealed class CountTable
{
    private readonly int[,] _grid;

    private CountTable(int[,] grid, bool isAdditive)
    {
        _grid = grid;
        IsAdditive = isAdditive;
    }

    public int RowCount => _grid.GetLength(0) - 1;

    public int ColumnCount => _grid.GetLength(1) - 1;

    /// <summary>True when every total is the sum of its cells (and the grand total the sum of all cells).</summary>
    public bool IsAdditive { get; }

    public int Cell(int row, int column) => _grid[CheckRow(row), CheckColumn(column)];

    public int RowTotal(int row) => _grid[CheckRow(row), ColumnCount];

    public int ColumnTotal(int column) => _grid[RowCount, CheckColumn(column)];

    public int GrandTotal => _grid[RowCount, ColumnCount];

    /// <summary>A value by grid position: <paramref name="row"/> may be <see cref="RowCount"/> (the totals row) and
    /// <paramref name="column"/> may be <see cref="ColumnCount"/> (the totals column).</summary>
    public int At(int row, int column) => _grid[row, column];

    /// <summary>A table whose totals are the sums of its cells; <paramref name="cells"/> is rows × columns.</summary>
    public static CountTable Additive(int[,] cells)
    {
        var (rows, columns) = CheckCells(cells);
        var grid = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var value = cells[r, c];
                grid[r, c] = value;
                grid[r, columns] = checked(grid[r, columns] + value);
                grid[rows, c] = checked(grid[rows, c] + value);
                grid[rows, columns] = checked(grid[rows, columns] + value);
            }
        }

        return new CountTable(grid, isAdditive: true);
    }

    /// <summary>
    /// A table of distinct-people counts whose totals were counted on their own. Each cell is a subset of the people
    /// in its row and in its column, so a cell may not exceed its totals, nor a total the grand total.
    /// </summary>
    public static CountTable WithTotals(int[,] cells, IReadOnlyList<int> rowTotals, IReadOnlyList<int> columnTotals, int grandTotal)
    {
        var (rows, columns) = CheckCells(cells);
        ArgumentNullException.ThrowIfNull(rowTotals);
        ArgumentNullException.ThrowIfNull(columnTotals);
        if (rowTotals.Count != rows)
        {
            throw new ArgumentException("There must be one row total per row.", nameof(rowTotals));
        }

        if (columnTotals.Count != columns)
        {
            throw new ArgumentException("There must be one column total per column.", nameof(columnTotals));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(grandTotal);
        var grid = new int[rows + 1, columns + 1];
        grid[rows, columns] = grandTotal;
        for (var r = 0; r < rows; r++)
        {
            grid[r, columns] = CheckTotal(rowTotals[r], grandTotal, nameof(rowTotals));
        }

        for (var c = 0; c < columns; c++)
        {
            grid[rows, c] = CheckTotal(columnTotals[c], grandTotal, nameof(columnTotals));
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (cells[r, c] > grid[r, columns] || cells[r, c] > grid[rows, c])
                {
                    throw new ArgumentException("A cell counts a subset of its row and column, so it cannot exceed their totals.", nameof(cells));
                }

                grid[r, c] = cells[r, c];
            }
        }

        return new CountTable(grid, isAdditive: false);
    }

    private static (int Rows, int Columns) CheckCells(int[,] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var rows = cells.GetLength(0);
        var columns = cells.GetLength(1);
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException("A table needs at least one row and one column.", nameof(cells));
        }

        foreach (var value in cells)
        {
            if (value < 0)
            {
                throw new ArgumentException("Counts cannot be negative.", nameof(cells));
            }
        }

        return (rows, columns);
    }

    private static int CheckTotal(int total, int grandTotal, string parameter) =>
        total < 0 || total > grandTotal
            ? throw new ArgumentException("A total must lie between 0 and the grand total.", parameter)
            : total;

    private int CheckRow(int row) => (uint)row < (uint)RowCount ? row : throw new ArgumentOutOfRangeException(nameof(row));

    private int CheckColumn(int column) =>
        (uint)column < (uint)ColumnCount ? column : throw new ArgumentOutOfRangeException(nameof(column));
}
