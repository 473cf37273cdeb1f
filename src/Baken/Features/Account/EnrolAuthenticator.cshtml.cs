using System.Text;
using Baken.Features.Admin;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Baken.Features.Account;

/// <summary>Mandatory enrolment of an authenticator app (TOTP) before anything else is reachable.</summary>
[Authorize(Policy = BakenPolicies.Enrolment)]
public sealed class EnrolAuthenticatorModel(
    UserManager<StaffUser> userManager,
    SignInManager<StaffUser> signInManager,
    AuditLog audit,
    BakenDbContext db,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public Command Input { get; set; } = new();

    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public sealed class Command
    {
        public string Code { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer t) => RuleFor(c => c.Code).MustBeTotpCode(t);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (user.TwoFactorEnabled)
        {
            return LocalRedirect("/");
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (user.TwoFactorEnabled)
        {
            return LocalRedirect("/");
        }

        var valid = ModelState.AddValidationResult(new Validator(t).Validate(Input));
        if (valid && !await userManager.VerifyTwoFactorTokenAsync(
                user, userManager.Options.Tokens.AuthenticatorTokenProvider, TotpCode.Normalise(Input.Code)))
        {
            ModelState.AddModelError("Input.Code", t["TwoFactor_CodeWrong"]);
            valid = false;
        }

        if (!valid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        audit.Record("SecondFactorEnrolled", "StaffUser", user.Id, "totp");
        await db.SaveChangesAsync();
        await signInManager.RefreshSignInAsync(user);
        return Page();
    }

    private async Task LoadKeyAsync(StaffUser user)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        SharedKey = FormatKey(key);
        var uri = $"otpauth://totp/Baken:{Uri.EscapeDataString(user.Email ?? user.Id.ToString())}?secret={key}&issuer=Baken&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
