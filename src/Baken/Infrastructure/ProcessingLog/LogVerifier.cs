using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.ProcessingLog;

public sealed record LogVerification(bool Intact, long Entries, long? FirstBadSequence, string Message);

/// <summary>
/// Walks the whole processing log and checks that nothing was changed, removed, inserted or reordered: every
/// hash, every link, the numbering, the signed head and the signed checkpoints.
/// </summary>
public sealed class LogVerifier(BakenDbContext db, LogSigner signer)
{
    public async Task<LogVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        // The head first: entries written while the check runs come after it and are left for the next check.
        var head = await db.Set<ProcessingLogHead>().AsNoTracking().SingleAsync(cancellationToken);
        long expected = 1;
        var previous = LogHash.Genesis;
        var hashes = new Dictionary<long, string>();
        await foreach (var entry in db.Set<ProcessingLogEntry>().AsNoTracking().Where(e => e.Sequence <= head.LastSequence)
            .OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expected)
            {
                return Broken(expected - 1, expected, $"entry {expected} is missing (the next one is {entry.Sequence})");
            }

            if (entry.PreviousHash != previous)
            {
                return Broken(expected - 1, entry.Sequence, $"entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: moved, replaced or reordered");
            }

            if (LogHash.Of(entry) != entry.Hash)
            {
                return Broken(expected - 1, entry.Sequence, $"entry {entry.Sequence} was changed after it was written");
            }

            previous = entry.Hash;
            if (entry.Sequence % ProcessingLogChain.CheckpointInterval == 0)
            {
                hashes[entry.Sequence] = entry.Hash;
            }

            expected++;
        }

        var count = expected - 1;
        if (head.LastSequence != count || head.LastHash != previous)
        {
            return Broken(count, count + 1, $"the log ends at entry {count}, but its signed head says {head.LastSequence}: entries were removed from the end or the head was altered");
        }

        if (count > 0 && !signer.Verify(head.LastSequence, head.LastHash, head.Signature))
        {
            return Broken(count, head.LastSequence, "the signature of the log's head is not valid");
        }

        await foreach (var checkpoint in db.Set<ProcessingLogCheckpoint>().AsNoTracking().Where(c => c.Sequence <= head.LastSequence).OrderBy(c => c.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!hashes.TryGetValue(checkpoint.Sequence, out var hash) || hash != checkpoint.Hash
                || !signer.Verify(checkpoint.Sequence, checkpoint.Hash, checkpoint.Signature))
            {
                return Broken(count, checkpoint.Sequence, $"checkpoint {checkpoint.Sequence} does not match the log or its signature");
            }
        }

        return new LogVerification(true, count, null, $"Processing log intact: {count} entries.");
    }

    private static LogVerification Broken(long checkedEntries, long sequence, string reason) =>
        new(false, checkedEntries, sequence, $"Processing log NOT intact: {reason}.");
}
