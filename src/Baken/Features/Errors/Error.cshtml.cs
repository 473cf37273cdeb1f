using System.Diagnostics;
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

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

    private PageResult Show(int? code)
    {
        Status = code is >= 400 and <= 599 ? code.Value
            : HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is DbUpdateConcurrencyException ? StatusCodes.Status409Conflict
            : StatusCodes.Status500InternalServerError;
        ErrorId = Activity.Current?.TraceId.ToHexString() ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
        return Page();
    }
}
