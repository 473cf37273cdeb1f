using Baken.Infrastructure.Localization;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Account;

/// <summary>
/// Switches the interface language (Dutch or English) with a cookie, then returns to the same page. For staff the
/// choice is remembered for a year; for an anonymous visitor of the public pages only for the browser session, so
/// a shared or checked phone keeps no sign of the visit (the quick exit also removes it).
/// </summary>
[AllowAnonymous]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = LocalizationSetup.SupportedCultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "nl";
        Response.Cookies.Append(
            LocalizationSetup.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Expires = User.Identity?.IsAuthenticated == true ? DateTimeOffset.UtcNow.AddYears(1) : null,
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
        return LocalRedirect(Url.LocalOrHome(returnUrl));
    }
}
