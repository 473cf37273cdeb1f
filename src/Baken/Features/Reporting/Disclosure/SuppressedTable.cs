namespace Baken.Features.Reporting.Disclosure;

/// <summary>
/// A table as it may be published: every cell and total is either its count or a suppression mark with the
/// reason. Pages, CSV and XLSX exports all render this one object, so they show identical figures.
/// </summary>
/// <remarks>
/// Show <see cref="CellStatus.PrimarySuppressed"/> as "&lt; <see cref="Threshold"/>" and
/// <see cref="CellStatus.SecondarySuppressed"/> with a separate mark: a secondary figure is never small, so
/// labelling it "&lt; threshold" would be false. The safety check assumes the reader can tell the two apart.
/// </remarks>
public sealed class SuppressedTable
{
    private readonly TableCell[,] _grid;

    internal SuppressedTable(TableCell[,] grid, int threshold, bool isAdditive, bool isWithheld)
    {
        _grid = grid;
        Threshold = threshold;
        IsAdditive = isAdditive;
        IsWithheld = isWithheld;
    }

    public int RowCount => _grid.GetLength(0) - 1;

    public int ColumnCount => _grid.GetLength(1) - 1;

    /// <summary>The threshold the table was protected with (for the "&lt; 10" label and the explanation).</summary>
    public int Threshold { get; }

    /// <summary>True when the totals were the sums of the cells, so the table was verified against subtraction.</summary>
    public bool IsAdditive { get; }

    /// <summary>
    /// True when no suppression pattern is safe, so every figure is hidden and the page says the numbers are too small
    /// to show. Hiding more never narrows what a reader can work out, so this happens only when even hiding every
    /// non-zero figure leaves one computable — for example, with threshold 5, four "&lt; 5" cells whose column total
    /// is "&lt; 5": each of them must be 1. Rare: at most about one in several thousand random test tables.
    /// </summary>
    public bool IsWithheld { get; }

    public TableCell Cell(int row, int column) => _grid[CheckRow(row), CheckColumn(column)];

    public TableCell RowTotal(int row) => _grid[CheckRow(row), ColumnCount];

    public TableCell ColumnTotal(int column) => _grid[RowCount, CheckColumn(column)];

    public TableCell GrandTotal => _grid[RowCount, ColumnCount];

    /// <summary>A figure by grid position, with row <see cref="RowCount"/> the totals row and column
    /// <see cref="ColumnCount"/> the totals column (see <see cref="CountTable.At"/>).</summary>
    public TableCell At(int row, int column) => _grid[row, column];

    public int PrimaryCount => Count(CellStatus.PrimarySuppressed);

    public int SecondaryCount => Count(CellStatus.SecondarySuppressed);

    private int Count(CellStatus status)
    {
        var count = 0;
        foreach (var cell in _grid)
        {
            if (cell.Status == status)
            {
                count++;
            }
        }

        return count;
    }

    private int CheckRow(int row) => (uint)row < (uint)RowCount ? row : throw new ArgumentOutOfRangeException(nameof(row));

    private int CheckColumn(int column) =>
        (uint)column < (uint)ColumnCount ? column : throw new ArgumentOutOfRangeException(nameof(column));
}
