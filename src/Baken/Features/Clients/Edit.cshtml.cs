using Baken.Features.Admin;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Clients;

/// <summary>
/// Correction of a client's details and change of identity level (AVG art. 16). Going down a level erases the
/// fields above it, after the user confirmed which ones. Audited by field name, never by value.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
[RequireRecentAuthentication]
public sealed class EditModel(
    BakenDbContext db,
    ClientAccess access,
    ClientRecords records,
    AuditLog audit,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ClientForm Input { get; set; } = new();

    [BindProperty]
    public bool ConfirmErase { get; set; }

    public Guid ClientId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    /// <summary>Set when the chosen level would erase filled-in fields and the user has not confirmed yet.</summary>
    public bool AskToConfirmErase { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } client)
        {
            return NotFound();
        }

        Input = ClientForm.From(client.Level, await records.ReadAsync(client, "ClientCorrectionOpened", cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } client)
        {
            return NotFound();
        }

        if (client.RestrictedAtUtc is not null)
        {
            ModelState.AddModelError(string.Empty, t["Restrict_NoChanges"]);
            return Page();
        }

        if (!ModelState.AddValidationResult(new ClientForm.Validator(t, timeProvider, allowFieldsAboveLevel: true).Validate(Input)))
        {
            return Page();
        }

        if (Input.HasFieldsAbove(Input.Level!.Value) && !ConfirmErase)
        {
            AskToConfirmErase = true;
            return Page();
        }

        var changed = await records.UpdateAsync(client, Input.Level.Value, Input.ToIdentity(), cancellationToken);
        if (changed.Count > 0)
        {
            audit.Record("ClientCorrected", nameof(Client), id, string.Join(',', changed));
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("File", new { id });
    }

    private async Task<Client?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var client = await access.FindOpenableAsync(User, id, cancellationToken);
        ClientId = id;
        Code = client?.Code ?? string.Empty;
        return client;
    }
}
