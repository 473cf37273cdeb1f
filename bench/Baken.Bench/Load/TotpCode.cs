using System.Globalization;
using System.Security.Cryptography;

namespace Baken.Bench.Load;

/// <summary>
/// RFC 6238 codes (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app computes them: the harness signs
/// in the way a person does. The same algorithm as tests/Shared/Totp.cs, not linked: the tests reference this
/// project and compile that file too, and one type in two assemblies would clash.
/// </summary>
public static class TotpCode
{
    public static string At(string base32Secret, DateTimeOffset at)
    {
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // Authenticator apps use HMAC-SHA1 (RFC 6238); this mirrors one, it protects nothing.
        var hash = HMACSHA1.HashData(FromBase32(base32Secret), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = input.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
