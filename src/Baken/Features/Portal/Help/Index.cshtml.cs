using System.Globalization;
using Baken.Features.Contact;
using Baken.Features.Intake;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Baken.Features.Portal.Help;

/// <summary>
/// "I want to stop / I want help": a self-referral without identity, landing in the intake queue of the
/// organisation that runs the exit programme. With "only a receipt code" it also starts a conversation in the
/// anonymous channel, and the code is shown once on the response to the post (never in a URL, no redirect).
/// Posts count against the anonymous channel's limits; a form sent again stores nothing.
/// </summary>
[AllowAnonymous]
[AnonymousChannelForm]
public sealed class IndexModel(IntakeRecords records, IOptions<AnonymousChannelOptions> channelOptions, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? Alias { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? ContactDetails { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    /// <summary>A random value of this form: the same form sent twice stores one request.</summary>
    [BindProperty]
    public string? SubmissionKey { get; set; }

    /// <summary>False when no organisation receives self-referrals: the page points to the contact form instead.</summary>
    public bool Available { get; private set; } = true;

    /// <summary>The channel of the request just stored (what the confirmation says), or null before sending.</summary>
    public IntakeContactChannel? Sent { get; private set; }

    /// <summary>The receipt code of the request just stored; shown once.</summary>
    public string? ReceiptCode { get; private set; }

    public bool AlreadyReceived { get; private set; }

    public int MaxLength => channelOptions.Value.MaxMessageLength;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Available = await records.SelfReferralOrganisationAsync(cancellationToken) is not null;
        Channel = nameof(IntakeContactChannel.ReceiptCodeOnly);
        var current = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Language = IntakeRules.Languages.Contains(current) ? current : IntakeRules.Languages[0];
        SubmissionKey = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await records.SelfReferralOrganisationAsync(cancellationToken) is not { } organisation)
        {
            Available = false;
            return Page();
        }

        var alias = IntakeRules.Clean(Alias);
        if (alias is not null && (alias.Length > IntakeRules.MaxAlias || alias.Any(char.IsControl)))
        {
            ModelState.AddModelError(nameof(Alias), t["Help_AliasTooLong", IntakeRules.MaxAlias]);
        }

        var channel = IntakeRules.ParseChannel(Channel, IntakeRules.SelfChannels);
        if (channel is null)
        {
            ModelState.AddModelError(nameof(Channel), t["Help_ChannelRequired"]);
        }

        var details = IntakeRules.Clean(ContactDetails);
        if (channel is { } chosen && IntakeRules.NeedsDetails(chosen))
        {
            if (details is null)
            {
                ModelState.AddModelError(nameof(ContactDetails), t["Help_DetailsRequired"]);
            }
            else if (!IntakeRules.DetailsFit(chosen, details))
            {
                ModelState.AddModelError(nameof(ContactDetails), t[$"Help_DetailsInvalid_{chosen}", IntakeRules.MaxContactDetails]);
            }
        }

        var language = IntakeRules.Clean(Language);
        if (language is null || !IntakeRules.Languages.Contains(language))
        {
            ModelState.AddModelError(nameof(Language), t["Help_LanguageRequired"]);
        }

        var message = IntakeRules.Clean(Message);
        if (message?.Length > MaxLength)
        {
            ModelState.AddModelError(nameof(Message), t["Contact_MessageTooLong", MaxLength, message.Length]);
        }

        if (!Guid.TryParse(SubmissionKey, out var submissionKey) || submissionKey == Guid.Empty)
        {
            // A form that lost its key cannot be recognised when sent again: a fresh one, and send again.
            ModelState.AddModelError(string.Empty, t["Contact_FormExpired"]);
            ModelState.Remove(nameof(SubmissionKey));
            SubmissionKey = Guid.NewGuid().ToString();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The team answers a conversation in Dutch or English: Dutch for who prefers it, English for everyone else.
        var reportLanguage = language == "nl" ? "nl" : "en";
        var result = await records.SubmitAsync(new IntakeRecords.Submission(
            organisation, IntakeSource.SelfReferral, channel!.Value, language!, alias, details, message, submissionKey,
            ReportText: message ?? InLanguage(reportLanguage, () => t["Help_ReportWithoutMessage"].Value), ReportLanguage: reportLanguage), cancellationToken);
        if (result.Outcome != IntakeRecords.Outcome.Stored)
        {
            AlreadyReceived = true;
            return Page();
        }

        Sent = channel;
        ReceiptCode = result.ReceiptCode;
        return Page();
    }

    /// <summary>A text of the shared resources in the given language, whatever the page's language.</summary>
    private static string InLanguage(string language, Func<string> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
