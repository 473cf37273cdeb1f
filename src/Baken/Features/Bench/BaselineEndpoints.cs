using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Infrastructure;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Baken.Features.Bench;

/// <summary>
/// The raw baseline of the load benchmark (issue 7, docs/performance.md): <c>GET /bench/baseline/caseload</c> and
/// <c>GET /bench/baseline/trajectories</c> fetch the rows of the caseload page (a case worker's own open
/// trajectories, and a team lead's list of the organisation's open trajectories, with its intake queue) with
/// hand-written SQL, one statement per list, over a plain pooled ADO.NET connection (Microsoft.Data.Sqlite or an
/// NpgsqlDataSource, not the DbContext), and write a bare HTML table: no EF Core, no Razor, no decryption of
/// aliases, no processing log. The harness measures each app page and its baseline alternately in one run and reports the
/// app's throughput as a fraction of the baseline's, which is what "fast" means on a noisy machine.
/// <para>
/// Never reachable in production: the endpoints are only mapped when the configuration says
/// <c>Baken:Bench:Baseline=true</c>, which only the load harness sets (on the app process it starts); the
/// default is off and no deployment file sets it. Even then they need a signed-in case worker with a second
/// factor, and show only that worker's own rows, the same ones their caseload page shows.
/// </para>
/// </summary>
public static class BaselineEndpoints
{
    public const string Setting = "Baken:Bench:Baseline";

    private const int PageSize = Paging.DefaultPageSize;

    /// <summary>Maps the baseline when (and only when) <see cref="Setting"/> is true.</summary>
    public static WebApplication MapBenchBaseline(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Setting))
        {
            return app;
        }

        var connections = BaselineConnections.From(app.Configuration);
        app.Lifetime.ApplicationStopped.Register(connections.Dispose);
        var bench = app.MapGroup("/bench/baseline")
            .RequireAuthorization(policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(BakenClaims.SecondFactor, "1")
                .RequireRole(ClientAccess.ClientRoles.Split(',')))
            .ExcludeFromDescription();
        bench.MapGet("/caseload", (HttpContext http, TimeProvider clock, int? p) =>
            WriteAsync(http, connections, clock, CaseloadSql(http.User), p));
        bench.MapGet("/trajectories", (HttpContext http, TimeProvider clock, int? p) =>
            http.User.IsInRole(Roles.Teamleider)
                ? WriteAsync(http, connections, clock, TeamLeadSql + ";\n" + QueueSql, p, OrganisationOnlySql + ";\n" + QueueSql)
                : Task.FromResult(Results.NotFound()));
        return app;
    }

    /// <summary>The trajectories the user is currently on the team of (driven by the user's memberships, an index lookup).</summary>
    private const string Mine =
        """t."Id" IN (SELECT m."TrajectoryId" FROM "ClientTeamMembers" m WHERE m."UserId" = @user AND (m."ToUtc" IS NULL OR m."ToUtc" > @now))""";

    /// <summary>
    /// A case worker's caseload (the page's default view): open trajectories where they are a current team
    /// member, oldest state change first, with the client code, last contact, next appointment, overdue tasks,
    /// last assessment and the total for the pager. A member of the trajectory's team is on the client's team,
    /// so the client is openable (<see cref="ClientAccess.Openable"/>) unless restricted, which only the case
    /// managers on the team still see.
    /// </summary>
    private static string CaseloadSql(ClaimsPrincipal user) => Select(
        $"""
        WHERE t."State" IN (1, 2, 3, 4) AND {Mine}
            {(user.IsInRole(Roles.Casemanager) ? string.Empty : "AND " + NotRestricted)}
        """,
        windowCount: true);

    /// <summary>A team lead's list: every open trajectory of their organisation, and those of other organisations they are on the team of.</summary>
    private static readonly string TeamLeadSql = Select(
        $"""
        WHERE t."State" IN (1, 2, 3, 4)
            AND (t."OrganisationId" = @organisation OR ({NotRestricted} AND {Mine}))
        """);

    /// <summary>
    /// The same list for a team lead who is on no team (the usual case): the organisation's open trajectories alone,
    /// which the database reads in index order, as the page does (<c>Features/Caseload</c>).
    /// </summary>
    private static readonly string OrganisationOnlySql = Select(
        """
        WHERE t."State" IN (1, 2, 3, 4) AND t."OrganisationId" = @organisation
        """);

    /// <summary>Whether the user is on any trajectory's team now: it decides between the two lists above.</summary>
    private const string OnATeamSql =
        """
        SELECT EXISTS (SELECT 1 FROM "ClientTeamMembers" m WHERE m."UserId" = @user AND m."TrajectoryId" IS NOT NULL AND (m."ToUtc" IS NULL OR m."ToUtc" > @now))
        """;

    private const string NotRestricted =
        """EXISTS (SELECT 1 FROM "Clients" x WHERE x."Id" = t."ClientId" AND x."RestrictedAtUtc" IS NULL)""";

    /// <summary>Under a team lead's list, the page shows the organisation's intake queue: clients nobody is on the team of, longest waiting first.</summary>
    private const string QueueSql =
        """
        SELECT c."Id", c."Code", c."WaitingSinceUtc"
        FROM "Clients" c
        WHERE c."OrganisationId" = @organisation AND c."WaitingSinceUtc" IS NOT NULL
        ORDER BY c."WaitingSinceUtc", c."Id"
        LIMIT 50
        """;

    /// <summary>
    /// One statement: the page of trajectories, then for those rows only the client's code and the figures of the
    /// caseload table (the same correlated subqueries as the page's projection), and the total for the pager. A
    /// worker's own few dozen are counted in the same pass (a window count before the limit); an organisation's
    /// thousands on their own, from the index, so the page itself is read in index order and stops at its last row.
    /// (Counted on its own, PostgreSQL answers a worker's count by scanning every open trajectory.)
    /// </summary>
    private static string Select(string where, bool windowCount = false) =>
        $"""
        WITH page AS (
          SELECT t."Id", t."ClientId", t."Type", t."State", t."StateChangedAtUtc", t."TeamIncomplete"{(windowCount ? ", COUNT(*) OVER () AS \"Total\"" : string.Empty)}
          FROM "Trajectories" t
          {where}
          ORDER BY t."StateChangedAtUtc", t."Id"
          LIMIT {PageSize} OFFSET @skip)
        SELECT p."Id", (SELECT c."Code" FROM "Clients" c WHERE c."Id" = p."ClientId"), p."Type", p."State", p."StateChangedAtUtc", p."TeamIncomplete",
          (SELECT MIN(r."Role") FROM "ClientTeamMembers" r WHERE r."TrajectoryId" = p."Id" AND r."UserId" = @user AND r."Role" IS NOT NULL AND (r."ToUtc" IS NULL OR r."ToUtc" > @now)),
          (SELECT MAX(e."OccurredAtUtc") FROM "JournalEntries" e WHERE e."TrajectoryId" = p."Id" AND e."Kind" <> 7
            AND (e."Visibility" = 1 OR e."AuthorUserId" = @user
              OR EXISTS (SELECT 1 FROM "ClientTeamMembers" k WHERE k."TrajectoryId" = p."Id" AND k."UserId" = @user AND k."Role" = 1 AND (k."ToUtc" IS NULL OR k."ToUtc" > @now)))),
          (SELECT MIN(a."StartsAtUtc") FROM "Appointments" a WHERE a."TrajectoryId" = p."Id" AND a."CancelledAtUtc" IS NULL AND a."StartsAtUtc" >= @now),
          (SELECT COUNT(*) FROM "FollowUpTasks" f WHERE f."TrajectoryId" = p."Id" AND f."DoneAtUtc" IS NULL AND f."DueDate" < @today),
          (SELECT MAX(s."AssessedOn") FROM "Assessments" s WHERE s."TrajectoryId" = p."Id"),
          {(windowCount ? "p.\"Total\"" : $"(SELECT COUNT(*) FROM \"Trajectories\" t {where})")}
        FROM page p
        ORDER BY p."StateChangedAtUtc", p."Id"
        """;

    /// <summary>Runs <paramref name="sql"/>, or <paramref name="sqlOnNoTeam"/> when given and the user is on no team, and writes the rows.</summary>
    private static async Task<IResult> WriteAsync(HttpContext http, BaselineConnections connections, TimeProvider clock, string sql, int? p, string? sqlOnNoTeam = null)
    {
        var user = http.User;
        if (user.UserId() is not { } userId || user.OrganisationId() is not { } organisationId)
        {
            return Results.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var page = Math.Max(1, p ?? 1);
        var html = new StringBuilder(8 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Baseline</title></head><body><table><tr><th>Code</th><th>Type</th><th>State</th><th>Since</th><th>Role</th><th>Team incomplete</th><th>Last contact</th><th>Next appointment</th><th>Overdue</th><th>Last assessment</th></tr>");
        var total = 0L;
        await using (var connection = connections.Create())
        {
            await connection.OpenAsync(http.RequestAborted);
            DbCommand Command(string text)
            {
                var command = connection.CreateCommand();
                command.CommandText = text;
                connections.Add(command, "user", userId);
                connections.Add(command, "organisation", organisationId);
                connections.Add(command, "now", now);
                connections.Add(command, "today", DisplayTime.LocalDate(now));
                connections.Add(command, "skip", (page - 1) * PageSize);
                return command;
            }

            if (sqlOnNoTeam is not null)
            {
                await using var onATeam = Command(OnATeamSql);
                if (Convert.ToInt64(await onATeam.ExecuteScalarAsync(http.RequestAborted), CultureInfo.InvariantCulture) == 0)
                {
                    sql = sqlOnNoTeam;
                }
            }

            await using var command = Command(sql);
            await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
            while (await reader.ReadAsync(http.RequestAborted))
            {
                total = reader.GetInt64(11);
                html.Append("<tr><td><a href=\"/Trajectories/").Append(Text(reader, 0)).Append("\">")
                    .Append(HtmlEncoder.Default.Encode(reader.GetString(1))).Append("</a></td>");
                for (var column = 2; column <= 10; column++)
                {
                    html.Append("<td>").Append(Text(reader, column)).Append("</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</table><p>").Append(total.ToString(CultureInfo.InvariantCulture)).Append("</p>");
            if (await reader.NextResultAsync(http.RequestAborted))
            {
                html.Append("<ul>");
                while (await reader.ReadAsync(http.RequestAborted))
                {
                    html.Append("<li><a href=\"/Clients/").Append(Text(reader, 0)).Append("\">").Append(HtmlEncoder.Default.Encode(reader.GetString(1)))
                        .Append("</a> ").Append(Text(reader, 2)).Append("</li>");
                }

                html.Append("</ul>");
            }
        }

        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>A cell: the value as the database returns it, invariant (dates, ids, numbers: nothing to encode).</summary>
    private static string Text(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? "—" : Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Plain pooled connections to the app's database, and parameters stored the way EF Core stores them.</summary>
    private sealed class BaselineConnections(DatabaseProvider provider, string connectionString, NpgsqlDataSource? postgres) : IDisposable
    {
        public static BaselineConnections From(IConfiguration configuration)
        {
            var provider = DatabaseRegistration.GetProvider(configuration);
            var configured = configuration.GetConnectionString(DatabaseRegistration.ConnectionStringName);
            if (provider == DatabaseProvider.Postgres)
            {
                // The app's connection settings, automatic preparation included: the baseline is not handicapped.
                var connection = DatabaseRegistration.PostgresConnectionString(configured!);
                return new BaselineConnections(provider, connection, NpgsqlDataSource.Create(connection));
            }

            var options = configuration.GetSection(BakenOptions.Section).Get<BakenOptions>() ?? new BakenOptions();
            return new BaselineConnections(provider, DatabaseRegistration.SqliteConnectionString(configured, options), null);
        }

        public DbConnection Create() => postgres is not null ? postgres.CreateConnection() : new SqliteConnection(connectionString);

        /// <summary>A parameter as EF Core stores the value: a Guid is upper-case text in SQLite and a uuid in PostgreSQL.</summary>
        public void Add(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value is Guid id && provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : value;
            command.Parameters.Add(parameter);
        }

        public void Dispose() => postgres?.Dispose();
    }
}
