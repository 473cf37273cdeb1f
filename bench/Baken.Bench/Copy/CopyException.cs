using Npgsql;

namespace Baken.Bench.Copy;

/// <summary>A refusal or failure of the copy, with a message written here: names of tables and columns, never a value.</summary>
public sealed class CopyException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// What went wrong, safe to print: this class's own messages, and for anything else only the exception types,
    /// PostgreSQL's error code and the names it gives (constraint, table, column). Other messages can quote a value
    /// (a date that did not parse, a key that already exists), so they are left out.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            parts.Add(e switch
            {
                CopyException own => own.Message,
                PostgresException pg => $"PostgreSQL error {pg.SqlState}{Hint(pg.SqlState)}{Named("constraint", pg.ConstraintName)}{Named("table", pg.TableName)}{Named("column", pg.ColumnName)}",
                System.Net.Sockets.SocketException socket => $"{nameof(System.Net.Sockets.SocketException)} ({socket.SocketErrorCode})",
                _ => e.GetType().Name,
            });
        }

        return string.Join(" <- ", parts);
    }

    private static string Hint(string state) => state switch
    {
        "3D000" => " (the database does not exist: create it first)",
        "28P01" => " (password authentication failed)",
        "23505" => " (a key already exists)",
        "23503" => " (a foreign key points nowhere)",
        "22001" => " (a value is too long for its column)",
        "23514" => " (a check constraint failed)",
        _ => string.Empty,
    };

    private static string Named(string what, string? name) => name is null ? string.Empty : $", {what} {name}";
}
