using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Users;

public sealed class EditModel(
    BakenDbContext db,
    UserManager<StaffUser> userManager,
    AuditLog audit,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public UserForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public Guid UserId { get; private set; }

    public bool IsActive { get; private set; }

    public bool HasSecondFactor { get; private set; }

    public bool Created { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool created = false, bool saved = false, CancellationToken cancellationToken = default)
    {
        var user = await userManager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        Input = new UserForm
        {
            DisplayName = user.DisplayName,
            Email = user.Email ?? string.Empty,
            OrganisationId = user.OrganisationId,
            Roles = [.. await userManager.GetRolesAsync(user)],
        };
        Created = created;
        Saved = saved;
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        Input.DisplayName = Input.DisplayName.Trim();
        Input.Email = Input.Email.Trim();
        var valid = ModelState.AddValidationResult(new UserForm.Validator<UserForm>(t).Validate(Input));
        if (valid && !await db.Organisations.AnyAsync(o => o.Id == Input.OrganisationId, cancellationToken))
        {
            ModelState.AddModelError("Input.OrganisationId", t["User_OrganisationRequired"]);
            valid = false;
        }

        if (valid && user.Id == User.UserId() && !Input.Roles.Contains(Roles.Beheerder))
        {
            ModelState.AddModelError("Input.Roles", t["User_CannotDropOwnAdmin"]);
            valid = false;
        }

        if (!valid)
        {
            await LoadAsync(user, cancellationToken);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changes = new List<string>();
        if (user.DisplayName != Input.DisplayName)
        {
            changes.Add("name");
        }

        if (!string.Equals(user.Email, Input.Email, StringComparison.OrdinalIgnoreCase))
        {
            changes.Add("email");
        }

        if (user.OrganisationId != Input.OrganisationId)
        {
            changes.Add($"org={Input.OrganisationId}");
        }

        user.DisplayName = Input.DisplayName;
        user.OrganisationId = Input.OrganisationId!.Value;
        user.Email = Input.Email;
        user.UserName = Input.Email;
        var result = await userManager.UpdateAsync(user);
        var current = await userManager.GetRolesAsync(user);
        var added = Input.Roles.Except(current).ToList();
        var removed = current.Except(Input.Roles).ToList();
        if (result.Succeeded && added.Count > 0)
        {
            result = await userManager.AddToRolesAsync(user, added);
        }

        if (result.Succeeded && removed.Count > 0)
        {
            result = await userManager.RemoveFromRolesAsync(user, removed);
        }

        if (result.Succeeded && (added.Count > 0 || removed.Count > 0 || changes.Exists(c => c.StartsWith("org=", StringComparison.Ordinal))))
        {
            // Sessions pick up the new roles or organisation at their next security-stamp check.
            result = await userManager.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            IdentityErrors.AddTo(ModelState, result, t);
            await LoadAsync(user, cancellationToken);
            return Page();
        }

        changes.AddRange(added.Select(r => "+" + r));
        changes.AddRange(removed.Select(r => "-" + r));
        if (changes.Count > 0)
        {
            audit.Record("UserChanged", nameof(StaffUser), user.Id, string.Join(';', changes));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage("Edit", new { id, saved = true });
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        if (!user.IsActive)
        {
            user.IsActive = true;
            audit.Record("UserReactivated", nameof(StaffUser), id);
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage("Edit", new { id, saved = true });
    }

    private async Task LoadAsync(StaffUser user, CancellationToken cancellationToken)
    {
        UserId = user.Id;
        IsActive = user.IsActive;
        HasSecondFactor = user.TwoFactorEnabled;
        Organisations = await OrganisationOptions.ListAsync(db, cancellationToken);
    }
}
