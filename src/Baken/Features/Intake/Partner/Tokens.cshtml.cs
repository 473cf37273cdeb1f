using Baken.Features.Admin;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Intake.Partner;

/// <summary>
/// A Verwijzer's tokens for the partner API: make one (shown once, on the response to the post, never in a URL),
/// see their own with when they were last used, and revoke one (after a confirmation page). A token is a lasting
/// credential, so the page asks for a recent sign-in.
/// </summary>
[Authorize(Roles = Roles.Verwijzer)]
[RequireRecentAuthentication]
public sealed class TokensModel(BakenDbContext db, PartnerTokens tokens, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxActive = 20;

    public sealed record Row(Guid Id, string Name, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc);

    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The token just made, in the clear; shown once.</summary>
    public string? NewToken { get; private set; }

    public bool Revoked { get; private set; }

    public async Task OnGetAsync(bool revoked, CancellationToken cancellationToken)
    {
        Revoked = revoked;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError(nameof(Name), t["PartnerTokens_NameRequired"]);
        }
        else if (name.Length > 100 || name.Any(char.IsControl))
        {
            ModelState.AddModelError(nameof(Name), t["Field_TooLong", 100]);
        }
        else if (await tokens.Own(userId).CountAsync(x => x.RevokedAtUtc == null, cancellationToken) >= MaxActive)
        {
            ModelState.AddModelError(nameof(Name), t["PartnerTokens_TooMany", MaxActive]);
        }

        if (ModelState.IsValid)
        {
            NewToken = tokens.Create(userId, User.OrganisationId()!.Value, name!);
            await db.SaveChangesAsync(cancellationToken);
            Name = null;
            ModelState.Clear();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rows = await tokens.Own(User.UserId()!.Value).AsNoTracking()
            .OrderBy(x => x.RevokedAtUtc != null).ThenByDescending(x => x.CreatedAtUtc)
            .Select(x => new Row(x.Id, x.Name, x.CreatedAtUtc, x.LastUsedAtUtc, x.RevokedAtUtc))
            .ToListAsync(cancellationToken);
}
