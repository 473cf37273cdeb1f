using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.ServiceDirectory;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Referrals;

/// <summary>
/// Referring a client out of a trajectory, one step at a time: pick a service from the directory, pass the consent
/// check for its organisation (or a team lead's override), tick exactly what goes along and write the question,
/// see the text that will be shared, then send. The confirmation carries the hash of the previewed text and a
/// submission key: a changed text shows the new preview first, and a double submit stores one referral.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class NewModel(
    BakenDbContext db,
    TrajectoryAccess access,
    ReferralRecords records,
    ReferralLetter letter,
    ConsentCheck consent,
    ProcessingLogWriter processingLog,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public const int ServicesPerPage = 10;

    public Trajectory Trajectory { get; private set; } = null!;

    public Client Client { get; private set; } = null!;

    public bool Closed => !Trajectory.IsOpen;

    public string? Query { get; private set; }

    public string? Topic { get; private set; }

    public IReadOnlyList<TaxonomyTerm> Topics { get; private set; } = [];

    public IReadOnlyList<ReferralRecords.Recipient> Services { get; private set; } = [];

    public PageInfo ServicePages { get; private set; } = new(1, ServicesPerPage, 0);

    /// <summary>The chosen service (step two onwards).</summary>
    public ReferralRecords.Recipient? Recipient { get; private set; }

    /// <summary>The directory organisation has no Baken organisation: consent cannot be checked, so no referral.</summary>
    public bool NotLinked => Recipient is { OrganisationId: null };

    public ConsentDecision? Decision { get; private set; }

    public bool MayProceed => Recipient is not null && !Closed && Decision is { Allowed: true };

    /// <summary>A refusal a team lead may set aside (never a restricted file).</summary>
    public bool CanOverride => Decision is { Allowed: false } d && d.ReasonKey != "Consent_RefusedRestricted" && User.IsInRole(Roles.Teamleider);

    public IReadOnlyList<SharedItem> Offered { get; private set; } = [];

    [BindProperty]
    public List<string> Items { get; set; } = [];

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public string? PreviewHash { get; set; }

    [BindProperty]
    public Guid? SubmissionKey { get; set; }

    /// <summary>A team lead's reason for an override.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The text that would be shared, after "Preview".</summary>
    public string? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? serviceId, string? q, string? topic, int p = 1, CancellationToken cancellationToken = default)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Closed)
        {
            return Page();
        }

        if (serviceId is null)
        {
            await SearchAsync(q, topic, p, cancellationToken);
            return Page();
        }

        if (!await ChooseAsync(serviceId.Value, cancellationToken))
        {
            return NotFound();
        }

        var defaults = ReferralDefaults.For(Recipient!.Type);
        Items = [.. Offered.Where(i => defaults.HasFlag(i)).Select(i => i.ToString())];
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid serviceId, bool confirm, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken) || !await ChooseAsync(serviceId, cancellationToken))
        {
            return NotFound();
        }

        if (Refusal() is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }

        var items = Offered.Where(i => Items.Contains(i.ToString())).Aggregate(SharedItem.Question, (all, i) => all | i);
        if (string.IsNullOrWhiteSpace(Question))
        {
            ModelState.AddModelError(nameof(Question), t["Referral_QuestionRequired"]);
        }
        else if (Question.Length > ReferralLetter.MaxQuestion)
        {
            ModelState.AddModelError(nameof(Question), t["Field_TooLong", ReferralLetter.MaxQuestion]);
        }

        if (!ModelState.IsValid)
        {
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }

        var text = await letter.ComposeAsync(Client, Trajectory, items, Question!, cancellationToken);
        var hash = ReferralLetter.Hash(serviceId, text);
        if (confirm && (!string.Equals(PreviewHash, hash, StringComparison.Ordinal) || SubmissionKey is null))
        {
            // The choices or the client's data changed after the preview: show the new text first.
            ModelState.AddModelError(string.Empty, t["Referral_PreviewChanged"]);
            confirm = false;
        }

        if (!confirm)
        {
            PreviewHash = hash;
            SubmissionKey ??= Guid.CreateVersion7();
            await db.SaveChangesAsync(cancellationToken);
            Preview = text;
            return Page();
        }

        var key = SubmissionKey!.Value;
        if (await SentAlreadyAsync(id, key, cancellationToken) is { } sent)
        {
            return sent;
        }

        await records.SendAsync(Client, Trajectory, Recipient!, items, text, Decision!.ConsentId, key, User.UserId()!.Value, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await AgainAsync(id, serviceId, "Referral_TrajectoryChanged", cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost the race with the same submission (a double click): the first one stored it.
            db.ChangeTracker.Clear();
            return await SentAlreadyAsync(id, key, cancellationToken) ?? throw new InvalidOperationException("The referral could not be stored.");
        }

        return Redirect($"/Trajectories/{id}/Referrals/{key}?sent=true");
    }

    /// <summary>A team lead sets a refused consent aside, with a reason, through the one consent check.</summary>
    public async Task<IActionResult> OnPostOverrideAsync(Guid id, Guid serviceId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken) || !await ChooseAsync(serviceId, cancellationToken))
        {
            return NotFound();
        }

        if (Closed || NotLinked || Decision is { Allowed: true })
        {
            return Redirect($"/Trajectories/{id}/Referrals/New?serviceId={serviceId}");
        }

        var result = await consent.OverrideAsync(User, Client.Id, ConsentPurpose.Referral, Recipient!.OrganisationId, Reason ?? string.Empty, cancellationToken);
        if (!result.Allowed)
        {
            ModelState.AddModelError(nameof(Reason), t[result.ReasonKey]);
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/Trajectories/{id}/Referrals/New?serviceId={serviceId}");
    }

    private string? Refusal() =>
        Closed ? t["Referral_TrajectoryClosed"].Value
        : NotLinked ? t["Referral_NotLinked"].Value
        : Decision is { Allowed: false } d ? t[d.ReasonKey].Value
        : null;

    /// <summary>The referral this form already stored (a replayed or double submit): open it instead of storing another.</summary>
    private async Task<IActionResult?> SentAlreadyAsync(Guid id, Guid key, CancellationToken cancellationToken)
    {
        var trajectory = await db.Set<Referral>().Where(r => r.Id == key).Select(r => (Guid?)r.TrajectoryId).FirstOrDefaultAsync(cancellationToken);
        return trajectory is null ? null : trajectory == id ? Redirect($"/Trajectories/{id}/Referrals/{key}") : NotFound();
    }

    private async Task<IActionResult> AgainAsync(Guid id, Guid serviceId, string error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await FindAsync(id, cancellationToken) || !await ChooseAsync(serviceId, cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, t[error]);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return false;
        }

        (Trajectory, Client) = found;
        Offered = ReferralDefaults.Offered(Client.Level);
        return true;
    }

    private async Task SearchAsync(string? q, string? topic, int page, CancellationToken cancellationToken)
    {
        Topics = await db.Set<TaxonomyTerm>().AsNoTracking().Where(term => term.Kind == TaxonomyKind.Topic).OrderBy(term => term.Name).ToListAsync(cancellationToken);
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];
        Topic = Topics.Any(term => term.Code == topic) ? topic : null;
        (var services, ServicePages) = await records.Recipients(Query, Topic).ToPageAsync(page, cancellationToken, ServicesPerPage);
        Services = services;
    }

    /// <summary>The chosen service and, for a linked organisation, the consent check towards it (the check is logged).</summary>
    private async Task<bool> ChooseAsync(Guid serviceId, CancellationToken cancellationToken)
    {
        Recipient = await records.FindRecipientAsync(serviceId, cancellationToken);
        if (Recipient is null)
        {
            return false;
        }

        if (Recipient.OrganisationId is { } organisationId && !Closed)
        {
            Decision = await consent.CheckAsync(Client.Id, ConsentPurpose.Referral, organisationId, cancellationToken);
            processingLog.Record(ProcessingActivities.Referral, Decision.Allowed ? "ReferralConsentChecked" : "ReferralConsentRefused", Client.Id);
        }

        return true;
    }
}
