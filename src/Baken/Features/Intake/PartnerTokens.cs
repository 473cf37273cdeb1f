using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Baken.Features.Admin;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Intake;

/// <summary>
/// Tokens with which a partner system sends referrals for a Verwijzer: <c>bkn_</c> and 256 random bits in
/// base64url, shown once; only their SHA-256 is stored. A token works while it is not revoked and its user is
/// still an active Verwijzer of the token's organisation.
/// </summary>
public sealed class PartnerTokens(BakenDbContext db, AuditLog audit, TimeProvider timeProvider)
{
    public const string Prefix = "bkn_";

    /// <summary>Who a token speaks for, once checked.</summary>
    public sealed record Holder(Guid TokenId, Guid UserId, Guid OrganisationId);

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Makes a token for the user; returns it in the clear, for showing once. The caller's save stores it.</summary>
    public string Create(Guid userId, Guid organisationId, string name)
    {
        var token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var stored = new PartnerToken
        {
            UserId = userId,
            OrganisationId = organisationId,
            Name = name.Trim(),
            TokenHash = Hash(token),
            CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            CreatedByUserId = userId,
        };
        db.Add(stored);
        audit.Record("PartnerTokenCreated", nameof(PartnerToken), stored.Id);
        return token;
    }

    /// <summary>The user's own tokens (never a colleague's).</summary>
    public IQueryable<PartnerToken> Own(Guid userId) => db.Set<PartnerToken>().Where(t => t.UserId == userId);

    /// <summary>Revokes the token for good; the caller's save stores it.</summary>
    public void Revoke(PartnerToken token)
    {
        token.RevokedAtUtc ??= timeProvider.GetUtcNow().UtcDateTime;
        audit.Record("PartnerTokenRevoked", nameof(PartnerToken), token.Id);
    }

    /// <summary>
    /// The holder of a bearer token, or null when it is malformed, unknown or revoked, or its user is no longer an
    /// active Verwijzer of the token's organisation. Notes when it was last used (at most once a minute).
    /// </summary>
    public async Task<Holder?> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var found = await db.Set<PartnerToken>().AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAtUtc == null)
            .Select(t => new { t.Id, t.UserId, t.OrganisationId, t.LastUsedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var verwijzer = await db.Roles.Where(r => r.Name == Roles.Verwijzer).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var active = await db.Users.AnyAsync(
            u => u.Id == found.UserId && u.IsActive && u.OrganisationId == found.OrganisationId
                && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == verwijzer),
            cancellationToken);
        if (!active)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (found.LastUsedAtUtc is null || found.LastUsedAtUtc < now.AddMinutes(-1))
        {
            await db.Set<PartnerToken>().Where(t => t.Id == found.Id)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAtUtc, now), cancellationToken);
        }

        return new Holder(found.Id, found.UserId, found.OrganisationId);
    }

    /// <summary>
    /// The token's user as the user of this one API request, so the processing log and the audit name who acted.
    /// Nothing is issued: the next request shows the token again.
    /// </summary>
    public static ClaimsPrincipal Principal(Holder holder) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, holder.UserId.ToString()),
                new Claim(BakenClaims.OrganisationId, holder.OrganisationId.ToString()),
                new Claim(ClaimTypes.Role, Roles.Verwijzer),
            ],
            "PartnerToken"));
}
