namespace Baken.Features.Account;

internal static class TotpCode
{
    /// <summary>People type codes with spaces or dashes ("123 456"); Identity wants the bare digits.</summary>
    public static string Normalise(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
}
