using Baken.Features.Admin;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Account;

[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(
    SignInManager<StaffUser> signInManager,
    AuditLog audit,
    Infrastructure.Data.BakenDbContext db,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public sealed class Command
    {
        public string RecoveryCode { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer t) =>
            RuleFor(c => c.RecoveryCode).NotEmpty().WithMessage(t["Recovery_Required"]).MaximumLength(50);
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/Login");
        }

        ReturnUrl = returnUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (!ModelState.AddValidationResult(new Validator(t).Validate(Input)))
        {
            return Page();
        }

        var code = Input.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal);
        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            audit.RecordAs(user.Id, user.OrganisationId, "RecoveryCodeUsed", "StaffUser", user.Id);
            await db.SaveChangesAsync();
            return LocalRedirect(Url.LocalOrHome(returnUrl));
        }

        ModelState.AddModelError("Input.RecoveryCode", t[result.IsLockedOut ? "Login_Failed" : "Recovery_Wrong"]);
        return Page();
    }
}
