using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Baken.Tests.Infrastructure;

/// <summary>
/// Counts the reads EF Core sends, for tests that prove a page costs a fixed number of queries however many rows
/// it shows; register it on an app of its own, so no other test's requests are counted. Reads only: every listed
/// client gets its own processing-log entry by design, and SQLite runs each insert as a command of its own
/// (PostgreSQL batches them), so writes grow with the page and are not N+1.
/// </summary>
public sealed class ReadCounter : DbCommandInterceptor
{
    private int _reads;

    public int Reads => _reads;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        var text = command.CommandText.TrimStart();
        if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _reads);
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
