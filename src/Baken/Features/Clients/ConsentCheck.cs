using System.Security.Claims;
using Baken.Features.Admin;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Clients;

public sealed record ConsentDecision(bool Allowed, string ReasonKey, Guid? ConsentId = null);

/// <summary>
/// The reusable check every feature calls before sharing client data: is there a valid (not withdrawn) consent
/// or other legal basis for this purpose towards this organisation? A refusal says why. A team lead may
/// override with a reason; the override is written to the processing log and the audit trail.
/// </summary>
public sealed class ConsentCheck(BakenDbContext db, ClientCrypto crypto, ProcessingLogWriter processingLog, AuditLog audit, TimeProvider timeProvider)
{
    public async Task<ConsentDecision> CheckAsync(Guid clientId, ConsentPurpose purpose, Guid? recipientOrganisationId, CancellationToken cancellationToken)
    {
        if (await db.Set<Client>().AnyAsync(c => c.Id == clientId && c.RestrictedAtUtc != null, cancellationToken))
        {
            return new ConsentDecision(false, "Consent_RefusedRestricted");
        }

        var valid = await db.Set<Consent>().AsNoTracking()
            .Where(c => c.ClientId == clientId && c.Purpose == purpose && c.WithdrawnAtUtc == null
                && (recipientOrganisationId == null || c.RecipientOrganisationId == null || c.RecipientOrganisationId == recipientOrganisationId))
            .OrderByDescending(c => c.GivenAtUtc)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (valid is not null)
        {
            return new ConsentDecision(true, "Consent_Allowed", valid);
        }

        var withdrawn = await db.Set<Consent>().AnyAsync(
            c => c.ClientId == clientId && c.Purpose == purpose && c.WithdrawnAtUtc != null, cancellationToken);
        return new ConsentDecision(false, withdrawn ? "Consent_RefusedWithdrawn" : "Consent_RefusedMissing");
    }

    /// <summary>
    /// Allows one sharing without consent, on a team lead's responsibility; recorded (reason encrypted), never
    /// silent. Saved with the caller's unit of work.
    /// </summary>
    public async Task<ConsentDecision> OverrideAsync(ClaimsPrincipal teamLead, Guid clientId, ConsentPurpose purpose, string reason, CancellationToken cancellationToken)
    {
        if (!teamLead.IsInRole(Roles.Teamleider))
        {
            return new ConsentDecision(false, "Consent_OverrideNeedsTeamLead");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10)
        {
            return new ConsentDecision(false, "Consent_OverrideNeedsReason");
        }

        var id = Guid.CreateVersion7();
        db.Add(new ConsentOverride
        {
            Id = id,
            ClientId = clientId,
            Purpose = purpose,
            ByUserId = teamLead.UserId()!.Value,
            AtUtc = timeProvider.GetUtcNow().UtcDateTime,
            Reason = (await crypto.EncryptAsync(clientId, "ConsentOverrides", nameof(ConsentOverride.Reason), id, reason.Trim(), cancellationToken))!,
        });
        processingLog.Record(ProcessingActivities.CaseManagement, "ConsentOverridden", clientId);
        audit.Record("ConsentOverridden", nameof(Client), clientId, $"purpose={purpose}");
        return new ConsentDecision(true, "Consent_Overridden");
    }
}
