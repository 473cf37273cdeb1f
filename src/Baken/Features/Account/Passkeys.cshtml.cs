using Baken.Features.Admin;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Account;

/// <summary>
/// A staff member's passkeys (WebAuthn): add one from this browser or security key, see and remove them.
/// Managing sign-in methods is sensitive, so the page asks for recent authentication.
/// </summary>
[RequireRecentAuthentication]
public sealed class PasskeysModel(
    UserManager<StaffUser> userManager,
    SignInManager<StaffUser> signInManager,
    AuditLog audit,
    BakenDbContext db,
    IStringLocalizer<SharedResource> t,
    ILogger<PasskeysModel> logger) : PageModel
{
    public const int MaxPasskeys = 10;

    public sealed record Row(string Id, string Name, DateTime CreatedAtUtc);

    public IReadOnlyList<Row> Passkeys { get; private set; } = [];

    public bool Added { get; private set; }

    public bool Removed { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool added = false, bool removed = false)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        Added = added;
        Removed = removed;
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Step 1 of adding a passkey: the options for <c>navigator.credentials.create()</c>, as JSON.</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        var options = await signInManager.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = user.Email ?? user.Id.ToString(),
            DisplayName = user.DisplayName,
        });
        return Content(options, "application/json");
    }

    /// <summary>Step 2: the browser's answer, checked and stored.</summary>
    public async Task<IActionResult> OnPostAddAsync(string? credentialJson, string? name)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        var existing = await userManager.GetPasskeysAsync(user);
        if (string.IsNullOrWhiteSpace(credentialJson) || credentialJson.Length > 64 * 1024 || existing.Count >= MaxPasskeys)
        {
            return await FailedAsync(user, existing.Count >= MaxPasskeys ? "Passkeys_TooMany" : "Passkeys_Failed");
        }

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signInManager.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // No ceremony in progress for this browser (the options step was skipped or expired).
            return await FailedAsync(user, "Passkeys_Failed");
        }

        if (!attestation.Succeeded)
        {
            // The reason is technical (origin, challenge, signature): useful to operators, never personal.
            logger.LogWarning("Passkey attestation failed: {Reason}", attestation.Failure?.Message);
            return await FailedAsync(user, "Passkeys_Failed");
        }

        var passkey = attestation.Passkey;
        passkey.Name = string.IsNullOrWhiteSpace(name) ? t["Passkeys_DefaultName", existing.Count + 1] : name.Trim()[..Math.Min(name.Trim().Length, 100)];
        var result = await userManager.AddOrUpdatePasskeyAsync(user, passkey);
        if (!result.Succeeded)
        {
            return await FailedAsync(user, "Passkeys_Failed");
        }

        audit.Record("PasskeyAdded", nameof(StaffUser), user.Id);
        await db.SaveChangesAsync();
        return RedirectToPage(new { added = true });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null || string.IsNullOrEmpty(id))
        {
            return NotFound();
        }

        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return NotFound();
        }

        if (await userManager.GetPasskeyAsync(user, credentialId) is null)
        {
            return NotFound();
        }

        await userManager.RemovePasskeyAsync(user, credentialId);
        audit.Record("PasskeyRemoved", nameof(StaffUser), user.Id);
        await db.SaveChangesAsync();
        return RedirectToPage(new { removed = true });
    }

    private async Task<PageResult> FailedAsync(StaffUser user, string messageKey)
    {
        ModelState.AddModelError(string.Empty, t[messageKey]);
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(StaffUser user) =>
        Passkeys = [.. (await userManager.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new Row(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? string.Empty, p.CreatedAt.UtcDateTime))];
}
