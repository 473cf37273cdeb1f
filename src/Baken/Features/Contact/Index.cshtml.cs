using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Baken.Features.Contact;

/// <summary>
/// The public form of the anonymous channel: a question or a concern, no account. The receipt code is shown once,
/// on the response to the post itself (never in a URL); a replayed form stores nothing and shows no code.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AnonymousReports reports, IOptions<AnonymousChannelOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    /// <summary>A random value of this form: the same form sent twice stores one report.</summary>
    [BindProperty]
    public string? SubmissionKey { get; set; }

    /// <summary>The receipt code of the report just stored; shown once.</summary>
    public string? ReceiptCode { get; private set; }

    public bool AlreadyReceived { get; private set; }

    public int MaxLength => options.Value.MaxMessageLength;

    public void OnGet()
    {
        Kind = nameof(ReportKind.Question);
        SubmissionKey = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var kind = Enum.TryParse<ReportKind>(Kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Kind, out _)
            ? parsed : (ReportKind?)null;
        if (kind is null)
        {
            ModelState.AddModelError(nameof(Kind), t["Contact_KindRequired"]);
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
            // A form that lost its key cannot be recognised when sent again: a fresh one, and send again.
            ModelState.AddModelError(string.Empty, t["Contact_FormExpired"]);
            ModelState.Remove(nameof(SubmissionKey));
            SubmissionKey = Guid.NewGuid().ToString();
        }

        if (ModelState.IsValid && await reports.ReceivingOrganisationAsync(cancellationToken) == Guid.Empty)
        {
            ModelState.AddModelError(string.Empty, t["Contact_Unavailable"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        var code = await reports.CreateAsync(kind!.Value, language, Message!, submissionKey, cancellationToken);
        if (code is null)
        {
            AlreadyReceived = true;
            return Page();
        }

        ReceiptCode = code;
        return Page();
    }
}
