namespace Baken.BrowserTests.Infrastructure;

/// <summary>
/// The system Chromium the suite drives (never a browser downloaded by <c>playwright install</c>). Without it the
/// tests are skipped with the reason, except under <c>CI=true</c>, where they run and fail.
/// </summary>
public static class Chromium
{
    public const string PathVariable = "BAKEN_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    public static readonly IReadOnlyList<string> Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string NotFound => $"Chromium not found at {ExecutablePath}; set {PathVariable}";

    /// <summary>Why the browser tests are skipped, or null when they run (Chromium found, or in CI where its absence must fail).</summary>
    public static string? SkipReason => IsInstalled || InCi ? null : $"Browser suite skipped: {NotFound}.";
}
