using Baken.Features.Reporting.Disclosure;

namespace Baken.Tests.Features.Reporting;

public sealed class CellSuppressionTests
{
    private static readonly DisclosureRules Rules = DisclosureRules.Default;

    [Fact]
    public void A_small_cell_in_a_three_by_three_table_gets_a_complement_in_its_row_and_its_column()
    {
        var table = CountTable.Additive(new[,] { { 20, 30, 3 }, { 40, 25, 50 }, { 15, 60, 35 } });

        var published = Rules.Protect(table);

        published.Cell(0, 2).Status.ShouldBe(CellStatus.PrimarySuppressed);
        Line(published, row: 0).Count(c => c.Status == CellStatus.SecondarySuppressed).ShouldBeGreaterThanOrEqualTo(1);
        Column(published, column: 2).Count(c => c.Status == CellStatus.SecondarySuppressed).ShouldBeGreaterThanOrEqualTo(1);

        // Smallest complements first: 20 in its row, then 15 and 35 close the cycle; the totals stay visible.
        Hidden(published).ShouldBe([(0, 0), (0, 2), (2, 0), (2, 2)]);
        published.RowTotal(0).Value.ShouldBe(53);
        published.GrandTotal.Value.ShouldBe(278);
        FeasibleRanges.Compute(table, published)[0, 2].ShouldBe(new FeasibleRange(1, 9));
        new IndependentAttacker(table, published).Derivable().ShouldBeEmpty();
    }

    [Fact]
    public void A_single_small_cell_beside_a_published_total_is_derivable_without_secondary_suppression_and_not_after()
    {
        var table = CountTable.Additive(new[,] { { 12, 4, 30 }, { 25, 18, 40 } });

        var primaryOnly = PrimaryOnly(table);
        primaryOnly.Cell(0, 1).Status.ShouldBe(CellStatus.PrimarySuppressed);
        (primaryOnly.RowTotal(0).Value - primaryOnly.Cell(0, 0).Value - primaryOnly.Cell(0, 2).Value).ShouldBe(4, "subtraction gives it back");
        FeasibleRanges.Compute(table, primaryOnly)[0, 1].ShouldBe(new FeasibleRange(4, 4));
        new IndependentAttacker(table, primaryOnly).Derivable().ShouldContain((0, 1));

        var published = Rules.Protect(table);

        published.Cell(0, 1).Status.ShouldBe(CellStatus.PrimarySuppressed);
        FeasibleRanges.Compute(table, published)[0, 1]!.Value.HasMoreThanOneValue.ShouldBeTrue();
        new IndependentAttacker(table, published).Derivable().ShouldBeEmpty();
    }

    [Fact]
    public void The_line_rule_alone_can_leave_a_figure_derivable_and_the_check_then_hides_more()
    {
        // The line rule hides 9, 10 (row 0), 10 (column 1) and 15 (row 1): a cycle with two hidden figures per line.
        // But the 9 cannot rise (a "< 10" is at most 9) and cannot fall, because the 10 beside it would have to rise
        // and the 10 below that fall under the threshold, which a secondary figure never is. So the 9 is disclosed.
        var table = CountTable.Additive(new[,] { { 9, 10, 50 }, { 15, 10, 50 }, { 40, 40, 40 } });

        var lineRuleOnly = CellSuppression.Protect(table, Rules, verify: false);
        FeasibleRanges.Compute(table, lineRuleOnly)[0, 0].ShouldBe(new FeasibleRange(9, 9));
        new IndependentAttacker(table, lineRuleOnly).Derivable().ShouldContain((0, 0));

        var published = Rules.Protect(table);

        published.SecondaryCount.ShouldBeGreaterThan(lineRuleOnly.SecondaryCount);
        var ranges = FeasibleRanges.Compute(table, published);
        foreach (var (row, column) in Hidden(published))
        {
            ranges[row, column]!.Value.HasMoreThanOneValue.ShouldBeTrue($"({row}, {column})");
        }

        new IndependentAttacker(table, published).Derivable().ShouldBeEmpty();
    }

    [Fact]
    public void Zeros_are_published_and_a_cell_equal_to_a_small_total_hides_that_total_too()
    {
        var table = CountTable.Additive(new[,] { { 0, 4, 0 }, { 20, 30, 12 }, { 0, 45, 0 } });

        var published = Rules.Protect(table);

        published.Cell(0, 0).ShouldBe(TableCell.Published(0));
        published.Cell(0, 2).ShouldBe(TableCell.Published(0));
        published.Cell(0, 1).Status.ShouldBe(CellStatus.PrimarySuppressed);
        published.RowTotal(0).Status.ShouldBe(CellStatus.PrimarySuppressed, "everyone in this small row is in one column");
        new IndependentAttacker(table, published).Derivable().ShouldBeEmpty();
    }

    [Fact]
    public void A_cell_equal_to_a_total_of_at_least_the_threshold_is_published()
    {
        // Everyone in row 1 is in column 1, but 25 people is a group the threshold allows.
        var table = CountTable.Additive(new[,] { { 20, 30, 12 }, { 0, 25, 0 } });

        var published = Rules.Protect(table);

        published.Cell(1, 1).ShouldBe(TableCell.Published(25));
        published.RowTotal(1).ShouldBe(TableCell.Published(25));
        published.Cell(1, 0).ShouldBe(TableCell.Published(0));
        (published.PrimaryCount + published.SecondaryCount).ShouldBe(0);
    }

    [Fact]
    public void A_table_that_no_pattern_can_protect_is_withheld_whole()
    {
        // Threshold 5: four "< 5" cells in a column whose total is "< 5" must each be 1, however much else is hidden.
        var table = CountTable.Additive(new[,] { { 1, 20 }, { 1, 30 }, { 1, 40 }, { 1, 50 } });

        var published = new DisclosureRules(5).Protect(table);

        published.IsWithheld.ShouldBeTrue();
        for (var r = 0; r <= table.RowCount; r++)
        {
            for (var c = 0; c <= table.ColumnCount; c++)
            {
                published.At(r, c).ShouldBe(TableCell.Suppressed(CellStatus.Withheld));
            }
        }

        new IndependentAttacker(table, HideEveryNonZero(table, new DisclosureRules(5))).Derivable().ShouldContain((0, 0));
    }

    [Fact]
    public void A_small_total_is_hidden_even_when_every_cell_is_zero_or_large()
    {
        var table = CountTable.WithTotals(new[,] { { 0, 0 }, { 30, 12 } }, rowTotals: [0, 40], columnTotals: [30, 12], grandTotal: 40);

        var published = Rules.Protect(table);

        published.IsAdditive.ShouldBeFalse();
        published.RowTotal(0).ShouldBe(TableCell.Published(0));
        published.RowTotal(1).ShouldBe(TableCell.Published(40), "a person in both columns is counted once");
        AllPublishedFiguresAreSafeAndTrue(table, published);

        var smallTotal = CountTable.WithTotals(new[,] { { 6, 5 }, { 30, 12 } }, rowTotals: [8, 40], columnTotals: [36, 17], grandTotal: 48);
        var hidden = Rules.Protect(smallTotal);
        hidden.RowTotal(0).Status.ShouldBe(CellStatus.PrimarySuppressed);
        AllPublishedFiguresAreSafeAndTrue(smallTotal, hidden);
        Should.Throw<ArgumentException>(() => FeasibleRanges.Compute(smallTotal, hidden));
    }

    [Fact]
    public void A_non_additive_table_still_gets_a_second_hidden_figure_in_a_line_with_one()
    {
        // 21 people in the row, columns 12 and x: with x published hidden alone, 12 + x ≥ 21 would give x = 9.
        var table = CountTable.WithTotals(new[,] { { 12, 9 }, { 40, 35 } }, rowTotals: [21, 70], columnTotals: [52, 44], grandTotal: 91);

        var published = Rules.Protect(table);

        published.Cell(0, 1).Status.ShouldBe(CellStatus.PrimarySuppressed);
        Line(published, row: 0).Count(c => c.IsSuppressed).ShouldBeGreaterThanOrEqualTo(2);
        published.Cell(0, 0).Status.ShouldBe(CellStatus.SecondarySuppressed);
        AllPublishedFiguresAreSafeAndTrue(table, published);
    }

    [Fact]
    public void A_table_without_small_counts_is_published_whole_and_the_same_input_gives_the_same_pattern()
    {
        var large = CountTable.Additive(new[,] { { 10, 0, 31 }, { 12, 50, 0 } });
        var whole = Rules.Protect(large);
        (whole.PrimaryCount + whole.SecondaryCount).ShouldBe(0);
        whole.GrandTotal.Value.ShouldBe(103);

        var table = CountTable.Additive(new[,] { { 3, 14, 14, 2 }, { 14, 14, 60, 14 }, { 7, 14, 14, 14 } });
        Hidden(Rules.Protect(table)).ShouldBe(Hidden(Rules.Protect(table)));
    }

    [Fact]
    public void Bad_tables_are_refused()
    {
        Should.Throw<ArgumentException>(() => CountTable.Additive(new int[0, 3]));
        Should.Throw<ArgumentException>(() => CountTable.Additive(new[,] { { 1, -1 } }));
        Should.Throw<ArgumentException>(() => CountTable.WithTotals(new[,] { { 12 } }, [10], [12], 12));
        Should.Throw<ArgumentException>(() => CountTable.WithTotals(new[,] { { 12 } }, [12], [12], 11));
        Should.Throw<ArgumentException>(() => CountTable.WithTotals(new[,] { { 12, 1 } }, [12], [12], 12));
    }

    internal static IEnumerable<TableCell> Line(SuppressedTable table, int row) =>
        Enumerable.Range(0, table.ColumnCount + 1).Select(c => table.At(row, c));

    internal static IEnumerable<TableCell> Column(SuppressedTable table, int column) =>
        Enumerable.Range(0, table.RowCount + 1).Select(r => table.At(r, column));

    internal static List<(int Row, int Column)> Hidden(SuppressedTable table) =>
        [.. from r in Enumerable.Range(0, table.RowCount + 1)
            from c in Enumerable.Range(0, table.ColumnCount + 1)
            where table.At(r, c).IsSuppressed
            select (r, c)];

    /// <summary>Properties (a) and (c): nothing small is shown, and what is shown is the true count.</summary>
    internal static void AllPublishedFiguresAreSafeAndTrue(CountTable table, SuppressedTable published, string? context = null)
    {
        published.RowCount.ShouldBe(table.RowCount);
        published.ColumnCount.ShouldBe(table.ColumnCount);
        for (var r = 0; r <= table.RowCount; r++)
        {
            for (var c = 0; c <= table.ColumnCount; c++)
            {
                var cell = published.At(r, c);
                if (cell.Value is { } value)
                {
                    value.ShouldBe(table.At(r, c), context);
                    (value is > 0 && value < published.Threshold).ShouldBeFalse($"({r}, {c}) shows {value}. {context}");
                }
                else if (cell.Status == CellStatus.SecondarySuppressed)
                {
                    // The attacker model relies on this: complements are never zero and never small.
                    table.At(r, c).ShouldBeGreaterThanOrEqualTo(published.Threshold, context);
                }
                else if (cell.Status == CellStatus.PrimarySuppressed)
                {
                    table.At(r, c).ShouldBeInRange(1, published.Threshold - 1, context);
                }
            }
        }
    }

    /// <summary>The most any pattern can hide (zeros are never hidden): if this is unsafe, every pattern is.</summary>
    internal static SuppressedTable HideEveryNonZero(CountTable table, DisclosureRules rules)
    {
        var grid = new TableCell[table.RowCount + 1, table.ColumnCount + 1];
        for (var r = 0; r <= table.RowCount; r++)
        {
            for (var c = 0; c <= table.ColumnCount; c++)
            {
                var value = table.At(r, c);
                grid[r, c] = value == 0 ? TableCell.Published(0)
                    : TableCell.Suppressed(rules.IsSensitive(value) ? CellStatus.PrimarySuppressed : CellStatus.SecondarySuppressed);
            }
        }

        return new SuppressedTable(grid, rules.Threshold, table.IsAdditive, isWithheld: false);
    }

    /// <summary>What would be published with primary suppression only, to show the danger the rest prevents.</summary>
    private static SuppressedTable PrimaryOnly(CountTable table)
    {
        var grid = new TableCell[table.RowCount + 1, table.ColumnCount + 1];
        for (var r = 0; r <= table.RowCount; r++)
        {
            for (var c = 0; c <= table.ColumnCount; c++)
            {
                var value = table.At(r, c);
                grid[r, c] = Rules.IsSensitive(value) ? TableCell.Suppressed(CellStatus.PrimarySuppressed) : TableCell.Published(value);
            }
        }

        return new SuppressedTable(grid, Rules.Threshold, table.IsAdditive, isWithheld: false);
    }
}
