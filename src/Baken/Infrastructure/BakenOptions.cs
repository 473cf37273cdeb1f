namespace Baken.Infrastructure;

/// <summary>Settings under the <c>Baken</c> configuration section.</summary>
public sealed class BakenOptions
{
    public const string Section = "Baken";

    /// <summary>Where the SQLite database and key files live. Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Seed synthetic demo data on an empty database and show the demo banner.</summary>
    public bool Demo { get; set; }

    /// <summary>The address printed in the first-run setup link.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Cookies with the Secure flag and the <c>__Host-</c> prefix, for HTTPS (directly or behind a TLS proxy).
    /// Unset: on everywhere except the Development environment, which runs on plain http://127.0.0.1.
    /// </summary>
    public bool? SecureCookies { get; set; }

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
