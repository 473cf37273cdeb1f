using System.Security.Cryptography;

namespace Baken.Infrastructure.Crypto;

/// <summary>RFC 5649 key wrap (AES key wrap with padding) under a key-encryption key version.</summary>
internal static class KeyWrap
{
    public static byte[] Wrap(IKeyEncryptionKeys keys, int kekVersion, ReadOnlySpan<byte> dataKey)
    {
        using var aes = Aes.Create();
        aes.Key = keys.Get(kekVersion).ToArray();
        return aes.EncryptKeyWrapPadded(dataKey);
    }

    public static byte[] Unwrap(IKeyEncryptionKeys keys, int kekVersion, ReadOnlySpan<byte> wrapped)
    {
        using var aes = Aes.Create();
        aes.Key = keys.Get(kekVersion).ToArray();
        return aes.DecryptKeyWrapPadded(wrapped);
    }
}
