using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Account;

internal static class TotpCode
{
    /// <summary>People type codes with spaces or dashes ("123 456"); Identity wants the bare digits.</summary>
    public static string Normalise(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>The one rule for a code field: six digits once spaces and dashes are gone.</summary>
    public static IRuleBuilderOptions<T, string> MustBeTotpCode<T>(this IRuleBuilder<T, string> rule, IStringLocalizer t) =>
        rule.Must(code => Normalise(code) is { Length: 6 } normal && normal.All(char.IsAsciiDigit))
            .WithMessage(t["TwoFactor_CodeFormat"]);
}
