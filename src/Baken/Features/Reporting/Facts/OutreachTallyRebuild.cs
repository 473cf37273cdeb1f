using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Reporting.Facts;

/// <summary>
/// Recounts every <see cref="OutreachTally"/> from the contacts as they are: for the migration that introduced
/// the tallies, and for data that is inserted in bulk (the demo and the benchmark generator). The local month is
/// worked out in SQL. PostgreSQL converts to Europe/Amsterdam itself; SQLite has no time zones, so it uses the
/// European summer-time rule: a month from April to October starts at 22:00 UTC the day before, any other at
/// 23:00 UTC (clocks change on the last Sunday of March and October, never within two hours of a month's start).
/// </summary>
public static class OutreachTallyRebuild
{
    public static string Sql(bool postgres)
    {
        var month = postgres
            ? """CAST(date_trunc('month', c."AtUtc" AT TIME ZONE 'Europe/Amsterdam') AS date)"""
            : """CASE WHEN CAST(strftime('%m', c."AtUtc", '+2 hours') AS INTEGER) BETWEEN 4 AND 10 THEN strftime('%Y-%m-01', c."AtUtc", '+2 hours') ELSE strftime('%Y-%m-01', c."AtUtc", '+1 hours') END""";
        return $"""
            DELETE FROM "{OutreachTally.Table}";
            INSERT INTO "{OutreachTally.Table}" ("Month", "OrganisationId", "Gender", "AgeBand", "IsNew", "Count")
            SELECT {month}, s."OrganisationId", COALESCE(c."GenderIdentity", 0), c."AgeBand", c."IsNew", COUNT(*)
            FROM "OutreachContacts" c JOIN "OutreachSessions" s ON s."Id" = c."SessionId"
            GROUP BY {month}, s."OrganisationId", COALESCE(c."GenderIdentity", 0), c."AgeBand", c."IsNew";
            """;
    }

    public static Task<int> RecountAsync(BakenDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(Sql(postgres: !db.Database.IsSqlite()), cancellationToken);
}
