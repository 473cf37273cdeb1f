using Baken.Features.Reporting.Disclosure;

namespace Baken.Tests.Features.Reporting;

public sealed class DisclosureRulesTests
{
    [Fact]
    public void The_threshold_is_ten_by_default()
    {
        new DisclosureRules().Threshold.ShouldBe(10);
        DisclosureRules.Default.Threshold.ShouldBe(10);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    [InlineData(-10)]
    public void A_threshold_below_five_is_refused_with_a_dutch_message(int threshold)
    {
        var refusal = Should.Throw<ArgumentException>(() => new DisclosureRules(threshold));
        refusal.Message.ShouldStartWith("De drempel is minimaal 5.");
        DisclosureRules.ValidateThreshold(threshold).ShouldBe("De drempel is minimaal 5.");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    public void A_threshold_of_five_or_more_is_accepted(int threshold)
    {
        new DisclosureRules(threshold).Threshold.ShouldBe(threshold);
        DisclosureRules.ValidateThreshold(threshold).ShouldBeNull();
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(250, true)]
    public void Zero_and_counts_from_the_threshold_up_are_publishable(int count, bool publishable)
    {
        DisclosureRules.Default.IsPublishable(count).ShouldBe(publishable);
        DisclosureRules.Default.IsSensitive(count).ShouldBe(!publishable);
    }

    [Fact]
    public void A_rate_needs_a_base_of_at_least_the_threshold_and_a_numerator_that_it_cannot_give_back()
    {
        var rules = DisclosureRules.Default;
        rules.Rate(20, 40).ShouldBe(0.5m);
        rules.Rate(0, 40).ShouldBe(0m);
        rules.Rate(10, 10).ShouldBe(1m);
        rules.Rate(3, 40).ShouldBeNull("3 = rate × 40 would give the small count back");
        rules.Rate(5, 9).ShouldBeNull("the base is below the threshold");
        rules.Rate(0, 0).ShouldBeNull("no base, no rate");
    }

    [Fact]
    public void A_rate_of_table_cells_is_suppressed_when_either_cell_is()
    {
        var rules = DisclosureRules.Default;
        var hidden = TableCell.Suppressed(CellStatus.SecondarySuppressed);
        rules.Rate(TableCell.Published(12), TableCell.Published(48)).ShouldBe(0.25m);
        rules.Rate(hidden, TableCell.Published(48)).ShouldBeNull();
        rules.Rate(TableCell.Published(12), hidden).ShouldBeNull();
        rules.Rate(TableCell.Suppressed(CellStatus.PrimarySuppressed), TableCell.Published(48)).ShouldBeNull();
    }

    [Fact]
    public void A_median_is_suppressed_when_its_base_is_suppressed_or_small()
    {
        var rules = DisclosureRules.Default;
        double[] nine = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        double[] ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
        rules.Median(nine).ShouldBeNull();
        rules.Median(ten).ShouldBe(5.5);
        rules.Median(ten.Append(100)).ShouldBe(6);
        rules.Median(ten, TableCell.Published(10)).ShouldBe(5.5);
        rules.Median(ten, TableCell.Suppressed(CellStatus.SecondarySuppressed)).ShouldBeNull();
        rules.CanPublishMeasureOver(TableCell.Published(9)).ShouldBeFalse();
        rules.CanPublishMeasureOver(TableCell.Published(0)).ShouldBeFalse();
        rules.CanPublishMeasureOver(TableCell.Published(10)).ShouldBeTrue();
    }
}
