using System.Threading.Channels;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.ProcessingLog;

/// <summary>
/// Group commit for the processing-log entries of requests that only read: their entries are chained and saved
/// together, in one transaction for all the requests that came in meanwhile, and each request waits until that
/// transaction has committed. Every request that shows client data appends to the one chain, whose head is
/// locked until commit; with a transaction per request, 16 users spent most of their time waiting for that lock
/// (ADR 22). A unit of work that changes anything else still saves its entries in its own transaction, with the
/// change they describe.
/// </summary>
public sealed class ProcessingLogAppender : IAsyncDisposable, IDisposable
{
    /// <summary>At most this many requests' entries go into one transaction.</summary>
    public const int MaxRequestsPerCommit = 256;

    private readonly IServiceScopeFactory _scopes;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public ProcessingLogAppender(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Saves the entries in the next group commit; completes once it has committed (or fails with it).</summary>
    public Task AppendAsync(IReadOnlyList<ProcessingLogEntry> entries)
    {
        var pending = new Pending(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The processing log is shutting down; the entries were not saved.");
        }

        return pending.Saved.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxRequestsPerCommit && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await SaveAsync(batch);
                batch.ForEach(p => p.Saved.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One request's entries must not fail the others': each is tried on its own.
                foreach (var pending in batch)
                {
                    await SaveAloneAsync(pending);
                }
            }
            catch (Exception exception)
            {
                batch[0].Saved.TrySetException(exception);
            }

            batch.Clear();
        }
    }

    private async Task SaveAloneAsync(Pending pending)
    {
        try
        {
            await SaveAsync([pending]);
            pending.Saved.TrySetResult();
        }
        catch (Exception exception)
        {
            pending.Saved.TrySetException(exception);
        }
    }

    private async Task SaveAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var pending in batch)
        {
            db.AddRange(pending.Entries);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Takes no more entries and waits for those already taken to be saved.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    public void Dispose() => _queue.Writer.TryComplete();

    private sealed record Pending(IReadOnlyList<ProcessingLogEntry> Entries, TaskCompletionSource Saved);
}
