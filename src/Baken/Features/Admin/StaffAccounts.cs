using Microsoft.AspNetCore.Identity;

namespace Baken.Features.Admin;

/// <summary>Creates staff accounts the same way for first-run setup, demo seeding and the admin pages.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> userManager, IUserStore<StaffUser> userStore)
{
    public async Task<IdentityResult> CreateAsync(StaffUser user, string password, IEnumerable<string> roles)
    {
        user.UserName ??= user.Email;
        var result = await userManager.CreateAsync(user, password);
        return result.Succeeded ? await userManager.AddToRolesAsync(user, roles) : result;
    }

    /// <summary>Sets a known authenticator secret and switches two factors on (demo accounts only).</summary>
    public async Task SetKnownAuthenticatorKeyAsync(StaffUser user, string base32Secret, CancellationToken cancellationToken)
    {
        var keyStore = (IUserAuthenticatorKeyStore<StaffUser>)userStore;
        await keyStore.SetAuthenticatorKeyAsync(user, base32Secret, cancellationToken);
        user.TwoFactorEnabled = true;
        await userManager.UpdateAsync(user);
    }
}
