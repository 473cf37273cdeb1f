using System.Buffers.Binary;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Baken.Infrastructure.Crypto;

/// <summary>
/// Encrypts and decrypts a client's personal data with the client's own data key: AES-256-GCM with a fresh nonce
/// per value, bound by associated data to table, column, row and key version, so a ciphertext copied to another
/// row or column does not decrypt. The one implementation every feature uses for client data.
/// A data key belongs to its <em>owner</em>: a client, or a record about people that has no client, such as a
/// signal or an anonymous report (see <see cref="DataKeyOwnerAttribute"/>). Its id names the key in <c>ClientKeys</c>.
/// </summary>
public sealed class ClientCrypto(BakenDbContext db, IKeyEncryptionKeys keys, DataKeyMemo memo, TimeProvider timeProvider) : IDisposable
{
    private const byte Format = 1;
    private const int HeaderSize = 1 + 4;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<Guid, (int Version, byte[] Key, Guid Stamp)> _keys = [];
    private readonly HashSet<Guid> _guarded = [];

    /// <summary>Creates the data key of a new client in the current unit of work.</summary>
    public void CreateKey(Guid ownerId)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var kekVersion = keys.CurrentVersion;
        var stored = new ClientKey
        {
            ClientId = ownerId,
            KekVersion = kekVersion,
            WrappedKey = KeyWrap.Wrap(keys, kekVersion, key),
            CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
        };
        db.Add(stored);
        _keys[ownerId] = (1, key, stored.Stamp);
        _guarded.Add(ownerId);
    }

    public async Task<byte[]?> EncryptAsync(Guid ownerId, string table, string column, Guid rowId, string? plaintext, CancellationToken cancellationToken = default)
    {
        if (plaintext is null)
        {
            return null;
        }

        var (version, key, stamp) = await KeyAsync(ownerId, cancellationToken);
        GuardKeyVersion(ownerId, stamp);
        return Seal(key, version, table, column, rowId, plaintext);
    }

    /// <summary>
    /// Ties this unit of work to the key it encrypted with: the key row's <see cref="ClientKey.Stamp"/> is a
    /// concurrency token, and this save changes it "where Stamp = the stamp read with the key". A save after
    /// another request rekeyed the client fails (its values would be under a key that no longer exists), and a
    /// rekey fails when a value was written meanwhile that it did not re-encrypt. The loser is told to try again.
    /// </summary>
    private void GuardKeyVersion(Guid ownerId, Guid stamp)
    {
        if (!_guarded.Add(ownerId))
        {
            return;
        }

        var tracked = db.ChangeTracker.Entries<ClientKey>().FirstOrDefault(e => e.Entity.ClientId == ownerId);
        if (tracked is not null)
        {
            if (tracked.State == EntityState.Unchanged)
            {
                tracked.Entity.Stamp = Guid.NewGuid();
            }

            return;
        }

        var entry = db.Attach(new ClientKey { ClientId = ownerId, Stamp = stamp, WrappedKey = [] });
        entry.Entity.Stamp = Guid.NewGuid();
        entry.Property(k => k.Stamp).IsModified = true;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the value was tampered with, moved, or the client was erased.</summary>
    public async Task<string?> DecryptAsync(Guid ownerId, string table, string column, Guid rowId, byte[]? ciphertext, CancellationToken cancellationToken = default)
    {
        if (ciphertext is null)
        {
            return null;
        }

        var (keyVersion, key, _) = await KeyAsync(ownerId, cancellationToken);
        if (ciphertext.Length > HeaderSize && BinaryPrimitives.ReadInt32LittleEndian(ciphertext.AsSpan(1, 4)) != keyVersion && _keys.Remove(ownerId))
        {
            // The cached key is older than the value: another request rekeyed the client. Read the key again.
            (keyVersion, key, _) = await KeyAsync(ownerId, cancellationToken);
        }

        return Open(key, keyVersion, table, column, rowId, ciphertext);
    }

    /// <summary>Unwraps the keys of many clients with one query (list pages), instead of one query per client.</summary>
    public async Task PreloadKeysAsync(IEnumerable<Guid> ownerIds, CancellationToken cancellationToken = default)
    {
        var missing = ownerIds.Where(id => !_keys.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var stored in await db.Set<ClientKey>().AsNoTracking().Where(k => missing.Contains(k.ClientId)).ToListAsync(cancellationToken))
        {
            _keys[stored.ClientId] = (stored.KeyVersion, memo.Unwrap(stored.KekVersion, stored.WrappedKey), stored.Stamp);
        }
    }

    /// <summary>Crypto-shredding: removes the client's data key and blind-index rows in the current unit of work.</summary>
    public async Task ShredAsync(Guid ownerId, CancellationToken cancellationToken = default)
    {
        if (_keys.Remove(ownerId, out var cached))
        {
            CryptographicOperations.ZeroMemory(cached.Key);
        }

        db.RemoveRange(await db.Set<ClientKey>().Where(k => k.ClientId == ownerId).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<BlindIndexEntry>().Where(e => e.ClientId == ownerId).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Gives the client a new data key and re-encrypts every value they own under it, in the current unit of work.
    /// Called when fields are erased (going down a level, clearing a field): the old key is gone once saved, so
    /// the erased ciphertext, wherever a copy of it survives (free pages, the WAL, a backup), can no longer be read.
    /// Finds the values through the data classification: every encrypted property of every entity, on the rows
    /// whose owner property (see <see cref="OwnerProperty"/>) is this owner.
    /// </summary>
    public async Task RekeyAsync(Guid ownerId, CancellationToken cancellationToken = default)
    {
        var (oldVersion, oldKey, _) = await KeyAsync(ownerId, cancellationToken);
        var stored = await db.Set<ClientKey>().FirstAsync(k => k.ClientId == ownerId, cancellationToken);
        if (stored.KeyVersion != oldVersion && db.Entry(stored).State == EntityState.Unchanged)
        {
            throw new DbUpdateConcurrencyException("The client's data key changed while this request was using it.");
        }

        var newVersion = oldVersion + 1;
        var newKey = RandomNumberGenerator.GetBytes(32);
        foreach (var (entityType, encrypted) in EncryptedEntityTypes(db.Model))
        {
            var table = entityType.GetTableName()!;
            var load = LoadOwnedRowsMethod.MakeGenericMethod(entityType.ClrType);
            var rows = await (Task<List<object>>)load.Invoke(null, [db, OwnerProperty(entityType)!, ownerId, cancellationToken])!;
            foreach (var row in rows)
            {
                var entry = db.Entry(row);
                var rowId = (Guid)entry.Property("Id").CurrentValue!;
                foreach (var property in encrypted)
                {
                    if (entry.Property(property).CurrentValue is byte[] value)
                    {
                        var plaintext = Open(oldKey, oldVersion, table, property, rowId, value);
                        entry.Property(property).CurrentValue = Seal(newKey, newVersion, table, property, rowId, plaintext);
                    }
                }
            }
        }

        var kekVersion = keys.CurrentVersion;
        stored.KeyVersion = newVersion;
        stored.KekVersion = kekVersion;
        stored.WrappedKey = KeyWrap.Wrap(keys, kekVersion, newKey);
        stored.Stamp = Guid.NewGuid();
        _keys[ownerId] = (newVersion, newKey, stored.Stamp);
        _guarded.Add(ownerId);
        CryptographicOperations.ZeroMemory(oldKey);
    }

    /// <summary>The entity types holding values encrypted with a client's key, with those properties.</summary>
    public static IEnumerable<(IEntityType EntityType, string[] Properties)> EncryptedEntityTypes(IModel model) =>
        model.GetEntityTypes()
            .Select(e => (e, e.GetProperties().Where(p => DataClassification.Of(p)?.Encrypted == true).Select(p => p.Name).ToArray()))
            .Where(x => x.Item2.Length > 0);

    /// <summary>
    /// The property that says whose data key a row's values are under: the one named by
    /// <see cref="DataKeyOwnerAttribute"/>, else <c>ClientId</c>. Null when the type names no owner (a test forbids that).
    /// </summary>
    public static string? OwnerProperty(IReadOnlyEntityType entityType) =>
        entityType.ClrType.GetCustomAttribute<DataKeyOwnerAttribute>()?.Property
        ?? (entityType.FindProperty("ClientId") is not null ? "ClientId" : null);

    private static readonly MethodInfo LoadOwnedRowsMethod =
        typeof(ClientCrypto).GetMethod(nameof(LoadOwnedRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<List<object>> LoadOwnedRowsAsync<T>(BakenDbContext db, string ownerProperty, Guid ownerId, CancellationToken cancellationToken)
        where T : class =>
        [.. await db.Set<T>().Where(e => EF.Property<Guid>(e, ownerProperty) == ownerId).ToListAsync(cancellationToken)];

    public void Dispose()
    {
        foreach (var (_, key, _) in _keys.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        _keys.Clear();
    }

    private async Task<(int Version, byte[] Key, Guid Stamp)> KeyAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(ownerId, out var cached))
        {
            return cached;
        }

        var stored = await db.Set<ClientKey>().AsNoTracking().FirstOrDefaultAsync(k => k.ClientId == ownerId, cancellationToken)
            ?? throw new CryptographicException("This client has no data key (erased, or never created).");
        var key = (stored.KeyVersion, memo.Unwrap(stored.KekVersion, stored.WrappedKey), stored.Stamp);
        _keys[ownerId] = key;
        return key;
    }

    private static byte[] Seal(byte[] key, int version, string table, string column, Guid rowId, string plaintext)
    {
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

    private static string Open(byte[] key, int keyVersion, string table, string column, Guid rowId, byte[] ciphertext)
    {
        if (ciphertext.Length < HeaderSize + NonceSize + TagSize || ciphertext[0] != Format)
        {
            throw new CryptographicException("Not a Baken ciphertext.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(ciphertext.AsSpan(1, 4));
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

    private static byte[] AssociatedData(string table, string column, Guid rowId, int version) =>
        Encoding.UTF8.GetBytes($"{table}|{column}|{rowId:N}|{version.ToString(CultureInfo.InvariantCulture)}");
}

/// <summary>
/// Names the property that holds the id of the data key a row's encrypted values are under, when it is not
/// <c>ClientId</c>: <c>Id</c> for a key owner itself (a client, a signal, an anonymous report), or the owner's id
/// for rows that belong to it (a signal's history, a report's messages).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DataKeyOwnerAttribute(string property) : Attribute
{
    public string Property { get; } = property;
}
