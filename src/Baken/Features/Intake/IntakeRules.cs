using System.Text.RegularExpressions;
using Baken.Infrastructure.Localization;

namespace Baken.Features.Intake;

/// <summary>
/// The rules every way in shares (the portal's form, the Verwijzer's form and the partner API): which languages
/// and channels exist, how long each field may be, and what a phone number or e-mail address looks like. The
/// pages and the API word the messages themselves (Dutch or English, next to the field or in problem details).
/// </summary>
public static partial class IntakeRules
{
    public const int MaxAlias = 100;
    public const int MaxContactDetails = 200;
    public const int MaxReference = 100;
    public const int MaxNote = 2000;

    /// <summary>The languages a person may prefer: those of the public portal.</summary>
    public static IReadOnlyList<string> Languages { get; } = [.. LocalizationSetup.PublicLanguages.Select(l => l.Code)];

    /// <summary>What a person chooses on the portal: the receipt code first, as it asks for nothing about them.</summary>
    public static IReadOnlyList<IntakeContactChannel> SelfChannels { get; } =
        [IntakeContactChannel.ReceiptCodeOnly, IntakeContactChannel.Phone, IntakeContactChannel.Email, IntakeContactChannel.Messenger, IntakeContactChannel.InfoCentre];

    /// <summary>What a referrer chooses: through the referrer first; a receipt code is only for the person themself.</summary>
    public static IReadOnlyList<IntakeContactChannel> PartnerChannels { get; } =
        [IntakeContactChannel.ViaReferrer, IntakeContactChannel.Phone, IntakeContactChannel.Email, IntakeContactChannel.Messenger, IntakeContactChannel.InfoCentre];

    /// <summary>Channels that need a number, address or handle.</summary>
    public static bool NeedsDetails(IntakeContactChannel channel) =>
        channel is IntakeContactChannel.Phone or IntakeContactChannel.Email or IntakeContactChannel.Messenger;

    /// <summary>Digits, spaces and one leading plus; 6 to 15 digits (E.164 allows at most 15).</summary>
    [GeneratedRegex(@"^\+?[0-9 ]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();

    /// <summary>One @, something before it, a dot in the domain, no spaces. Deliberately simple.</summary>
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    /// <summary>Whether the details fit the channel; the value is trimmed by the caller.</summary>
    public static bool DetailsFit(IntakeContactChannel channel, string details)
    {
        if (details.Length > MaxContactDetails || details.Any(char.IsControl))
        {
            return false;
        }

        return channel switch
        {
            IntakeContactChannel.Phone => PhoneShape().IsMatch(details) && details.Count(char.IsAsciiDigit) is >= 6 and <= 15,
            IntakeContactChannel.Email => details.Length <= 254 && EmailShape().IsMatch(details),
            IntakeContactChannel.Messenger => details.Length >= 2,
            _ => true,
        };
    }

    /// <summary>Text a person typed, trimmed; null when empty.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A name of an enum value given as text, only when it is one of <paramref name="allowed"/> (never a number).</summary>
    public static IntakeContactChannel? ParseChannel(string? value, IReadOnlyList<IntakeContactChannel> allowed) =>
        Enum.TryParse<IntakeContactChannel>(value, ignoreCase: false, out var parsed) && !int.TryParse(value, out _) && allowed.Contains(parsed)
            ? parsed
            : null;
}
