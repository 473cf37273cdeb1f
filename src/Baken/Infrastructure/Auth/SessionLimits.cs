using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Baken.Infrastructure.Auth;

/// <summary>Enforces the absolute session limit, then Identity's security-stamp check (deactivation, second-factor reset).</summary>
internal static class SessionLimits
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var authenticatedAt = context.Principal?.AuthenticatedAt();
        if (authenticatedAt is null || time.GetUtcNow() - authenticatedAt.Value > AuthRegistration.AbsoluteTimeout)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
