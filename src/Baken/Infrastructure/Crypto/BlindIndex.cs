using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Crypto;

/// <summary>
/// Search by alias, name, phone or e-mail without storing them: values are normalised and hashed with a keyed
/// HMAC-SHA256 whose key is an installation secret wrapped by the key-encryption key. The entries belong to a
/// client and are removed by <see cref="ClientCrypto.ShredAsync"/>.
/// </summary>
public sealed class BlindIndex(BakenDbContext db, IKeyEncryptionKeys keys)
{
    public const string Purpose = "blind-index";
    private byte[]? _key;

    public async Task AddAsync(Guid clientId, BlindIndexKind kind, string? value, CancellationToken cancellationToken = default)
    {
        if (Normalise(kind, value) is { Length: > 0 } normal)
        {
            db.Add(new BlindIndexEntry { ClientId = clientId, Kind = kind, Hash = Hash(await KeyAsync(cancellationToken), kind, normal) });
        }
    }

    public async Task<List<Guid>> FindClientsAsync(BlindIndexKind kind, string? value, CancellationToken cancellationToken = default)
    {
        if (Normalise(kind, value) is not { Length: > 0 } normal)
        {
            return [];
        }

        var hash = Hash(await KeyAsync(cancellationToken), kind, normal);
        return await db.Set<BlindIndexEntry>().AsNoTracking()
            .Where(e => e.Kind == kind && e.Hash == hash)
            .Select(e => e.ClientId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The keyed hash of a value that must be recognised without being stored, such as an ad's link: the same
    /// key and normalisation as the search entries, so there is one keyed-hash mechanism. Empty input gives null.
    /// </summary>
    public async Task<byte[]?> KeyedHashAsync(BlindIndexKind kind, string? value, CancellationToken cancellationToken = default) =>
        Normalise(kind, value) is { Length: > 0 } normal ? Hash(await KeyAsync(cancellationToken), kind, normal) : null;

    /// <summary>How values are made comparable: case, accents, spacing and phone formatting do not matter.</summary>
    public static string Normalise(BlindIndexKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        if (kind == BlindIndexKind.AdReference)
        {
            // The same ad behind http or https, with or without www and a trailing slash.
            var reference = value.Trim().ToLowerInvariant();
            foreach (var prefix in new[] { "https://", "http://", "www." })
            {
                reference = reference.StartsWith(prefix, StringComparison.Ordinal) ? reference[prefix.Length..] : reference;
            }

            return reference.TrimEnd('/');
        }

        if (kind == BlindIndexKind.Phone)
        {
            var digits = new string([.. value.Where(char.IsAsciiDigit)]);
            return value.TrimStart().StartsWith('+') ? "00" + digits : digits;
        }

        var decomposed = value.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var text = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                text.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return string.Join(' ', text.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static byte[] Hash(byte[] key, BlindIndexKind kind, string normal) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{(int)kind}|{normal}"));

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }

        var secret = await db.Set<InstallationSecret>().AsNoTracking().FirstOrDefaultAsync(s => s.Purpose == Purpose, cancellationToken)
            ?? throw new InvalidOperationException("The blind-index key is missing; it is created at start (StartupTasks).");
        return _key = KeyWrap.Unwrap(keys, secret.KekVersion, secret.WrappedKey);
    }

    /// <summary>Creates the blind-index key on first start; when two instances race, the loser uses the winner's.</summary>
    public static async Task EnsureKeyAsync(BakenDbContext db, IKeyEncryptionKeys keys, CancellationToken cancellationToken)
    {
        if (await db.Set<InstallationSecret>().AnyAsync(s => s.Purpose == Purpose, cancellationToken))
        {
            return;
        }

        var kekVersion = keys.CurrentVersion;
        var secret = new InstallationSecret { Purpose = Purpose, KekVersion = kekVersion, WrappedKey = KeyWrap.Wrap(keys, kekVersion, RandomNumberGenerator.GetBytes(32)) };
        db.Add(secret);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(secret).State = EntityState.Detached;
            if (!await db.Set<InstallationSecret>().AsNoTracking().AnyAsync(s => s.Purpose == Purpose, cancellationToken))
            {
                throw;
            }
        }
    }
}
