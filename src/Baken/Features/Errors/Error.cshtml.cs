using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Errors;

/// <summary>Friendly error and not-found pages. Shows an error id to quote to support, never a stack trace.</summary>
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
        Status = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status500InternalServerError;
        ErrorId = Activity.Current?.TraceId.ToHexString() ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
        return Page();
    }
}
