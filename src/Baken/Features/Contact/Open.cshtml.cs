using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Baken.Features.Contact;

/// <summary>
/// The reporter comes back with the receipt code: the conversation and a form to write more. The code only ever
/// travels in a post body (a hidden field of the reply form) and is checked again on every post; it never goes
/// into a URL or a log. Wrong and unknown codes get the same answer; a locator guessed too often is refused (429).
/// </summary>
[AllowAnonymous]
public sealed class OpenModel(AnonymousReports reports, IOptions<AnonymousChannelOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty]
    public string? SubmissionKey { get; set; }

    public AnonymousReport? Report { get; private set; }

    public IReadOnlyList<AnonymousReports.MessageView> Messages { get; private set; } = [];

    public bool Blocked { get; private set; }

    public bool Sent { get; private set; }

    public bool AlreadyReceived { get; private set; }

    public int MaxLength => options.Value.MaxMessageLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), t["ContactOpen_CodeRequired"]);
            return Page();
        }

        if (!await OpenAsync(cancellationToken))
        {
            return Page();
        }

        await ShowAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(cancellationToken))
        {
            return Page();
        }

        var report = Report!;
        if (report.Status != ReportStatus.Closed)
        {
            if (string.IsNullOrWhiteSpace(Message))
            {
                ModelState.AddModelError(nameof(Message), t["Contact_MessageRequired"]);
            }
            else if (Message.Trim().Length > MaxLength)
            {
                ModelState.AddModelError(nameof(Message), t["Contact_MessageTooLong", MaxLength, Message.Trim().Length]);
            }

            if (!Guid.TryParse(SubmissionKey, out var submissionKey) || submissionKey == Guid.Empty)
            {
                ModelState.AddModelError(string.Empty, t["Contact_FormExpired"]);
            }
            else if (ModelState.IsValid)
            {
                if (await reports.WriteAsync(report, null, Message!, submissionKey, cancellationToken))
                {
                    Sent = true;
                }
                else
                {
                    AlreadyReceived = true;
                }

                Message = null;
                ModelState.Remove(nameof(Message));
            }
        }

        await ShowAsync(cancellationToken);
        return Page();
    }

    /// <summary>Checks the code; false (with the page prepared to say why) when it opens nothing.</summary>
    private async Task<bool> OpenAsync(CancellationToken cancellationToken)
    {
        var (result, report) = await reports.OpenAsync(Code, cancellationToken);
        switch (result)
        {
            case AnonymousReports.OpenResult.Opened:
                Report = report;
                return true;
            case AnonymousReports.OpenResult.Blocked:
                Blocked = true;
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }

                break;
            default:
                ModelState.AddModelError(nameof(Code), t["ContactOpen_Wrong"]);
                break;
        }

        Message = null;
        ModelState.Remove(nameof(Message));
        return false;
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        Messages = await reports.ReadAsync(Report!, staff: false, cancellationToken);
        if (ModelState.IsValid || !Guid.TryParse(SubmissionKey, out _))
        {
            SubmissionKey = Guid.NewGuid().ToString();
            ModelState.Remove(nameof(SubmissionKey));
        }
    }
}
