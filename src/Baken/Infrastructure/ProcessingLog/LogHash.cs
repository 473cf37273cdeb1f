using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Baken.Infrastructure.ProcessingLog;

/// <summary>The chain's hash: SHA-256 over a fixed text form of every field of an entry and the previous hash.</summary>
public static class LogHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Of(ProcessingLogEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.PreviousHash,
            entry.TraceId,
            entry.SpanId,
            entry.Action,
            Time(entry.StartedAtUtc),
            Time(entry.EndedAtUtc),
            ((int)entry.Status).ToString(CultureInfo.InvariantCulture),
            entry.ProcessingActivityId.ToString("N"),
            entry.SubjectId.ToString("N"),
            entry.Actor.UserId?.ToString("N") ?? "-",
            entry.Actor.OrganisationId?.ToString("N") ?? "-",
            entry.Actor.Roles ?? "-"))));

    /// <summary>What a head or checkpoint signature covers.</summary>
    public static byte[] HeadPayload(long sequence, string hash) =>
        Encoding.UTF8.GetBytes($"baken-processing-log|{sequence.ToString(CultureInfo.InvariantCulture)}|{hash}");

    /// <summary>Microsecond precision: what PostgreSQL keeps; SQLite keeps more, so both hash the same value.</summary>
    public static DateTime Truncate(DateTime time) =>
        new(time.Ticks - (time.Ticks % 10), DateTimeKind.Utc);

    private static string Time(DateTime time) =>
        Truncate(time).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
