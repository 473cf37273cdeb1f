namespace Baken.Features.Contact;

/// <summary>Settings under <c>Baken:AnonymousChannel</c> (see <c>docs/decisions/0015-signals-and-the-anonymous-channel.md</c>).</summary>
public sealed class AnonymousChannelOptions
{
    public const string Section = "Baken:AnonymousChannel";

    /// <summary>PBKDF2-HMAC-SHA256 iterations for receipt codes (OWASP's 2023 advice is 600,000).</summary>
    public int HashIterations { get; set; } = 600_000;

    /// <summary>Reports and messages one address may send per hour (counted in memory only).</summary>
    public int SendsPerHour { get; set; } = 10;

    /// <summary>Attempts to open a report one address may make per 15 minutes (counted in memory only).</summary>
    public int OpensPer15Minutes { get; set; } = 10;

    /// <summary>Wrong codes for one locator, from any address, before that locator is refused for an hour.</summary>
    public int WrongCodesPerLocator { get; set; } = 5;

    /// <summary>Longest message, in characters.</summary>
    public int MaxMessageLength { get; set; } = 4000;

    /// <summary>Where the quick-exit button goes: a neutral site. Replaces the page, so Back does not return.</summary>
    public string QuickExitUrl { get; set; } = "https://www.google.nl/";

    public IEnumerable<string> Problems()
    {
        if (HashIterations is < 10_000 or > 10_000_000)
        {
            yield return "Baken:AnonymousChannel:HashIterations must be between 10,000 and 10,000,000.";
        }

        if (SendsPerHour is < 1 or > 10_000 || OpensPer15Minutes is < 1 or > 10_000 || WrongCodesPerLocator is < 1 or > 100)
        {
            yield return "Baken:AnonymousChannel rate limits must be positive.";
        }

        if (MaxMessageLength is < 100 or > 20_000)
        {
            yield return "Baken:AnonymousChannel:MaxMessageLength must be between 100 and 20,000.";
        }

        if (!Uri.TryCreate(QuickExitUrl, UriKind.Absolute, out var exit) || exit.Scheme != Uri.UriSchemeHttps)
        {
            yield return "Baken:AnonymousChannel:QuickExitUrl must be an absolute https address.";
        }
    }
}
