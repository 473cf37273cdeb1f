using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Errors;

/// <summary>
/// Friendly error and not-found pages. Shows an error id to quote to support, never a stack trace. A save that
/// lost a race with another user's change (a concurrency conflict) says so, since trying again will work.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;

    public string ErrorId { get; private set; } = string.Empty;

    /// <summary>The failed request was for a public page of the anonymous channel (no account).</summary>
    public bool Public { get; private set; }

    // No model binding: a re-executed post (a refused form) carries its own fields, which may share a name or be
    // unreadable (a form with a NUL character fails to parse, and binding would then lose the status code too).
    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    private PageResult Show()
    {
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var routed) ? routed : null);
        Status = code is >= 400 and <= 599 ? code.Value
            : HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is DbUpdateConcurrencyException ? StatusCodes.Status409Conflict
            : StatusCodes.Status500InternalServerError;
        ErrorId = Activity.Current?.TraceId.ToHexString() ?? HttpContext.TraceIdentifier;
        var failedPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Public = Infrastructure.Web.PublicPaths.IsPublic(new PathString(failedPath));
        Response.StatusCode = Status;
        return Page();
    }
}
