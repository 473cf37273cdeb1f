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
public sealed class LoginModel(
    SignInManager<StaffUser> signInManager,
    UserManager<StaffUser> userManager,
    IPasswordHasher<StaffUser> passwordHasher,
    IStringLocalizer<SharedResource> t) : PageModel
{
    // A fixed hash to verify against when the e-mail address is unknown, so both answers take about as long.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<StaffUser>().HashPassword(null!, Guid.NewGuid().ToString()));

    [BindProperty]
    public Command Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public bool SetupCompleted { get; private set; }

    public sealed class Command
    {
        public string Email { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage(t["Login_EmailRequired"]).MaximumLength(256);
            RuleFor(c => c.Password).NotEmpty().WithMessage(t["Login_PasswordRequired"]).MaximumLength(512);
        }
    }

    public IActionResult OnGet(string? returnUrl, bool setup = false)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect("/");
        }

        ReturnUrl = returnUrl;
        SetupCompleted = setup;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.AddValidationResult(new Validator(t).Validate(Input)))
        {
            return Page();
        }

        var user = await userManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            passwordHasher.VerifyHashedPassword(null!, DummyHash.Value, Input.Password);
            return Failed();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl });
        }

        if (result.Succeeded)
        {
            // No second factor yet: the enrolment middleware takes over from here.
            return LocalRedirect(Url.LocalOrHome(returnUrl));
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity answered before checking the password; spend the same time as a real check.
            passwordHasher.VerifyHashedPassword(null!, DummyHash.Value, Input.Password);
        }

        return Failed();
    }

    /// <summary>Passkey sign-in, step 1: options for <c>navigator.credentials.get()</c> (any passkey of this site).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signInManager.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>Passkey sign-in, step 2: a passkey proves possession and user verification, so it counts as both factors.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credentialJson, string? returnUrl)
    {
        ReturnUrl = returnUrl;
        ModelState.Clear();
        if (!string.IsNullOrWhiteSpace(credentialJson) && credentialJson.Length <= 64 * 1024)
        {
            try
            {
                var result = await signInManager.PasskeySignInAsync(credentialJson);
                if (result.Succeeded)
                {
                    return LocalRedirect(Url.LocalOrHome(returnUrl));
                }
            }
            catch (InvalidOperationException)
            {
                // No ceremony in progress for this browser (the options step was skipped or expired).
            }
        }

        ModelState.AddModelError(string.Empty, t["Passkeys_SignInFailed"]);
        return Page();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError(string.Empty, t["Login_Failed"]);
        return Page();
    }
}
