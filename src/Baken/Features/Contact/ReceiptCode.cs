using System.Security.Cryptography;
using System.Text;

namespace Baken.Features.Contact;

/// <summary>
/// The receipt code of an anonymous report: 20 characters in five groups of four, from a 32-letter alphabet
/// without look-alikes (Crockford base32), e.g. <c>7KQ2-M9XD-4TPA-RW3H-C8VN</c>. The first group is a locator
/// (20 bits, stored, to find the report); the other four groups are 80 random bits that exist only on the
/// reporter's paper. The whole code is stored only as a salted PBKDF2-HMAC-SHA256 hash.
/// </summary>
public static class ReceiptCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 20;
    public const int LocatorLength = 4;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Format(new string(chars));
    }

    /// <summary>"7KQ2M9XD4TPARW3HC8VN" as written down: five groups of four.</summary>
    public static string Format(string bare) =>
        string.Join('-', Enumerable.Range(0, Length / LocatorLength).Select(i => bare.Substring(i * LocatorLength, LocatorLength)));

    /// <summary>
    /// What a person typed, forgiving case, spaces, dashes and the look-alikes O (zero) and I, L (one); null when
    /// it cannot be a receipt code.
    /// </summary>
    public static string? Normalise(string? input)
    {
        if (input is null || input.Length > 64)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in input.ToUpperInvariant())
        {
            var mapped = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (Alphabet.Contains(mapped))
            {
                builder.Append(mapped);
            }
            else if (!char.IsWhiteSpace(c) && c is not '-' and not '.')
            {
                return null;
            }
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    public static string Locator(string normalised) => normalised[..LocatorLength];

    public static byte[] Hash(string normalised, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(normalised), salt, iterations, HashAlgorithmName.SHA256, 32);

    public static bool Matches(string normalised, byte[] salt, int iterations, byte[] expected) =>
        CryptographicOperations.FixedTimeEquals(Hash(normalised, salt, iterations), expected);
}
