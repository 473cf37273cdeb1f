using System.Globalization;

namespace Baken.Infrastructure.Web;

/// <summary>Times are stored in UTC and shown in Dutch local time, whatever the server's own time zone.</summary>
public static class DisplayTime
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The time zone the users live in.</summary>
    public static TimeZoneInfo Zone => Amsterdam;

    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam)
            .ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The local calendar date of a UTC moment, such as an expiry date.</summary>
    public static DateOnly LocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam));

    public static string FormatDate(DateTime utc) => LocalDate(utc).ToString("d", CultureInfo.CurrentCulture);

    /// <summary>The first moment (UTC) of a local calendar day: a period from 1 March starts here.</summary>
    public static DateTime StartOfLocalDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), Amsterdam);

    /// <summary>The last moment (UTC) of a local calendar day: "until 1 March" includes all of 1 March.</summary>
    public static DateTime EndOfLocalDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), Amsterdam).AddTicks(-1);

    /// <summary>The value of a <c>datetime-local</c> input, in Dutch local time.</summary>
    public static string LocalInput(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads a <c>datetime-local</c> value (Dutch local time) as UTC; null when it is not a valid moment.</summary>
    public static DateTime? ParseLocalInput(string? value) =>
        DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && !Amsterdam.IsInvalidTime(local) // the hour skipped when summer time starts does not exist
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Amsterdam)
            : null;

    /// <summary>For the <c>datetime</c> attribute of a <c>time</c> element.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
