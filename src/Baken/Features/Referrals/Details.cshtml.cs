using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Referrals;

/// <summary>
/// One referral: to whom, what was shared (the letter text), and its status history with the recipient's
/// feedback. The status moves on with the date it happened; the post carries the version the user saw, so a
/// colleague's change made meanwhile is not overwritten. Status updates stay possible after the trajectory closed.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class DetailsModel(
    BakenDbContext db,
    TrajectoryAccess access,
    ReferralRecords records,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public Trajectory Trajectory { get; private set; } = null!;

    public string Code { get; private set; } = string.Empty;

    public Referral Referral { get; private set; } = null!;

    public ReferralRecords.Recipient? Recipient { get; private set; }

    public string SentBy { get; private set; } = string.Empty;

    public string Letter { get; private set; } = string.Empty;

    public IReadOnlyList<ReferralRecords.StatusView> History { get; private set; } = [];

    public IReadOnlyList<ReferralStatus> Next { get; private set; } = [];

    public bool Restricted { get; private set; }

    public bool Sent { get; private set; }

    [BindProperty]
    public ReferralStatus? To { get; set; }

    [BindProperty]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Feedback { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid referralId, bool sent = false, CancellationToken cancellationToken = default)
    {
        if (!await LoadAsync(id, referralId, cancellationToken))
        {
            return NotFound();
        }

        Sent = sent;
        Version = Referral.Version;
        On = DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid referralId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (_, client) = found;
        var referral = await db.Set<Referral>().FirstOrDefaultAsync(r => r.Id == referralId && r.TrajectoryId == id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }

        string? refusal = client.RestrictedAtUtc is not null ? "Restrict_NoChanges"
            : referral.Version != Version ? "Referral_ChangedMeanwhile"
            : null;
        if (refusal is null)
        {
            if (To is not { } to || !Enum.IsDefined(to))
            {
                ModelState.AddModelError(nameof(To), t["Referral_ChooseStatus"]);
            }

            if (On is null)
            {
                ModelState.AddModelError(nameof(On), t["Referral_DateRequired"]);
            }

            if ((Feedback?.Length ?? 0) > ReferralRecords.MaxFeedback)
            {
                ModelState.AddModelError(nameof(Feedback), t["Field_TooLong", ReferralRecords.MaxFeedback]);
            }

            if (ModelState.IsValid)
            {
                refusal = await records.ChangeStatusAsync(client, referral, To!.Value, On!.Value, Feedback, User.UserId()!.Value, cancellationToken);
                if (refusal is null)
                {
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        return Redirect($"/Trajectories/{id}/Referrals/{referralId}");
                    }
                    catch (DbUpdateConcurrencyException)
                    {
                        refusal = "Referral_ChangedMeanwhile";
                    }
                }
            }
        }

        if (refusal is not null)
        {
            ModelState.AddModelError(refusal is "Referral_DateInFuture" or "Referral_DateBeforeSent" ? nameof(On) : nameof(To), t[refusal]);
        }

        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, referralId, cancellationToken))
        {
            return NotFound();
        }

        Version = Referral.Version;
        ModelState.Remove(nameof(Version));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid referralId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return false;
        }

        var (trajectory, client) = found;
        var referral = await db.Set<Referral>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == referralId && r.TrajectoryId == id, cancellationToken);
        if (referral is null)
        {
            return false;
        }

        Trajectory = trajectory;
        Code = client.Code;
        Restricted = client.RestrictedAtUtc is not null;
        Referral = referral;
        Recipient = await records.Recipients(includeInactive: true, serviceId: referral.ServiceId).FirstOrDefaultAsync(cancellationToken);
        SentBy = await db.Users.Where(u => u.Id == referral.ByUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "—";
        Letter = await records.ReadLetterAsync(referral, "ReferralViewed", cancellationToken);
        History = await records.HistoryAsync(referral, cancellationToken);
        Next = Restricted ? [] : ReferralStatuses.Next(referral.Status);
        return true;
    }
}
