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
/// override with a reason; the override is written to the processing log and the audit trail, and holds for
/// <see cref="OverrideValidFor"/>. Restriction of processing (AVG art. 18) beats everything, overrides included.
/// </summary>
public sealed class ConsentCheck(BakenDbContext db, ClientCrypto crypto, ProcessingLogWriter processingLog, AuditLog audit, TimeProvider timeProvider)
{
    public static readonly TimeSpan OverrideValidFor = TimeSpan.FromHours(24);

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

        var since = timeProvider.GetUtcNow().UtcDateTime - OverrideValidFor;
        var overridden = await db.Set<ConsentOverride>().AsNoTracking()
            .Where(o => o.ClientId == clientId && o.Purpose == purpose && o.AtUtc > since
                && (o.RecipientOrganisationId == null || o.RecipientOrganisationId == recipientOrganisationId))
            .Select(o => (Guid?)o.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (overridden is not null)
        {
            return new ConsentDecision(true, "Consent_Overridden", overridden);
        }

        var withdrawn = await db.Set<Consent>().AnyAsync(
            c => c.ClientId == clientId && c.Purpose == purpose && c.WithdrawnAtUtc != null, cancellationToken);
        return new ConsentDecision(false, withdrawn ? "Consent_RefusedWithdrawn" : "Consent_RefusedMissing");
    }

    /// <summary>
    /// Allows one sharing without consent, on a team lead's responsibility; recorded (reason encrypted), never
    /// silent. Saved with the caller's unit of work.
    /// </summary>
    public async Task<ConsentDecision> OverrideAsync(
        ClaimsPrincipal teamLead, Guid clientId, ConsentPurpose purpose, Guid? recipientOrganisationId, string reason, CancellationToken cancellationToken)
    {
        if (!teamLead.IsInRole(Roles.Teamleider))
        {
            return new ConsentDecision(false, "Consent_OverrideNeedsTeamLead");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10)
        {
            return new ConsentDecision(false, "Consent_OverrideNeedsReason");
        }

        if (await db.Set<Client>().AnyAsync(c => c.Id == clientId && c.RestrictedAtUtc != null, cancellationToken))
        {
            return new ConsentDecision(false, "Consent_RefusedRestricted");
        }

        var id = Guid.CreateVersion7();
        db.Add(new ConsentOverride
        {
            Id = id,
            ClientId = clientId,
            Purpose = purpose,
            RecipientOrganisationId = recipientOrganisationId,
            ByUserId = teamLead.UserId()!.Value,
            AtUtc = timeProvider.GetUtcNow().UtcDateTime,
            Reason = (await crypto.EncryptAsync(clientId, ConsentOverride.Table, nameof(ConsentOverride.Reason), id, reason.Trim(), cancellationToken))!,
        });
        processingLog.Record(ProcessingActivities.CaseManagement, "ConsentOverridden", clientId);
        audit.Record("ConsentOverridden", nameof(Client), clientId, $"purpose={purpose};recipient={recipientOrganisationId}");
        return new ConsentDecision(true, "Consent_Overridden");
    }
}
