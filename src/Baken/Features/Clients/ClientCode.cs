using System.Security.Cryptography;

namespace Baken.Features.Clients;

/// <summary>
/// Client codes like <c>BK-7F3K-Q9</c>: six random characters from an alphabet without look-alikes (no 0/O,
/// 1/I/L, 5/S, 8/B), easy to read out over the phone; about 590 million possible codes.
/// </summary>
public static class ClientCode
{
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXYZ234679";

    public static string New()
    {
        Span<char> chars = stackalloc char[6];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"BK-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>What a person types ("bk7f3kq9", "BK 7F3K Q9") turned into the stored form, or null.</summary>
    public static string? Normalise(string? input)
    {
        var bare = new string([.. (input ?? string.Empty).ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        if (bare.StartsWith("BK", StringComparison.Ordinal))
        {
            bare = bare[2..];
        }

        return bare.Length == 6 && bare.All(Alphabet.Contains) ? $"BK-{bare[..4]}-{bare[4..]}" : null;
    }
}
