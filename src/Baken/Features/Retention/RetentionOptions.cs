namespace Baken.Features.Retention;

/// <summary>
/// Settings under <c>Baken:Retention</c>. The defaults are the policy documented in
/// <c>docs/decisions/0012-retention.md</c>; an installation may change them within the limits checked at start.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Baken:Retention";

    /// <summary>Run the daily retention job. Switched off only for tests and one-off maintenance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Local time (Europe/Amsterdam) at which the daily job runs.</summary>
    public TimeOnly RunAt { get; set; } = new(3, 0);

    /// <summary>A client file (pseudonymous or identified) is erased this many months after its last activity.</summary>
    public int ClientFileMonths { get; set; } = 24;

    /// <summary>An anonymous client record (code and alias only) is erased this many months after its last activity.</summary>
    public int AnonymousClientMonths { get; set; } = 12;

    /// <summary>A closed anonymous report (question or concern) is erased this many days after closing.</summary>
    public int AnonymousReportDays { get; set; } = 90;

    /// <summary>
    /// A report that was never closed (the reporter stopped coming back) is erased this many days after its last
    /// message, so an unanswered or unclosed conversation is not kept for ever.
    /// </summary>
    public int AnonymousReportIdleDays { get; set; } = 180;

    /// <summary>A closed signal is erased this many months after closing.</summary>
    public int SignalMonths { get; set; } = 24;

    /// <summary>How far ahead the "expiring soon" list looks.</summary>
    public int ExpiringSoonDays { get; set; } = 60;

    /// <summary>The longest a case manager may extend retention beyond the current expiry date in one decision.</summary>
    public int MaxKeepLongerMonths { get; set; } = 24;

    /// <summary>Fails the start on settings that would break the policy, rather than erase too early or never.</summary>
    public IEnumerable<string> Problems()
    {
        if (ClientFileMonths is < 1 or > 240)
        {
            yield return "Baken:Retention:ClientFileMonths must be between 1 and 240.";
        }

        if (AnonymousClientMonths is < 1 or > 240)
        {
            yield return "Baken:Retention:AnonymousClientMonths must be between 1 and 240.";
        }

        if (AnonymousReportDays is < 1 or > 3650)
        {
            yield return "Baken:Retention:AnonymousReportDays must be between 1 and 3650.";
        }

        if (AnonymousReportIdleDays is < 1 or > 3650)
        {
            yield return "Baken:Retention:AnonymousReportIdleDays must be between 1 and 3650.";
        }

        if (SignalMonths is < 1 or > 240)
        {
            yield return "Baken:Retention:SignalMonths must be between 1 and 240.";
        }

        if (ExpiringSoonDays is < 1 or > 365)
        {
            yield return "Baken:Retention:ExpiringSoonDays must be between 1 and 365.";
        }

        if (MaxKeepLongerMonths is < 1 or > 120)
        {
            yield return "Baken:Retention:MaxKeepLongerMonths must be between 1 and 120.";
        }
    }
}
