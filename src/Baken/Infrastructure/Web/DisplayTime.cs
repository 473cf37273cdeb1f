using System.Globalization;

namespace Baken.Infrastructure.Web;

/// <summary>Times are stored in UTC and shown in Dutch local time, whatever the server's own time zone.</summary>
public static class DisplayTime
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam)
            .ToString("g", CultureInfo.CurrentCulture);

    /// <summary>For the <c>datetime</c> attribute of a <c>time</c> element.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
