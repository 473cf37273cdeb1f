using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace Baken.Infrastructure.Crypto;

/// <summary>
/// Remembers recently unwrapped data keys for the whole process, so a list page does not unwrap the same 25
/// client keys again at every request (ADR 23). It remembers the answer to one question only: what a given
/// wrapped key unwraps to under a given key-encryption key version. That answer never changes, so nothing can go
/// stale: a client given a new key has new wrapped bytes, and a shredded client's wrapped key is gone from the
/// database, so nobody can ask for it any more. Bounded in number and time; an evicted key is zeroed.
/// Every caller gets its own copy, which it may zero when done (as <see cref="ClientCrypto"/> does).
/// </summary>
public sealed class DataKeyMemo(IKeyEncryptionKeys keys) : IDisposable
{
    /// <summary>About 30 caseloads of 30 clients, or one organisation's list page by page for a while.</summary>
    public const int Capacity = 10_000;

    /// <summary>How long an unwrapped key is kept after it was unwrapped.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    private long _unwraps;

    /// <summary>How many keys were actually unwrapped (not found in the memo): for tests and diagnostics.</summary>
    public long Unwraps => Interlocked.Read(ref _unwraps);

    /// <summary>The data key <paramref name="wrapped"/> holds under key-encryption key <paramref name="kekVersion"/>: a copy of it.</summary>
    public byte[] Unwrap(int kekVersion, byte[] wrapped)
    {
        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kekVersion}:{Convert.ToBase64String(wrapped)}");
        if (_cache.TryGetValue(name, out byte[]? remembered) && remembered is not null)
        {
            // Eviction zeroes the key under the same lock, so a copy is either whole or all zeros (evicted
            // meanwhile: unwrap again). A real key of 32 random bytes is all zeros with probability 2^-256.
            lock (remembered)
            {
                if (remembered.AsSpan().ContainsAnyExcept((byte)0))
                {
                    return (byte[])remembered.Clone();
                }
            }
        }

        var key = KeyWrap.Unwrap(keys, kekVersion, wrapped);
        Interlocked.Increment(ref _unwraps);

        // The caller's copy is taken before the key goes into the memo: a full memo turns a new entry away and
        // zeroes it at once, on another thread.
        var copy = (byte[])key.Clone();
        using (var entry = _cache.CreateEntry(name))
        {
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            entry.RegisterPostEvictionCallback(static (_, value, _, _) =>
            {
                if (value is byte[] evicted)
                {
                    lock (evicted)
                    {
                        CryptographicOperations.ZeroMemory(evicted);
                    }
                }
            });
            entry.Value = key;
        }

        return copy;
    }

    public void Dispose() => _cache.Dispose();
}
