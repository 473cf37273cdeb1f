using System.Globalization;
using System.Security.Claims;
using Baken.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Baken.Infrastructure.Auth;

/// <summary>Adds organisation, display name and second-factor state to the cookie so pages need no extra query.</summary>
public sealed class BakenClaimsPrincipalFactory(
    UserManager<StaffUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(BakenClaims.OrganisationId, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(BakenClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(BakenClaims.SecondFactor, user.TwoFactorEnabled ? "1" : "0"));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? OrganisationId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(BakenClaims.OrganisationId), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(BakenClaims.DisplayName) ?? string.Empty;

    public static bool HasSecondFactor(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(BakenClaims.SecondFactor) == "1";

    public static DateTimeOffset? AuthenticatedAt(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(BakenClaims.AuthTime), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
