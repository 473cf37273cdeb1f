using System.Globalization;
using System.Security.Claims;
using Baken.Features.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Baken.Infrastructure.Auth;

/// <summary>
/// Identity's sign-in manager with two Baken rules: deactivated staff cannot sign in, and every full sign-in
/// stamps <see cref="BakenClaims.AuthTime"/>, which drives the absolute session limit and re-authentication.
/// </summary>
public sealed class BakenSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation,
    TimeProvider timeProvider)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override Task SignInWithClaimsAsync(
        StaffUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        if (!claims.Exists(c => c.Type == BakenClaims.AuthTime))
        {
            var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
            claims.Add(new Claim(BakenClaims.AuthTime, now.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }

        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    /// <summary>Re-issues the cookie (after enrolment or a profile change) without resetting the time of authentication.</summary>
    public override async Task RefreshSignInAsync(StaffUser user)
    {
        var auth = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var kept = auth.Principal?.Claims
            .Where(c => c.Type is BakenClaims.AuthTime or "amr" or ClaimTypes.AuthenticationMethod)
            .Select(c => new Claim(c.Type, c.Value, c.ValueType))
            .ToList() ?? [];
        await SignInWithClaimsAsync(user, auth.Properties, kept);
    }
}
