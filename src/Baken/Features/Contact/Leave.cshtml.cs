using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Baken.Features.Contact;

/// <summary>
/// The quick exit: ends the reporter's session, then sends the browser to the neutral site. The button links
/// here, so even without JavaScript nothing of the conversation is reachable with Back afterwards.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class LeaveModel(ReporterSession session, IOptions<AnonymousChannelOptions> options) : PageModel
{
    public IActionResult OnGet()
    {
        session.End(HttpContext);
        return Redirect(options.Value.QuickExitUrl);
    }
}
