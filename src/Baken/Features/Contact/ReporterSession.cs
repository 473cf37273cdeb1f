using System.Security.Cryptography;
using Baken.Infrastructure.Auth;
using Microsoft.AspNetCore.DataProtection;

namespace Baken.Features.Contact;

/// <summary>
/// After a reporter opened their report with the receipt code, a short session (a browser-session cookie holding
/// the report id, encrypted and valid for 20 minutes) shows the conversation on a plain GET. So the code is
/// posted once, the conversation never sits behind a POST in the browser history (Back cannot re-send the code),
/// and the quick exit (<c>/Contact/Leave</c>) ends the session before it leaves, so Back shows only the empty form.
/// </summary>
public sealed class ReporterSession(IDataProtectionProvider protection, CookieNames cookies)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("Baken.Contact.ReporterSession").ToTimeLimitedDataProtector();

    private string CookieName => cookies.Named("report");

    public void Start(HttpContext context, Guid reportId) =>
        context.Response.Cookies.Append(CookieName, Protector.Protect(reportId.ToString("N"), Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = cookies.Secure || context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });

    /// <summary>The report of this browser's session, or null when there is none or it expired.</summary>
    public Guid? Current(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(Protector.Unprotect(value), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void End(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", Secure = cookies.Secure || context.Request.IsHttps, SameSite = SameSiteMode.Strict });
}
