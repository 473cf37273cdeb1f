using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Admin.Users;

/// <summary>
/// Clears a user's authenticator and recovery codes, for example after a lost phone. The user's sessions end
/// and at the next sign-in they enrol a new second factor.
/// </summary>
[RequireRecentAuthentication]
public sealed class ResetSecondFactorModel(UserManager<StaffUser> userManager, BakenDbContext db, AuditLog audit) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var user = await userManager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        DisplayName = user.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var user = await userManager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        foreach (var passkey in await userManager.GetPasskeysAsync(user))
        {
            await userManager.RemovePasskeyAsync(user, passkey.CredentialId);
        }

        await userManager.UpdateSecurityStampAsync(user);
        audit.Record("SecondFactorReset", nameof(StaffUser), user.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage("Edit", new { id, saved = true });
    }
}
