namespace Baken.Features.Reporting.Disclosure;

/// <summary>
/// The disclosure-control settings for published figures: the minimum number of people a published count may
/// describe, and the rules that follow from it for counts, rates and medians.
/// </summary>
/// <remarks>
/// <para>
/// A count <c>n</c> is publishable when it is 0 or at least <see cref="Threshold"/>. A count with
/// <c>0 &lt; n &lt; Threshold</c> is shown as "&lt; Threshold" and a reader may take that to mean "between 1 and
/// Threshold − 1". The threshold is 10 by default (<see cref="DefaultThreshold"/>) and never below 5
/// (<see cref="MinimumThreshold"/>), as the architecture requires.
/// </para>
/// <para>
/// Derived figures follow their base: a rate or median is only shown when its base (the number of people it is
/// computed over) is published and at least the threshold, and a rate also needs a publishable numerator —
/// otherwise rate × base gives the hidden count back.
/// </para>
/// </remarks>
public sealed class DisclosureRules
{
    public const int DefaultThreshold = 10;
    public const int MinimumThreshold = 5;

    /// <summary>The refusal shown next to the threshold field; the constructor throws with the same text.</summary>
    public const string ThresholdTooLowMessage = "De drempel is minimaal 5.";

    public static DisclosureRules Default { get; } = new();

    /// <exception cref="ArgumentOutOfRangeException">The threshold is below <see cref="MinimumThreshold"/>.</exception>
    public DisclosureRules(int threshold = DefaultThreshold)
    {
        if (ValidateThreshold(threshold) is { } message)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, message);
        }

        Threshold = threshold;
    }

    /// <summary>Smallest publishable non-zero count.</summary>
    public int Threshold { get; }

    /// <summary>The Dutch refusal for a threshold a user typed, or null when it is allowed (for forms and settings).</summary>
    public static string? ValidateThreshold(int threshold) => threshold < MinimumThreshold ? ThresholdTooLowMessage : null;

    /// <summary>True for 0 and for counts of at least the threshold: the counts that may be shown as they are.</summary>
    public bool IsPublishable(int count) => count == 0 || count >= Threshold;

    /// <summary>True for a count that must be hidden on its own (primary suppression): <c>0 &lt; count &lt; Threshold</c>.</summary>
    public bool IsSensitive(int count) => count > 0 && count < Threshold;

    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="denominator"/> (a fraction, not a percentage), or null when it
    /// may not be shown: the base is below the threshold (which includes 0), or the numerator is a small count that
    /// the rate would give back.
    /// </summary>
    public decimal? Rate(int numerator, int denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        if (denominator < Threshold || !IsPublishable(numerator))
        {
            return null;
        }

        return (decimal)numerator / denominator;
    }

    /// <summary>The rate of two cells of a protected table; null when either is suppressed or the base is too small.</summary>
    public decimal? Rate(TableCell numerator, TableCell denominator) =>
        numerator.Value is { } top && denominator.Value is { } bottom ? Rate(top, bottom) : null;

    /// <summary>True when a median, mean or rate computed over the people counted in <paramref name="baseCell"/> may be shown.</summary>
    public bool CanPublishMeasureOver(TableCell baseCell) => baseCell.Value is { } count && count >= Threshold;

    /// <summary>The median of the values, or null when there are fewer values than the threshold.</summary>
    public double? Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length < Threshold)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The median of the values of the people counted in <paramref name="baseCell"/>, or null when that cell is
    /// suppressed or below the threshold (or there are too few values).
    /// </summary>
    public double? Median(IEnumerable<double> values, TableCell baseCell) =>
        CanPublishMeasureOver(baseCell) ? Median(values) : null;

    /// <summary>Applies primary and secondary suppression to <paramref name="table"/>; see <see cref="CellSuppression"/>.</summary>
    public SuppressedTable Protect(CountTable table) => CellSuppression.Protect(table, this);
}
