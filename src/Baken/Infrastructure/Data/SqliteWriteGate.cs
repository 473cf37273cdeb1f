using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Baken.Infrastructure.Data;

/// <summary>
/// Queues SQLite transactions in the process, one at a time per database file, as SQLite itself allows only one
/// writer per file. Microsoft.Data.Sqlite begins every transaction with <c>BEGIN IMMEDIATE</c> and, when another
/// is open, retries after sleeping 150 ms. Every page that shows client data writes the processing log in a
/// transaction, so with a few concurrent users those sleeps were most of the p90 latency. Waiting on this gate
/// instead hands the file over the moment the previous transaction ends.
/// </summary>
/// <remarks>
/// The gate is taken when a transaction starts and given back when it commits, rolls back or fails, and at the
/// latest when its connection closes or is disposed (a transaction disposed without either). Waiting longer than
/// the command timeout throws, as SQLite's busy error would.
/// </remarks>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Holders = new();
    private readonly SemaphoreSlim _gate;
    private readonly TimeSpan _timeout;

    public SqliteWriteGate(string databaseFile, TimeSpan timeout)
    {
        _gate = Gates.GetOrAdd(Path.GetFullPath(databaseFile), _ => new SemaphoreSlim(1, 1));
        _timeout = timeout;
    }

    /// <summary>Whether a transaction on this file is open now (for tests).</summary>
    public bool IsHeld => _gate.CurrentCount == 0;

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!Holders.ContainsKey(eventData.ConnectionId))
        {
            Take(_gate.Wait(_timeout), eventData.ConnectionId);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!Holders.ContainsKey(eventData.ConnectionId))
        {
            Take(await _gate.WaitAsync(_timeout, cancellationToken), eventData.ConnectionId);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    private void Take(bool entered, Guid connectionId)
    {
        if (!entered)
        {
            throw new TimeoutException("The database stayed busy with another transaction for longer than the command timeout.");
        }

        Holders[connectionId] = _gate;
    }

    private static void Release(Guid connectionId)
    {
        if (Holders.TryRemove(connectionId, out var gate))
        {
            gate.Release();
        }
    }
}
