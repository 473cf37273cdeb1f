using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Baken.Infrastructure.ProcessingLog;

/// <summary>
/// Chains new processing-log entries as they are saved, in the same transaction as the change they describe:
/// it takes the head row's lock (one UPDATE, which serialises writers on SQLite and PostgreSQL alike), numbers
/// the entries after the head, links their hashes, and moves and re-signs the head. A unit of work outside a
/// transaction that has nothing to save but its entries (a page that only read) hands them to
/// <see cref="ProcessingLogAppender"/>, which saves many requests' entries in one transaction, and waits for it.
/// </summary>
public sealed class ProcessingLogChain(LogSigner signer, TimeProvider timeProvider, ProcessingLogAppender appender) : SaveChangesInterceptor
{
    public const int CheckpointInterval = 1000;

    private static readonly ConditionalWeakTable<DbContext, IDbContextTransaction> OwnTransactions = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        Pending(eventData.Context!).Count == 0
            ? result
            : throw new InvalidOperationException("Processing-log entries are saved with SaveChangesAsync only.");

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context!;
        var pending = Pending(db);
        if (pending.Count == 0)
        {
            return result;
        }

        if (db.Database.CurrentTransaction is null && OnlyEntries(db))
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is ProcessingLogEntry or ProcessingLogActor).ToList())
            {
                entry.State = EntityState.Detached;
            }

            await appender.AppendAsync(pending);
            return InterceptionResult<int>.SuppressWithResult(pending.Count * 2);
        }

        if (db.Database.CurrentTransaction is null)
        {
            OwnTransactions.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
        }

        await SealAsync(db, pending, cancellationToken);
        return result;
    }

    /// <summary>
    /// Chains the entries added to <paramref name="db"/> now, inside its current transaction, instead of at
    /// SaveChanges: for a writer that inserts the added rows itself (the benchmark generator's bulk path), so that
    /// its entries get the same sequence, hashes and checkpoints. SaveChanges afterwards finds nothing to chain.
    /// </summary>
    public async Task SealPendingAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Sealing processing-log entries needs the unit of work's transaction.");
        }

        var pending = Pending(db);
        if (pending.Count > 0)
        {
            await SealAsync(db, pending, cancellationToken);
        }
    }

    private async Task SealAsync(DbContext db, List<ProcessingLogEntry> pending, CancellationToken cancellationToken)
    {
        // Take the head's lock and read it in one round trip: the lock is held until commit, so every round trip
        // inside it is time other writers wait.
        var head = (await db.Database.SqlQuery<HeadState>(
                $"UPDATE \"ProcessingLogHead\" SET \"Writes\" = \"Writes\" + 1 WHERE \"Id\" = 1 RETURNING \"LastSequence\", \"LastHash\"")
            .ToListAsync(cancellationToken)).Single();
        var sequence = head.LastSequence;
        var hash = head.LastHash;
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = hash;
            entry.StartedAtUtc = LogHash.Truncate(entry.StartedAtUtc);
            entry.EndedAtUtc = LogHash.Truncate(entry.EndedAtUtc);
            entry.Hash = hash = LogHash.Of(entry);
            if (sequence % CheckpointInterval == 0)
            {
                db.Add(new ProcessingLogCheckpoint
                {
                    Sequence = sequence,
                    Hash = hash,
                    SignedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
                    Signature = signer.Sign(sequence, hash),
                });
            }
        }

        // The moved head is saved with the entries, in the same batch, rather than in a round trip of its own.
        var tracked = db.ChangeTracker.Entries<ProcessingLogHead>().FirstOrDefault();
        var moved = tracked ?? db.Attach(new ProcessingLogHead { LastHash = hash, Signature = string.Empty });
        moved.Property(h => h.LastSequence).CurrentValue = sequence;
        moved.Property(h => h.LastHash).CurrentValue = hash;
        moved.Property(h => h.Signature).CurrentValue = signer.Sign(sequence, hash);
        moved.Property(h => h.LastSequence).IsModified = true;
        moved.Property(h => h.LastHash).IsModified = true;
        moved.Property(h => h.Signature).IsModified = true;
    }

    /// <summary>What the locking update returns of the head.</summary>
    private sealed record HeadState(long LastSequence, string LastHash);

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (OwnTransactions.TryGetValue(eventData.Context!, out var transaction))
        {
            OwnTransactions.Remove(eventData.Context!);
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (OwnTransactions.TryGetValue(eventData.Context!, out var transaction))
        {
            OwnTransactions.Remove(eventData.Context!);
            await transaction.RollbackAsync(cancellationToken);
            await transaction.DisposeAsync();
        }
    }

    /// <summary>Whether the entries (and their actors) are all this unit of work would save.</summary>
    private static bool OnlyEntries(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries().All(e =>
            e.State is EntityState.Unchanged or EntityState.Detached
            || (e.State == EntityState.Added && e.Entity is ProcessingLogEntry or ProcessingLogActor));
    }

    /// <summary>
    /// The entries added in this unit of work. <see cref="ProcessingLogWriter"/> adds them with <c>db.Add</c>, so they
    /// are tracked as Added at once: no change detection is needed to find them, and SaveChanges runs its own after
    /// this interceptor (a second full pass here cost a sixth of the save on large units of work).
    /// </summary>
    private static List<ProcessingLogEntry> Pending(DbContext db)
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. tracker.Entries<ProcessingLogEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(e => e.Id)];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
