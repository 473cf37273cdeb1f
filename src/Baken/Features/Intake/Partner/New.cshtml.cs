using Baken.Features.Admin;
using Baken.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Intake.Partner;

/// <summary>
/// A Verwijzer refers someone to a care provider's or information centre's intake queue. The referral is encrypted
/// there; afterwards the referrer sees only its status. A form sent twice stores one; a reference the referrer's
/// organisation used before is refused next to the field.
/// </summary>
[Authorize(Roles = Roles.Verwijzer)]
public sealed class NewModel(IntakeRecords records, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? ReceivingOrganisationId { get; set; }

    [BindProperty]
    public string? Alias { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? ContactDetails { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? SubmissionKey { get; set; }

    public IReadOnlyList<SelectListItem> Receivers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Channel = nameof(IntakeContactChannel.ViaReferrer);
        Language = IntakeRules.Languages[0];
        SubmissionKey = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Guid? receiver = Guid.TryParse(ReceivingOrganisationId, out var parsed) && Receivers.Any(r => r.Value == parsed.ToString()) ? parsed : null;
        if (receiver is null)
        {
            ModelState.AddModelError(nameof(ReceivingOrganisationId), t["PartnerNew_ReceiverRequired"]);
        }

        var alias = IntakeRules.Clean(Alias);
        if (alias is not null && (alias.Length > IntakeRules.MaxAlias || alias.Any(char.IsControl)))
        {
            ModelState.AddModelError(nameof(Alias), t["Help_AliasTooLong", IntakeRules.MaxAlias]);
        }

        var channel = IntakeRules.ParseChannel(Channel, IntakeRules.PartnerChannels);
        if (channel is null)
        {
            ModelState.AddModelError(nameof(Channel), t["Form_InvalidChoice"]);
        }

        var details = IntakeRules.Clean(ContactDetails);
        if (channel is { } chosen && IntakeRules.NeedsDetails(chosen))
        {
            if (details is null)
            {
                ModelState.AddModelError(nameof(ContactDetails), t["PartnerNew_DetailsRequired"]);
            }
            else if (!IntakeRules.DetailsFit(chosen, details))
            {
                ModelState.AddModelError(nameof(ContactDetails), t[$"Help_DetailsInvalid_{chosen}", IntakeRules.MaxContactDetails]);
            }
        }

        if (IntakeRules.Clean(Language) is not { } language || !IntakeRules.Languages.Contains(language))
        {
            ModelState.AddModelError(nameof(Language), t["Help_LanguageRequired"]);
            language = null;
        }

        var reason = IntakeRules.Clean(Reason);
        if (reason is null)
        {
            ModelState.AddModelError(nameof(Reason), t["PartnerNew_ReasonRequired"]);
        }
        else if (reason.Length > PartnerReferralCheck.MaxReason)
        {
            ModelState.AddModelError(nameof(Reason), t["Field_TooLong", PartnerReferralCheck.MaxReason]);
        }

        var reference = IntakeRules.Clean(Reference);
        if (reference is not null && (reference.Length > IntakeRules.MaxReference || reference.Any(char.IsControl)))
        {
            ModelState.AddModelError(nameof(Reference), t["Field_TooLong", IntakeRules.MaxReference]);
        }

        if (!Guid.TryParse(SubmissionKey, out var submissionKey) || submissionKey == Guid.Empty)
        {
            ModelState.AddModelError(string.Empty, t["Contact_FormExpired"]);
            ModelState.Remove(nameof(SubmissionKey));
            SubmissionKey = Guid.NewGuid().ToString();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await records.SubmitAsync(new IntakeRecords.Submission(
            receiver!.Value, IntakeSource.PartnerForm, channel!.Value, language!, alias, details, reason, submissionKey,
            User.UserId(), User.OrganisationId(), reference), cancellationToken);
        switch (result.Outcome)
        {
            case IntakeRecords.Outcome.SameReference:
                ModelState.AddModelError(nameof(Reference), t["PartnerNew_ReferenceUsed"]);
                return Page();
            case IntakeRecords.Outcome.AlreadyReceived:
                return RedirectToPage("/Intake/Partner/Referrals", new { done = "again" });
            default:
                return RedirectToPage("/Intake/Partner/Referrals", new { done = "sent" });
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Receivers = [.. (await records.ReceivingOrganisations().AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))];
}
