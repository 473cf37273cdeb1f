using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Referrals;

/// <summary>
/// The referral letter for print: letterhead of the referring organisation, date, recipient, exactly the shared
/// text, the worker's role (not their name: the letter leaves the organisation) and on what the sharing rests
/// (the client's consent and its date, or a team lead's override). Opening it is logged and audited: a printed
/// letter is data leaving the building.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class LetterModel(BakenDbContext db, TrajectoryAccess access, ReferralRecords records, AuditLog audit) : PageModel
{
    public Guid TrajectoryId { get; private set; }

    public Referral Referral { get; private set; } = null!;

    public string ReferringOrganisation { get; private set; } = string.Empty;

    public ReferralRecords.Recipient? Recipient { get; private set; }

    public string Text { get; private set; } = string.Empty;

    /// <summary>The role the worker who referred plays on the trajectory's team (else their staff role).</summary>
    public string? TeamRole { get; private set; }

    public string? StaffRole { get; private set; }

    /// <summary>When the client consented, when the sharing rests on consent.</summary>
    public DateTime? ConsentGivenAtUtc { get; private set; }

    /// <summary>When a team lead decided to share without consent, when it rests on an override.</summary>
    public DateTime? OverriddenAtUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid referralId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is null)
        {
            return NotFound();
        }

        var referral = await db.Set<Referral>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == referralId && r.TrajectoryId == id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }

        TrajectoryId = id;
        Referral = referral;
        ReferringOrganisation = await db.Organisations.Where(o => o.Id == referral.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        Recipient = await records.Recipients(includeInactive: true, serviceId: referral.ServiceId).FirstOrDefaultAsync(cancellationToken);
        TeamRole = (await db.Set<ClientTeamMember>()
            .Where(m => m.TrajectoryId == id && m.UserId == referral.ByUserId && m.Role != null && m.FromUtc <= referral.SentAtUtc)
            .OrderByDescending(m => m.FromUtc)
            .Select(m => m.Role)
            .FirstOrDefaultAsync(cancellationToken))?.ToString();
        StaffRole = TeamRole is null
            ? await db.UserRoles.Where(ur => ur.UserId == referral.ByUserId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).OrderBy(n => n).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (referral.ConsentId is { } consentId)
        {
            ConsentGivenAtUtc = await db.Set<Consent>().Where(c => c.Id == consentId).Select(c => (DateTime?)c.GivenAtUtc).FirstOrDefaultAsync(cancellationToken);
            OverriddenAtUtc = ConsentGivenAtUtc is null
                ? await db.Set<ConsentOverride>().Where(o => o.Id == consentId).Select(o => (DateTime?)o.AtUtc).FirstOrDefaultAsync(cancellationToken)
                : null;
        }

        Text = await records.ReadLetterAsync(referral, "ReferralLetterOpened", cancellationToken);
        audit.Record("ReferralLetterOpened", nameof(Referral), referral.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}
