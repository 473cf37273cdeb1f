namespace Baken.Infrastructure.Auth;

/// <summary>
/// Names and Secure policy of Baken's cookies. With secure cookies every name carries the <c>__Host-</c> prefix
/// (Secure, path /, no domain: the browser refuses to let another host or a plain-HTTP page set or read them).
/// A browser rejects that prefix without Secure, so plain HTTP in development uses the bare names.
/// </summary>
public sealed record CookieNames(bool Secure)
{
    public string Prefix => Secure ? "__Host-" : string.Empty;

    public CookieSecurePolicy SecurePolicy => Secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public string Session => Prefix + "baken";

    public string Antiforgery => Prefix + "baken-af";

    public string Named(string suffix) => $"{Prefix}baken-{suffix}";

    public static CookieNames From(BakenOptions options, IHostEnvironment environment) =>
        new(options.SecureCookies ?? !environment.IsDevelopment());
}
