using System.Security.Claims;
using Baken.Features.Admin;
using Baken.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Account;

/// <summary>Confirms password and second factor again before a sensitive action (see <c>RequireRecentAuthentication</c>).</summary>
public sealed class ReauthenticateModel(
    UserManager<StaffUser> userManager,
    SignInManager<StaffUser> signInManager,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public sealed class Command
    {
        public string Password { get; set; } = string.Empty;

        public string Code { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(c => c.Password).NotEmpty().WithMessage(t["Login_PasswordRequired"]).MaximumLength(512);
            RuleFor(c => c.Code).MustBeTotpCode(t);
        }
    }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.AddValidationResult(new Validator(t).Validate(Input)))
        {
            return Page();
        }

        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        var password = await signInManager.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        var codeValid = password.Succeeded && await userManager.VerifyTwoFactorTokenAsync(
            user, userManager.Options.Tokens.AuthenticatorTokenProvider, TotpCode.Normalise(Input.Code));
        if (!codeValid)
        {
            if (password.Succeeded)
            {
                await userManager.AccessFailedAsync(user);
            }

            ModelState.AddModelError(string.Empty, t["Reauth_Failed"]);
            return Page();
        }

        // A fresh sign-in stamps a new authentication time.
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return LocalRedirect(Url.LocalOrHome(returnUrl));
    }
}
