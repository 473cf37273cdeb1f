using Baken.Features.Admin;
using Baken.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Account;

[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<StaffUser> signInManager, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public sealed class Command
    {
        public string Code { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer t) =>
            RuleFor(c => c.Code).MustBeTotpCode(t);
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
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (!ModelState.AddValidationResult(new Validator(t).Validate(Input)))
        {
            return Page();
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(TotpCode.Normalise(Input.Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.LocalOrHome(returnUrl));
        }

        ModelState.AddModelError("Input.Code", t[result.IsLockedOut ? "Login_Failed" : "TwoFactor_CodeWrong"]);
        return Page();
    }
}
