using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Crypto;

/// <summary>
/// Encrypts and decrypts a client's personal data with the client's own data key: AES-256-GCM with a fresh nonce
/// per value, bound by associated data to table, column, row and key version, so a ciphertext copied to another
/// row or column does not decrypt. The one implementation every feature uses for client data.
/// </summary>
public sealed class ClientCrypto(BakenDbContext db, IKeyEncryptionKeys keys, TimeProvider timeProvider) : IDisposable
{
    private const byte Format = 1;
    private const int HeaderSize = 1 + 4;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<Guid, (int Version, byte[] Key)> _keys = [];

    /// <summary>Creates the data key of a new client in the current unit of work.</summary>
    public void CreateKey(Guid clientId)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var kekVersion = keys.CurrentVersion;
        db.Add(new ClientKey
        {
            ClientId = clientId,
            KekVersion = kekVersion,
            WrappedKey = KeyWrap.Wrap(keys, kekVersion, key),
            CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
        });
        _keys[clientId] = (1, key);
    }

    public async Task<byte[]?> EncryptAsync(Guid clientId, string table, string column, Guid rowId, string? plaintext, CancellationToken cancellationToken = default)
    {
        if (plaintext is null)
        {
            return null;
        }

        var (version, key) = await KeyAsync(clientId, cancellationToken);
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[HeaderSize + NonceSize + TagSize + input.Length];
        output[0] = Format;
        BinaryPrimitives.WriteInt32LittleEndian(output.AsSpan(1, 4), version);
        var nonce = output.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, input, output.AsSpan(HeaderSize + NonceSize + TagSize), output.AsSpan(HeaderSize + NonceSize, TagSize),
            AssociatedData(table, column, rowId, version));
        return output;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the value was tampered with, moved, or the client was erased.</summary>
    public async Task<string?> DecryptAsync(Guid clientId, string table, string column, Guid rowId, byte[]? ciphertext, CancellationToken cancellationToken = default)
    {
        if (ciphertext is null)
        {
            return null;
        }

        if (ciphertext.Length < HeaderSize + NonceSize + TagSize || ciphertext[0] != Format)
        {
            throw new CryptographicException("Not a Baken ciphertext.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(ciphertext.AsSpan(1, 4));
        var (keyVersion, key) = await KeyAsync(clientId, cancellationToken);
        if (keyVersion != version)
        {
            throw new CryptographicException("The value was encrypted with another key version.");
        }

        var plaintext = new byte[ciphertext.Length - HeaderSize - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(ciphertext.AsSpan(HeaderSize, NonceSize), ciphertext.AsSpan(HeaderSize + NonceSize + TagSize),
            ciphertext.AsSpan(HeaderSize + NonceSize, TagSize), plaintext, AssociatedData(table, column, rowId, version));
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>Unwraps the keys of many clients with one query (list pages), instead of one query per client.</summary>
    public async Task PreloadKeysAsync(IEnumerable<Guid> clientIds, CancellationToken cancellationToken = default)
    {
        var missing = clientIds.Where(id => !_keys.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var stored in await db.Set<ClientKey>().AsNoTracking().Where(k => missing.Contains(k.ClientId)).ToListAsync(cancellationToken))
        {
            _keys[stored.ClientId] = (stored.KeyVersion, KeyWrap.Unwrap(keys, stored.KekVersion, stored.WrappedKey));
        }
    }

    /// <summary>Crypto-shredding: removes the client's data key and blind-index rows in the current unit of work.</summary>
    public async Task ShredAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        if (_keys.Remove(clientId, out var cached))
        {
            CryptographicOperations.ZeroMemory(cached.Key);
        }

        db.RemoveRange(await db.Set<ClientKey>().Where(k => k.ClientId == clientId).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<BlindIndexEntry>().Where(e => e.ClientId == clientId).ToListAsync(cancellationToken));
    }

    public void Dispose()
    {
        foreach (var (_, key) in _keys.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        _keys.Clear();
    }

    private async Task<(int Version, byte[] Key)> KeyAsync(Guid clientId, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(clientId, out var cached))
        {
            return cached;
        }

        var stored = await db.Set<ClientKey>().AsNoTracking().FirstOrDefaultAsync(k => k.ClientId == clientId, cancellationToken)
            ?? throw new CryptographicException("This client has no data key (erased, or never created).");
        var key = (stored.KeyVersion, KeyWrap.Unwrap(keys, stored.KekVersion, stored.WrappedKey));
        _keys[clientId] = key;
        return key;
    }

    private static byte[] AssociatedData(string table, string column, Guid rowId, int version) =>
        Encoding.UTF8.GetBytes($"{table}|{column}|{rowId:N}|{version.ToString(CultureInfo.InvariantCulture)}");
}
