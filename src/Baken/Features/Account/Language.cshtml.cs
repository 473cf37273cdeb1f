using Baken.Infrastructure.Localization;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Account;

/// <summary>Switches the interface language (Dutch or English) with a cookie, then returns to the same page.</summary>
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
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
        return LocalRedirect(Url.LocalOrHome(returnUrl));
    }
}
