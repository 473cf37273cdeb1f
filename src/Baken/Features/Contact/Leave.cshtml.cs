using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Baken.Features.Contact;

/// <summary>
/// The quick exit: ends the reporter's session and forgets a visitor's language choice, then sends the browser to
/// the neutral site. The button links
/// here, so even without JavaScript nothing of the conversation is reachable with Back afterwards.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class LeaveModel(ReporterSession session, IOptions<AnonymousChannelOptions> options) : PageModel
{
    public IActionResult OnGet()
    {
        session.End(HttpContext);
        if (User.Identity?.IsAuthenticated != true)
        {
            Response.Cookies.Delete(Infrastructure.Localization.LocalizationSetup.CookieName);
        }

        return Redirect(options.Value.QuickExitUrl);
    }
}
