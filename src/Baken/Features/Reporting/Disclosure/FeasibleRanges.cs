namespace Baken.Features.Reporting.Disclosure;

/// <summary>
/// What a reader can work out about a hidden figure: every whole number from <see cref="Min"/> to
/// <see cref="Max"/> (null: no upper limit) is possible given the published table.
/// </summary>
public readonly record struct FeasibleRange(int Min, int? Max)
{
    /// <summary>False when the reader can compute the figure exactly.</summary>
    public bool HasMoreThanOneValue => Max is not { } max || max > Min;
}

/// <summary>
/// The exact range of every hidden figure of an additive table, as a reader who knows the suppression rules
/// could derive it.
/// </summary>
/// <remarks>
/// <para><b>What the reader knows.</b> Every published figure exactly; every figure marked "&lt; threshold" lies
/// in 1 .. threshold − 1; every secondary figure is at least the threshold (secondaries are never zero and never
/// small, see <see cref="CellSuppression"/>); the table is additive: each row's cells add up to its row total,
/// each column's to its column total, and the row totals and the column totals both add up to the grand total.</para>
/// <para><b>The table as a graph.</b> Give every row of the (R + 1) × (C + 1) grid — the totals row included — a
/// node, and every column — the totals column included — a node. A figure at (row, column) is an edge between its
/// two nodes. Count the totals with a minus sign (the grand total, a total of totals, with a plus sign); then
/// every row and every column of the grid sums to zero. Another table that agrees with everything published
/// therefore differs from the true one only on the hidden figures, by changes that sum to zero around every node:
/// a circulation on the edges of the hidden figures. A hidden figure can only change when its edge lies on a
/// cycle of hidden figures, and only as far as every figure on the way stays within what the reader knows.</para>
/// <para><b>Computing the range.</b> Raising (or lowering) a figure by <c>k</c> means sending <c>k</c> units
/// through its own edge and back through the other hidden edges. So the largest rise is the maximum flow between
/// the edge's two nodes in the network of the other hidden figures, where each figure may move up to its upper
/// limit one way and down to its lower limit the other way, capped by the figure's own room to move. That maximum
/// flow is computed exactly (Edmonds–Karp). Because all limits are whole numbers, a maximum flow can always be
/// taken whole, and any smaller whole flow exists too — so every whole number in [min, max] is a table the
/// reader cannot rule out. The range is exact, not an estimate: if it says one value, the figure is disclosed;
/// if it says more, there is a concrete other table that fits everything published.</para>
/// <para>This reasoning needs equalities, so it applies to additive tables only.</para>
/// </remarks>
public static class FeasibleRanges
{
    /// <summary>Flow standing in for "no limit": far above any count, far below overflow.</summary>
    private const long Unlimited = 1L << 40;

    /// <summary>
    /// The range of every hidden figure of <paramref name="published"/> (null for published figures), indexed like
    /// <see cref="SuppressedTable.At"/>. <paramref name="original"/> only supplies one table that fits, as the
    /// starting point; the ranges depend on the published figures alone.
    /// </summary>
    public static FeasibleRange?[,] Compute(CountTable original, SuppressedTable published)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(published);
        if (!original.IsAdditive || published.IsWithheld)
        {
            throw new ArgumentException("Ranges follow from sums, so they exist only for an additive table that is not withheld.", nameof(published));
        }

        if (original.RowCount != published.RowCount || original.ColumnCount != published.ColumnCount)
        {
            throw new ArgumentException("The tables differ in size.", nameof(published));
        }

        var status = new CellStatus[original.RowCount + 1, original.ColumnCount + 1];
        for (var r = 0; r <= original.RowCount; r++)
        {
            for (var c = 0; c <= original.ColumnCount; c++)
            {
                var cell = published.At(r, c);
                if (cell.Value is { } value && value != original.At(r, c))
                {
                    throw new ArgumentException("The published table was not made from this table.", nameof(published));
                }

                status[r, c] = cell.Status;
            }
        }

        var network = new Network(original, status, published.Threshold);
        var ranges = new FeasibleRange?[status.GetLength(0), status.GetLength(1)];
        for (var r = 0; r < status.GetLength(0); r++)
        {
            for (var c = 0; c < status.GetLength(1); c++)
            {
                if (status[r, c] != CellStatus.Published)
                {
                    ranges[r, c] = network.RangeOf(r, c);
                }
            }
        }

        return ranges;
    }

    /// <summary>The first hidden figure (row by row) that a reader could compute exactly, or null when none.</summary>
    internal static (int Row, int Column)? FirstExposed(CountTable table, CellStatus[,] status, int threshold)
    {
        var network = new Network(table, status, threshold);
        for (var r = 0; r < status.GetLength(0); r++)
        {
            for (var c = 0; c < status.GetLength(1); c++)
            {
                if (status[r, c] != CellStatus.Published && !network.RangeOf(r, c).HasMoreThanOneValue)
                {
                    return (r, c);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Nodes 0 .. rows − 1 are the grid's rows, rows .. rows + columns − 1 its columns. An arc row → column carries
    /// an increase of the figure's signed value (value, or −value for a row or column total), the arc back a
    /// decrease.
    /// </summary>
    private sealed class Network
    {
        private readonly CountTable _table;
        private readonly CellStatus[,] _status;
        private readonly int _threshold;
        private readonly int _rows;
        private readonly long[,] _capacity;

        public Network(CountTable table, CellStatus[,] status, int threshold)
        {
            _table = table;
            _status = status;
            _threshold = threshold;
            _rows = status.GetLength(0);
            var nodes = _rows + status.GetLength(1);
            _capacity = new long[nodes, nodes];
            for (var r = 0; r < _rows; r++)
            {
                for (var c = 0; c < status.GetLength(1); c++)
                {
                    if (status[r, c] == CellStatus.Published)
                    {
                        continue;
                    }

                    var (up, down) = Room(r, c);
                    var positive = IsPositive(r, c);
                    _capacity[r, _rows + c] = positive ? up : down;
                    _capacity[_rows + c, r] = positive ? down : up;
                }
            }
        }

        public FeasibleRange RangeOf(int row, int column)
        {
            var value = _table.At(row, column);
            var (up, down) = Room(row, column);
            var rowNode = row;
            var columnNode = _rows + column;
            var others = (long[,])_capacity.Clone();
            others[rowNode, columnNode] = 0;
            others[columnNode, rowNode] = 0;
            var backToRow = MaxFlow((long[,])others.Clone(), columnNode, rowNode);
            var backToColumn = MaxFlow(others, rowNode, columnNode);

            // A positive figure rises by sending flow row → column through itself, which must come back column → row.
            var positive = IsPositive(row, column);
            var rise = Math.Min(up, positive ? backToRow : backToColumn);
            var fall = Math.Min(down, positive ? backToColumn : backToRow);
            return new FeasibleRange(value - (int)fall, rise >= Unlimited || value + rise > int.MaxValue ? null : value + (int)rise);
        }

        /// <summary>How far the reader's knowledge lets the figure rise and fall from its true value.</summary>
        private (long Up, long Down) Room(int row, int column)
        {
            var value = _table.At(row, column);
            return _status[row, column] == CellStatus.PrimarySuppressed
                ? (_threshold - 1 - value, value - 1)
                : (Unlimited, value - _threshold);
        }

        /// <summary>Cells and the grand total count positively; row and column totals negatively.</summary>
        private bool IsPositive(int row, int column) =>
            row < _rows - 1 == column < _status.GetLength(1) - 1;

        /// <summary>Edmonds–Karp on a dense residual matrix (the graphs have a few dozen nodes at most).</summary>
        private static long MaxFlow(long[,] residual, int source, int sink)
        {
            var nodes = residual.GetLength(0);
            var parent = new int[nodes];
            var queue = new Queue<int>(nodes);
            long total = 0;
            while (total < Unlimited)
            {
                Array.Fill(parent, -1);
                parent[source] = source;
                queue.Clear();
                queue.Enqueue(source);
                while (queue.Count > 0 && parent[sink] < 0)
                {
                    var node = queue.Dequeue();
                    for (var next = 0; next < nodes; next++)
                    {
                        if (parent[next] < 0 && residual[node, next] > 0)
                        {
                            parent[next] = node;
                            queue.Enqueue(next);
                        }
                    }
                }

                if (parent[sink] < 0)
                {
                    break;
                }

                var bottleneck = long.MaxValue;
                for (var node = sink; node != source; node = parent[node])
                {
                    bottleneck = Math.Min(bottleneck, residual[parent[node], node]);
                }

                for (var node = sink; node != source; node = parent[node])
                {
                    residual[parent[node], node] -= bottleneck;
                    residual[node, parent[node]] += bottleneck;
                }

                total += bottleneck;
            }

            return total;
        }
    }
}
