using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Crypto;

/// <summary>
/// <c>keys rotate</c>: creates a new key-encryption key and rewraps every wrapped key in the database under it,
/// in small batches, while the application keeps running (old versions stay readable until all are rewrapped).
/// The data itself is not touched: only the client keys that protect it are rewrapped.
/// </summary>
public sealed class KeyRotation(BakenDbContext db, FileKeyEncryptionKeys keys)
{
    private const int BatchSize = 500;

    public async Task<(int NewVersion, int Rewrapped)> RotateAsync(CancellationToken cancellationToken)
    {
        var next = keys.CreateNextVersion();
        var rewrapped = 0;
        while (true)
        {
            var batch = await db.Set<ClientKey>().Where(k => k.KekVersion != next).OrderBy(k => k.ClientId).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var key in batch)
            {
                key.WrappedKey = Rewrap(key.KekVersion, key.WrappedKey, next);
                key.KekVersion = next;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                rewrapped += batch.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A client was written to or rekeyed while this batch was rewrapped: read the batch again.
            }

            db.ChangeTracker.Clear();
        }

        foreach (var secret in await db.Set<InstallationSecret>().Where(s => s.KekVersion != next).ToListAsync(cancellationToken))
        {
            secret.WrappedKey = Rewrap(secret.KekVersion, secret.WrappedKey, next);
            secret.KekVersion = next;
            rewrapped++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (next, rewrapped);
    }

    private byte[] Rewrap(int from, byte[] wrapped, int to)
    {
        var key = KeyWrap.Unwrap(keys, from, wrapped);
        try
        {
            return KeyWrap.Wrap(keys, to, key);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }
    }
}
