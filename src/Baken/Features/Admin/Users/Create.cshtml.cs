using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Users;

/// <summary>
/// Creates a staff account with a starting password that the administrator hands over in person; the new user
/// enrols a second factor at first sign-in.
/// </summary>
public sealed class CreateModel(
    BakenDbContext db,
    StaffAccounts accounts,
    AuditLog audit,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public NewUserForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.DisplayName = Input.DisplayName.Trim();
        Input.Email = Input.Email.Trim();
        var valid = ModelState.AddValidationResult(new NewUserForm.Validator(t).Validate(Input));
        if (valid && !await db.Organisations.AnyAsync(o => o.Id == Input.OrganisationId, cancellationToken))
        {
            ModelState.AddModelError("Input.OrganisationId", t["User_OrganisationRequired"]);
            valid = false;
        }

        if (!valid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new StaffUser
        {
            DisplayName = Input.DisplayName,
            Email = Input.Email,
            OrganisationId = Input.OrganisationId!.Value,
            CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
        };
        var result = await accounts.CreateAsync(user, Input.Password, Input.Roles);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            IdentityErrors.AddTo(ModelState, result, t);
            await LoadAsync(cancellationToken);
            return Page();
        }

        audit.Record("UserCreated", nameof(StaffUser), user.Id, $"org={user.OrganisationId};roles={string.Join(',', Input.Roles)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage("Edit", new { id = user.Id, created = true });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Organisations = await OrganisationOptions.ListAsync(db, cancellationToken);
}
