using Microsoft.Extensions.Localization;

namespace Baken.Infrastructure.ProcessingLog;

/// <summary>
/// The words for a processing-log action code, for every page that shows the log to staff or to the client. The
/// code is for machines (it stays in the JSON export), and a lookup must never show a resource key: a code without
/// a text (an entry older than its text, or an action added without one) reads as a neutral "data used".
/// </summary>
public static class ProcessingActionText
{
    /// <summary>Every action code has its text under this prefix: <c>ProcessingAction_{code}</c>.</summary>
    public const string KeyPrefix = "ProcessingAction_";

    /// <summary>The neutral text's key, outside <see cref="KeyPrefix"/> so no action code can ever collide with it.</summary>
    public const string FallbackKey = "ProcessingLog_UnknownAction";

    /// <summary>Shown only if even the neutral text is missing from the resources.</summary>
    public const string LastResort = "Gegevens gebruikt";

    public static string For(IStringLocalizer t, string? action)
    {
        if (!string.IsNullOrWhiteSpace(action) && t[KeyPrefix + action] is { ResourceNotFound: false } text)
        {
            return text.Value;
        }

        return t[FallbackKey] is { ResourceNotFound: false } fallback ? fallback.Value : LastResort;
    }
}
