using Baken.Features.Admin;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Clients;

/// <summary>
/// "May I share this?": asks <see cref="ConsentCheck"/> for a purpose and recipient before a colleague phones or
/// mails a partner, shows why not when refused, and lets a team lead override with a reason. Lists earlier
/// overrides, so the case manager sees every time the client's consent was set aside.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class SharingModel(
    BakenDbContext db,
    ClientAccess access,
    ConsentCheck check,
    ClientCrypto crypto,
    ProcessingLogWriter processingLog,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record OverrideRow(DateTime AtUtc, ConsentPurpose Purpose, string? Recipient, string By, string Reason);

    [BindProperty]
    public ConsentPurpose? Purpose { get; set; }

    [BindProperty]
    public Guid? RecipientOrganisationId { get; set; }

    /// <summary>Only posted with an override; nullable so a plain check is not refused for leaving it out.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public Guid ClientId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public ConsentDecision? Decision { get; private set; }

    /// <summary>The refused check may be overridden here: by a team lead, and never for a restricted file.</summary>
    public bool CanOverride => Decision is { Allowed: false } d && d.ReasonKey != "Consent_RefusedRestricted" && User.IsInRole(Roles.Teamleider);

    public IReadOnlyList<OverrideRow> Overrides { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        processingLog.Record(ProcessingActivities.CaseManagement, "SharingOverridesViewed", id);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Validate())
        {
            Decision = await check.CheckAsync(id, Purpose!.Value, RecipientOrganisationId, cancellationToken);
        }

        return await ShowAsync(id, cancellationToken);
    }

    /// <summary>The page shown again after a post: it lists the overrides, so the read is logged.</summary>
    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        processingLog.Record(ProcessingActivities.CaseManagement, "SharingChecked", id);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOverrideAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Validate())
        {
            return await ShowAsync(id, cancellationToken);
        }

        Decision = await check.CheckAsync(id, Purpose!.Value, RecipientOrganisationId, cancellationToken);
        if (Decision.Allowed)
        {
            return await ShowAsync(id, cancellationToken);
        }

        var result = await check.OverrideAsync(User, id, Purpose.Value, RecipientOrganisationId, Reason ?? string.Empty, cancellationToken);
        if (!result.Allowed)
        {
            ModelState.AddModelError(nameof(Reason), t[result.ReasonKey]);
            return await ShowAsync(id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { id });
    }

    private bool Validate()
    {
        if (Purpose is null || !Enum.IsDefined(Purpose.Value))
        {
            ModelState.AddModelError(nameof(Purpose), t["Consent_PurposeRequired"]);
        }
        else if (Purpose is ConsentPurpose.Referral or ConsentPurpose.EmployerSharing && RecipientOrganisationId is null)
        {
            ModelState.AddModelError(nameof(RecipientOrganisationId), t["Consent_RecipientRequired"]);
        }

        if (RecipientOrganisationId is { } recipient && !Organisations.Any(o => Guid.TryParse(o.Value, out var listed) && listed == recipient))
        {
            ModelState.AddModelError(nameof(RecipientOrganisationId), t["Consent_RecipientRequired"]);
        }

        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindOpenableAsync(User, id, cancellationToken) is not { } client)
        {
            return false;
        }

        ClientId = id;
        Code = client.Code;
        Organisations = await Admin.OrganisationOptions.ListAsync(db, cancellationToken);
        var rows = await db.Set<ConsentOverride>().AsNoTracking()
            .Where(o => o.ClientId == id)
            .OrderByDescending(o => o.AtUtc)
            .Select(o => new
            {
                o.Id,
                o.AtUtc,
                o.Purpose,
                Recipient = db.Organisations.Where(r => r.Id == o.RecipientOrganisationId).Select(r => r.Name).FirstOrDefault(),
                By = db.Users.Where(u => u.Id == o.ByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                o.Reason,
            })
            .ToListAsync(cancellationToken);
        var overrides = new List<OverrideRow>();
        foreach (var row in rows)
        {
            var reason = await crypto.DecryptAsync(id, ConsentOverride.Table, nameof(ConsentOverride.Reason), row.Id, row.Reason, cancellationToken);
            overrides.Add(new OverrideRow(row.AtUtc, row.Purpose, row.Recipient, row.By ?? "—", reason ?? string.Empty));
        }

        Overrides = overrides;
        return true;
    }
}
