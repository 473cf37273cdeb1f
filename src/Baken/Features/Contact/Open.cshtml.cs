using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Baken.Features.Contact;

/// <summary>
/// The reporter comes back with the receipt code. The code is posted once, checked, and starts a short reporter
/// session (<see cref="ReporterSession"/>); the conversation and the form to write more are then shown on a GET,
/// so the code is never in a URL, a log, or a POST the browser could send again from its history. Wrong and
/// unknown codes get the same answer; a locator guessed too often is refused (429).
/// </summary>
[AllowAnonymous]
public sealed class OpenModel(
    AnonymousReports reports, ReporterSession session, IOptions<AnonymousChannelOptions> options, IStringLocalizer<SharedResource> t) : PageModel
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

    public async Task OnGetAsync(bool sent = false, bool again = false, CancellationToken cancellationToken = default)
    {
        if (await CurrentAsync(cancellationToken))
        {
            Sent = sent;
            AlreadyReceived = again;
            await ShowAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), t["ContactOpen_CodeRequired"]);
            return Page();
        }

        var (result, report) = await reports.OpenAsync(Code, cancellationToken);
        Code = null;
        ModelState.Remove(nameof(Code));
        switch (result)
        {
            case AnonymousReports.OpenResult.Opened:
                session.Start(HttpContext, report!.Id);
                return RedirectToPage();
            case AnonymousReports.OpenResult.Blocked:
                Blocked = true;
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }

                return Page();
            default:
                ModelState.AddModelError(nameof(Code), t["ContactOpen_Wrong"]);
                return Page();
        }
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken)
    {
        if (!await CurrentAsync(cancellationToken))
        {
            // The session ended (20 minutes, or the quick exit): ask for the code again; the typed text stays.
            ModelState.AddModelError(nameof(Code), t["ContactOpen_SessionEnded"]);
            return Page();
        }

        var report = Report!;
        if (report.Status == ReportStatus.Closed)
        {
            // Closed by the team meanwhile: say so, and keep what was typed so it can be copied.
            await ShowAsync(cancellationToken);
            return Page();
        }

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

        if (!ModelState.IsValid)
        {
            await ShowAsync(cancellationToken);
            return Page();
        }

        var written = await reports.WriteAsync(report, null, Message!, submissionKey, cancellationToken);
        return RedirectToPage(written ? new { sent = true } : new { again = true } as object);
    }

    private async Task<bool> CurrentAsync(CancellationToken cancellationToken)
    {
        Report = session.Current(HttpContext) is { } id ? await reports.FindAsync(id, cancellationToken) : null;
        if (Report is null)
        {
            session.End(HttpContext);
        }

        return Report is not null;
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
