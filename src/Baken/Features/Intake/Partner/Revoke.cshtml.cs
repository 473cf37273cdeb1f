using Baken.Features.Admin;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Intake.Partner;

/// <summary>Revoking a partner token, for good, after a confirmation (a page of its own, so it works without JavaScript).</summary>
[Authorize(Roles = Roles.Verwijzer)]
public sealed class RevokeModel(BakenDbContext db, PartnerTokens tokens) : PageModel
{
    public PartnerToken Token { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        tokens.Revoke(Token);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Intake/Partner/Tokens", new { revoked = true });
    }

    /// <summary>Only the user's own token that still works; anything else does not exist here.</summary>
    private async Task<bool> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var token = await tokens.Own(User.UserId()!.Value).FirstOrDefaultAsync(x => x.Id == id && x.RevokedAtUtc == null, cancellationToken);
        Token = token!;
        return token is not null;
    }
}
