using Baken.Features.Admin;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Setup;

/// <summary>First run: creates the first organisation and administrator, once, with the token printed at start.</summary>
[AllowAnonymous]
public sealed class IndexModel(
    FirstRunService firstRun,
    StaffAccounts accounts,
    BakenDbContext db,
    AuditLog audit,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new();

    public sealed class Command
    {
        public string OrganisationName { get; set; } = string.Empty;

        public OrganisationKind OrganisationKind { get; set; } = OrganisationKind.CareProvider;

        public string DisplayName { get; set; } = string.Empty;

        public string Email { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(c => c.OrganisationName).NotEmpty().WithMessage(t["Organisation_NameRequired"]).MaximumLength(200);
            RuleFor(c => c.OrganisationKind).IsInEnum().WithMessage(t["Organisation_KindRequired"]);
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage(t["User_NameRequired"]).MaximumLength(200);
            RuleFor(c => c.Email).NotEmpty().WithMessage(t["User_EmailRequired"]).EmailAddress().WithMessage(t["User_EmailInvalid"]).MaximumLength(256);
            RuleFor(c => c.Password).MinimumLength(12).WithMessage(t["User_PasswordLength"]).MaximumLength(512);
        }
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await firstRun.IsValidAsync(token, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await firstRun.IsValidAsync(token, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.AddValidationResult(new Validator(t).Validate(Input)))
        {
            return Page();
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organisation = new Organisation { Name = Input.OrganisationName.Trim(), Kind = Input.OrganisationKind, CreatedAtUtc = now };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        var admin = new StaffUser
        {
            DisplayName = Input.DisplayName.Trim(),
            Email = Input.Email.Trim(),
            OrganisationId = organisation.Id,
            CreatedAtUtc = now,
        };
        var result = await accounts.CreateAsync(admin, Input.Password, [Roles.Beheerder]);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            IdentityErrors.AddTo(ModelState, result, t);
            return Page();
        }

        await firstRun.ConsumeAllAsync(cancellationToken);
        audit.RecordAs(admin.Id, organisation.Id, "FirstRunCompleted", "Organisation", organisation.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage("/Account/Login", new { setup = true });
    }
}
