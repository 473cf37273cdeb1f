using System.Diagnostics;
using System.Text;
using Baken.Features.Reporting.Disclosure;

namespace Baken.Tests.Features.Reporting;

/// <summary>
/// Property tests over thousands of random tables (fixed seeds, so a failure is reproducible): nothing small is
/// ever shown, what is shown is true, and no hidden figure can be computed back by a reader who knows the rules.
/// The last is judged by <see cref="IndependentAttacker"/>, not by the production check.
/// </summary>
public sealed class SecondarySuppressionPropertyTests
{
    private const int AdditiveTables = 10_000;

    [Fact]
    public void Random_additive_tables_never_show_a_small_figure_nor_one_that_can_be_computed_back()
    {
        var random = new Random(8_2026);
        var watch = Stopwatch.StartNew();
        int hidden = 0, secondary = 0, repaired = 0, withheld = 0;
        for (var i = 0; i < AdditiveTables; i++)
        {
            var (cells, threshold) = RandomCells(random);
            var table = CountTable.Additive(cells);
            var rules = new DisclosureRules(threshold);

            var published = rules.Protect(table);

            var context = Describe(i, table, published);
            CellSuppressionTests.AllPublishedFiguresAreSafeAndTrue(table, published, context);
            NothingCanBeComputedBack(table, published, rules, context);
            withheld += published.IsWithheld ? 1 : 0;

            hidden += published.PrimaryCount + published.SecondaryCount;
            secondary += published.SecondaryCount;
            repaired += published.SecondaryCount > CellSuppression.Protect(table, rules, verify: false).SecondaryCount ? 1 : 0;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{AdditiveTables} tables, {hidden} hidden figures of which {secondary} secondary; the exact check hid more in {repaired} tables and withheld {withheld}; {watch.Elapsed.TotalSeconds:0.0} s");
        repaired.ShouldBeGreaterThan(0, "the random tables should include cases the line rule alone gets wrong");
        withheld.ShouldBeLessThan(AdditiveTables / 100);
    }

    [Fact]
    public void The_production_ranges_are_exactly_what_the_independent_attacker_finds()
    {
        var random = new Random(17);
        var compared = 0;
        for (var i = 0; i < 400; i++)
        {
            var (cells, threshold) = RandomCells(random);
            var table = CountTable.Additive(cells);
            var rules = new DisclosureRules(threshold);

            // Both the protected table and the unsafe primary-only version, so pinned ranges are compared too.
            var protectedTable = rules.Protect(table);
            if (protectedTable.IsWithheld)
            {
                continue;
            }

            foreach (var published in (SuppressedTable[])[protectedTable, CellSuppression.Protect(table, rules, verify: false)])
            {
                var ranges = FeasibleRanges.Compute(table, published);
                var attacker = new IndependentAttacker(table, published);
                for (var v = 0; v < attacker.Hidden.Count; v++)
                {
                    var (row, column) = attacker.Hidden[v];
                    var range = ranges[row, column]!.Value;
                    var (min, max) = attacker.Range(v);
                    var context = $"({row}, {column}) {Describe(i, table, published)}";
                    range.Min.ShouldBe((int)min, context);
                    if (range.Max is { } finite)
                    {
                        finite.ShouldBe((int)max, context);
                    }
                    else
                    {
                        max.ShouldBe(IndependentAttacker.Cap, context);
                    }

                    compared++;
                }
            }
        }

        compared.ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public void Without_secondary_suppression_the_attacker_does_compute_figures_back()
    {
        // A check of the check: on the line-rule-only pattern the attacker must find
        // derivable figures, exactly where the production ranges say a figure has one value.
        var random = new Random(5);
        var found = 0;
        for (var i = 0; i < 300; i++)
        {
            var (cells, threshold) = RandomCells(random);
            var table = CountTable.Additive(cells);
            var lineRuleOnly = CellSuppression.Protect(table, new DisclosureRules(threshold), verify: false);
            var ranges = FeasibleRanges.Compute(table, lineRuleOnly);
            var derivable = new IndependentAttacker(table, lineRuleOnly).Derivable();
            var pinned = CellSuppressionTests.Hidden(lineRuleOnly).Where(p => !ranges[p.Row, p.Column]!.Value.HasMoreThanOneValue);
            derivable.ShouldBe(pinned, ignoreOrder: true, Describe(i, table, lineRuleOnly));
            found += derivable.Count;
        }

        found.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Larger_tables_like_months_by_category_are_protected_too()
    {
        var random = new Random(12);
        for (var i = 0; i < 100; i++)
        {
            var (cells, threshold) = RandomCells(random, rows: random.Next(8, 17), columns: 12);
            var table = CountTable.Additive(cells);
            var rules = new DisclosureRules(threshold);

            var published = rules.Protect(table);

            var context = Describe(i, table, published);
            CellSuppressionTests.AllPublishedFiguresAreSafeAndTrue(table, published, context);
            NothingCanBeComputedBack(table, published, rules, context);
        }
    }

    [Fact]
    public void Random_non_additive_tables_never_show_a_small_figure_and_show_only_true_ones()
    {
        var random = new Random(1_234);
        for (var i = 0; i < 2_000; i++)
        {
            var table = RandomDistinctPeopleTable(random, out var threshold);

            var published = new DisclosureRules(threshold).Protect(table);

            published.IsAdditive.ShouldBeFalse();
            CellSuppressionTests.AllPublishedFiguresAreSafeAndTrue(table, published, Describe(i, table, published));
        }
    }

    /// <summary>
    /// Property (b): the independent attacker finds no hidden figure with a single possible value. A withheld table
    /// shows nothing, and is allowed only when nothing else is safe: even hiding every non-zero figure leaves one computable.
    /// </summary>
    private static void NothingCanBeComputedBack(CountTable table, SuppressedTable published, DisclosureRules rules, string context)
    {
        if (published.IsWithheld)
        {
            new IndependentAttacker(table, CellSuppressionTests.HideEveryNonZero(table, rules)).Derivable().ShouldNotBeEmpty(context);
            return;
        }

        new IndependentAttacker(table, published).Derivable().ShouldBeEmpty(context);
    }

    /// <summary>
    /// 2..6 rows × 2..8 columns; each table draws its own mix of zeros, small counts and large counts, and its own
    /// spread of large counts (a narrow spread puts many figures right on the threshold, the hardest case).
    /// </summary>
    private static (int[,] Cells, int Threshold) RandomCells(Random random) =>
        RandomCells(random, random.Next(2, 7), random.Next(2, 9));

    private static (int[,] Cells, int Threshold) RandomCells(Random random, int rows, int columns)
    {
        var threshold = random.Next(3) == 0 ? random.Next(5, 16) : DisclosureRules.DefaultThreshold;
        var cells = new int[rows, columns];
        var zeros = random.NextDouble() * 0.5;
        var small = zeros + random.NextDouble() * (1 - zeros) * 0.7;
        var spread = random.Next(4) switch { 0 => 3, 1 => 15, 2 => 60, _ => 400 };
        for (var r = 0; r < cells.GetLength(0); r++)
        {
            for (var c = 0; c < cells.GetLength(1); c++)
            {
                var draw = random.NextDouble();
                cells[r, c] = draw < zeros ? 0 : draw < small ? random.Next(1, threshold) : threshold + random.Next(spread);
            }
        }

        return (cells, threshold);
    }

    /// <summary>
    /// People with one row each (say, a closure outcome) and one or two columns (say, the quarters they closed in):
    /// cells and column totals count distinct people, and a row total is less than its row's sum when someone has two columns.
    /// </summary>
    private static CountTable RandomDistinctPeopleTable(Random random, out int threshold)
    {
        threshold = random.Next(3) == 0 ? random.Next(5, 16) : DisclosureRules.DefaultThreshold;
        var rows = random.Next(2, 7);
        var columns = random.Next(2, 9);
        var cells = new int[rows, columns];
        var rowTotals = new int[rows];
        var twice = random.NextDouble() * 0.4;
        for (var r = 0; r < rows; r++)
        {
            rowTotals[r] = random.Next(3) == 0 ? random.Next(0, threshold) : random.Next(0, 120);
            for (var person = 0; person < rowTotals[r]; person++)
            {
                var first = random.Next(columns);
                cells[r, first]++;
                var second = random.Next(columns);
                if (second != first && random.NextDouble() < twice)
                {
                    cells[r, second]++;
                }
            }
        }

        var columnTotals = Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, rows).Sum(r => cells[r, c])).ToArray();
        return CountTable.WithTotals(cells, rowTotals, columnTotals, rowTotals.Sum());
    }

    private static string Describe(int index, CountTable table, SuppressedTable published)
    {
        var text = new StringBuilder().Append("table ").Append(index).Append(", threshold ").Append(published.Threshold).AppendLine(":");
        for (var r = 0; r <= table.RowCount; r++)
        {
            for (var c = 0; c <= table.ColumnCount; c++)
            {
                var mark = published.At(r, c).Status switch
                {
                    CellStatus.PrimarySuppressed => "<",
                    CellStatus.SecondarySuppressed => "*",
                    CellStatus.Withheld => "!",
                    _ => " ",
                };
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{table.At(r, c),5}{mark}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
