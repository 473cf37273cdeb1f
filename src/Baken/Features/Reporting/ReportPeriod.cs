using System.Globalization;
using System.Text.RegularExpressions;

namespace Baken.Features.Reporting;

/// <summary>
/// A calendar year, quarter or month, the only periods a table is published for. Written as "2026",
/// "2026-K2" (kwartaal) or "2026-03" in addresses, forms and files.
/// </summary>
public readonly partial record struct ReportPeriod
{
    /// <summary>The first year a period may be in: nothing in Baken is older.</summary>
    public const int FirstYear = 2000;

    private ReportPeriod(PeriodLength length, int year, int number)
    {
        Length = length;
        Year = year;
        Number = number;
    }

    public PeriodLength Length { get; }

    public int Year { get; }

    /// <summary>The quarter (1–4) or month (1–12); 1 for a year.</summary>
    public int Number { get; }

    public DateOnly Start => Length switch
    {
        PeriodLength.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        PeriodLength.Month => new DateOnly(Year, Number, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>The first day after the period.</summary>
    public DateOnly End => Length switch
    {
        PeriodLength.Quarter => Start.AddMonths(3),
        PeriodLength.Month => Start.AddMonths(1),
        _ => Start.AddYears(1),
    };

    public static ReportPeriod OfYear(int year) => new(PeriodLength.Year, year, 1);

    public static ReportPeriod OfQuarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 ? new(PeriodLength.Quarter, year, quarter) : throw new ArgumentOutOfRangeException(nameof(quarter));

    public static ReportPeriod OfMonth(int year, int month) =>
        month is >= 1 and <= 12 ? new(PeriodLength.Month, year, month) : throw new ArgumentOutOfRangeException(nameof(month));

    /// <summary>The period before this one of the same length, for charts over time.</summary>
    public ReportPeriod Previous() => Length switch
    {
        PeriodLength.Quarter => Number == 1 ? OfQuarter(Year - 1, 4) : OfQuarter(Year, Number - 1),
        PeriodLength.Month => Number == 1 ? OfMonth(Year - 1, 12) : OfMonth(Year, Number - 1),
        _ => OfYear(Year - 1),
    };

    public override string ToString() => Length switch
    {
        PeriodLength.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-K{Number}"),
        PeriodLength.Month => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Number:00}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Reads "2026", "2026-K2" (or "2026-Q2") and "2026-03". Refuses what is not a period, a year before
    /// <see cref="FirstYear"/> and a period that has not started on <paramref name="today"/>: the key of the
    /// message is returned in <paramref name="refusal"/>.
    /// </summary>
    public static bool TryParse(string? text, DateOnly today, out ReportPeriod period, out string? refusal)
    {
        period = default;
        refusal = "Reporting_PeriodInvalid";
        var match = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["quarter"].Success)
        {
            var quarter = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            if (quarter is < 1 or > 4)
            {
                return false;
            }

            period = OfQuarter(year, quarter);
        }
        else if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }

            period = OfMonth(year, month);
        }
        else
        {
            period = OfYear(year);
        }

        if (year < FirstYear || period.Start > today)
        {
            refusal = "Reporting_PeriodOutOfRange";
            period = default;
            return false;
        }

        refusal = null;
        return true;
    }

    [GeneratedRegex(@"^(?<year>\d{4})(-[KkQq](?<quarter>\d)|-(?<month>\d{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
