using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Admin.Users;

/// <summary>Deactivates (never deletes) a staff account; its sessions end at the next security-stamp check.</summary>
[RequireRecentAuthentication]
public sealed class DeactivateModel(UserManager<StaffUser> userManager, BakenDbContext db, AuditLog audit) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var user = await userManager.FindByIdAsync(id.ToString());
        if (user is null || !user.IsActive)
        {
            return NotFound();
        }

        DisplayName = user.DisplayName;
        IsSelf = user.Id == User.UserId();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var user = await userManager.FindByIdAsync(id.ToString());
        if (user is null || !user.IsActive)
        {
            return NotFound();
        }

        if (user.Id == User.UserId())
        {
            DisplayName = user.DisplayName;
            IsSelf = true;
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.IsActive = false;
        await userManager.UpdateSecurityStampAsync(user);
        audit.Record("UserDeactivated", nameof(StaffUser), user.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage("Edit", new { id, saved = true });
    }
}
