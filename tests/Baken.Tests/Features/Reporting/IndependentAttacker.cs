using Baken.Features.Reporting.Disclosure;

namespace Baken.Tests.Features.Reporting;

/// <summary>
/// A reader trying to compute hidden figures, written without any of the production code's reasoning: it writes
/// down the sums that define an additive table (cells add up to row and column totals, totals add up to the grand
/// total), puts in what is published, and solves small linear programs over the hidden figures with a plain
/// two-phase simplex (Bland's rule, so it always ends).
/// </summary>
/// <remarks>
/// What the reader knows: every published figure; "&lt; threshold" figures lie in 1 .. threshold − 1; secondary
/// figures are at least the threshold (here capped at <see cref="Cap"/>, which only makes the reader's search
/// smaller, so every table it finds is still a table the real reader cannot rule out).
/// A verdict "this figure can take another value" is backed by a concrete whole-number table, checked with exact
/// integer arithmetic. A verdict "derivable" comes from the linear relaxation, which contains every whole-number
/// table, so it is certain too. If a linear optimum were not whole the attacker throws instead of guessing.
/// </remarks>
internal sealed class IndependentAttacker
{
    public const long Cap = 1_000_000;
    private const double Epsilon = 1e-7;

    private readonly List<(int Row, int Column)> _hidden = [];
    private readonly List<long> _lower = [];
    private readonly List<long> _upper = [];
    private readonly List<long> _truth = [];
    private readonly List<(long[] Coefficients, long Constant)> _equations = [];
    private double[,]? _feasible;
    private int[]? _feasibleBasis;

    public IndependentAttacker(CountTable original, SuppressedTable published)
    {
        var rows = published.RowCount;
        var columns = published.ColumnCount;
        var index = new int[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                index[r, c] = -1;
                var cell = published.At(r, c);
                if (!cell.IsSuppressed)
                {
                    continue;
                }

                index[r, c] = _hidden.Count;
                _hidden.Add((r, c));
                _truth.Add(original.At(r, c));
                switch (cell.Status)
                {
                    case CellStatus.PrimarySuppressed:
                        _lower.Add(1);
                        _upper.Add(published.Threshold - 1);
                        break;
                    case CellStatus.SecondarySuppressed:
                        _lower.Add(published.Threshold);
                        _upper.Add(Cap);
                        break;
                    default:
                        throw new InvalidOperationException($"The attacker has no model for {cell.Status}.");
                }
            }
        }

        // Each equation: sum of sign × figure = 0, written over the grid positions.
        void Equation(IEnumerable<(int Row, int Column, int Sign)> terms)
        {
            var coefficients = new long[_hidden.Count];
            long constant = 0;
            foreach (var (row, column, sign) in terms)
            {
                if (index[row, column] >= 0)
                {
                    coefficients[index[row, column]] += sign;
                }
                else
                {
                    constant -= sign * (long)published.At(row, column).Value!.Value;
                }
            }

            if (coefficients.All(x => x == 0))
            {
                constant.ShouldBe(0, "published figures alone must already add up");
                return;
            }

            _equations.Add((coefficients, constant));
        }

        for (var r = 0; r < rows; r++)
        {
            Equation(Enumerable.Range(0, columns).Select(c => (r, c, 1)).Append((r, columns, -1)));
        }

        for (var c = 0; c < columns; c++)
        {
            Equation(Enumerable.Range(0, rows).Select(r => (r, c, 1)).Append((rows, c, -1)));
        }

        Equation(Enumerable.Range(0, columns).Select(c => (rows, c, 1)).Append((rows, columns, -1)));
        Equation(Enumerable.Range(0, rows).Select(r => (r, columns, 1)).Append((rows, columns, -1)));
    }

    public IReadOnlyList<(int Row, int Column)> Hidden => _hidden;

    /// <summary>The hidden figures for which only one value fits what is published.</summary>
    public List<(int Row, int Column)> Derivable()
    {
        var moved = new bool[_hidden.Count];
        for (var v = 0; v < _hidden.Count; v++)
        {
            foreach (var sense in (int[])[1, -1])
            {
                if (moved[v])
                {
                    break;
                }

                var (_, witness) = Optimize(v, sense);
                for (var other = 0; other < witness.Length; other++)
                {
                    moved[other] |= witness[other] != _truth[other];
                }
            }
        }

        return [.. Enumerable.Range(0, _hidden.Count).Where(v => !moved[v]).Select(v => _hidden[v])];
    }

    /// <summary>The smallest and largest value of hidden figure <paramref name="variable"/> (largest capped at <see cref="Cap"/>).</summary>
    public (long Min, long Max) Range(int variable) => (Optimize(variable, -1).Value, Optimize(variable, 1).Value);

    /// <summary>Maximises (sense 1) or minimises (sense −1) one hidden figure; returns the optimum and a checked whole-number table.</summary>
    private (long Value, long[] Witness) Optimize(int variable, int sense)
    {
        EnsureFeasible();
        var tableau = (double[,])_feasible!.Clone();
        var basis = (int[])_feasibleBasis!.Clone();
        var k = _hidden.Count;
        var cost = new double[2 * k];
        cost[variable] = -sense; // the simplex minimises
        Run(tableau, basis, cost, columnsAllowed: 2 * k);

        var rhs = tableau.GetLength(1) - 1;
        var z = new double[2 * k + _equations.Count];
        for (var i = 0; i < basis.Length; i++)
        {
            z[basis[i]] = tableau[i, rhs];
        }

        var witness = new long[k];
        for (var v = 0; v < k; v++)
        {
            var rounded = Math.Round(z[v]);
            if (Math.Abs(z[v] - rounded) > 1e-6)
            {
                throw new InvalidOperationException($"Linear optimum is not whole ({z[v]}); the attacker will not guess.");
            }

            witness[v] = _lower[v] + (long)rounded;
        }

        CheckExactly(witness);
        return (witness[variable], witness);
    }

    private void CheckExactly(long[] values)
    {
        for (var v = 0; v < values.Length; v++)
        {
            values[v].ShouldBeInRange(_lower[v], _upper[v]);
        }

        foreach (var (coefficients, constant) in _equations)
        {
            long sum = 0;
            for (var v = 0; v < values.Length; v++)
            {
                sum += coefficients[v] * values[v];
            }

            sum.ShouldBe(constant, "a witness table must satisfy every published sum exactly");
        }
    }

    /// <summary>
    /// Phase 1, once per table. Variables z = x − lower (k), slacks for z + s = upper − lower (k), then one artificial
    /// per equation. Rows: equations first, then the bound rows, whose slacks form the starting basis with the artificials.
    /// </summary>
    private void EnsureFeasible()
    {
        if (_feasible is not null)
        {
            return;
        }

        var k = _hidden.Count;
        var e = _equations.Count;
        var m = e + k;
        var n = 2 * k + e;
        var tableau = new double[m + 1, n + 1];
        var basis = new int[m];
        for (var i = 0; i < e; i++)
        {
            var (coefficients, constant) = _equations[i];
            var b = (double)constant;
            for (var v = 0; v < k; v++)
            {
                b -= coefficients[v] * _lower[v];
            }

            var flip = b < 0 ? -1 : 1;
            for (var v = 0; v < k; v++)
            {
                tableau[i, v] = flip * coefficients[v];
            }

            tableau[i, 2 * k + i] = 1;
            tableau[i, n] = flip * b;
            basis[i] = 2 * k + i;
        }

        for (var v = 0; v < k; v++)
        {
            tableau[e + v, v] = 1;
            tableau[e + v, k + v] = 1;
            tableau[e + v, n] = _upper[v] - _lower[v];
            basis[e + v] = k + v;
        }

        var cost = new double[n];
        for (var i = 0; i < e; i++)
        {
            cost[2 * k + i] = 1;
        }

        Run(tableau, basis, cost, columnsAllowed: n);
        if (-tableau[m, n] > 1e-6)
        {
            throw new InvalidOperationException("The true table does not fit its own published figures.");
        }

        // Move artificials (all at zero now) out of the basis where a real column can take their place.
        for (var i = 0; i < m; i++)
        {
            if (basis[i] < 2 * k)
            {
                continue;
            }

            for (var j = 0; j < 2 * k; j++)
            {
                if (Math.Abs(tableau[i, j]) > Epsilon)
                {
                    Pivot(tableau, basis, i, j);
                    break;
                }
            }
        }

        _feasible = tableau;
        _feasibleBasis = basis;
    }

    /// <summary>Minimises cost·z from the given feasible basis; only the first <paramref name="columnsAllowed"/> columns may enter.</summary>
    private static void Run(double[,] tableau, int[] basis, double[] cost, int columnsAllowed)
    {
        var m = basis.Length;
        var n = tableau.GetLength(1) - 1;
        for (var j = 0; j <= n; j++)
        {
            var reduced = j < n && j < cost.Length ? cost[j] : 0;
            for (var i = 0; i < m; i++)
            {
                var basicCost = basis[i] < cost.Length ? cost[basis[i]] : 0;
                reduced -= basicCost * tableau[i, j];
            }

            tableau[m, j] = reduced;
        }

        while (true)
        {
            var entering = -1;
            for (var j = 0; j < columnsAllowed; j++)
            {
                if (tableau[m, j] < -Epsilon)
                {
                    entering = j;
                    break;
                }
            }

            if (entering < 0)
            {
                return;
            }

            var leaving = -1;
            var best = double.PositiveInfinity;
            for (var i = 0; i < m; i++)
            {
                if (tableau[i, entering] <= Epsilon)
                {
                    continue;
                }

                var ratio = tableau[i, n] / tableau[i, entering];
                if (ratio < best - Epsilon || (Math.Abs(ratio - best) <= Epsilon && basis[i] < basis[leaving]))
                {
                    best = ratio;
                    leaving = i;
                }
            }

            if (leaving < 0)
            {
                throw new InvalidOperationException("Unbounded linear program; every figure should be bounded here.");
            }

            Pivot(tableau, basis, leaving, entering);
        }
    }

    private static void Pivot(double[,] tableau, int[] basis, int row, int column)
    {
        var rows = tableau.GetLength(0);
        var columns = tableau.GetLength(1);
        var pivot = tableau[row, column];
        for (var j = 0; j < columns; j++)
        {
            tableau[row, j] /= pivot;
        }

        for (var i = 0; i < rows; i++)
        {
            var factor = tableau[i, column];
            if (i == row || factor == 0)
            {
                continue;
            }

            for (var j = 0; j < columns; j++)
            {
                tableau[i, j] -= factor * tableau[row, j];
            }
        }

        basis[row] = column;
    }
}
