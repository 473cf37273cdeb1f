using Baken.Features.Admin;
using Baken.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Clients;

/// <summary>
/// The right to erasure (AVG art. 17), through <see cref="ClientErasure"/>, after the user typed the client code.
/// </summary>
[Authorize(Roles = $"{Roles.Casemanager},{Roles.Teamleider}")]
[RequireRecentAuthentication]
public sealed class EraseModel(
    ClientAccess access,
    ClientErasure erasure,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string ConfirmCode { get; set; } = string.Empty;

    public string Code { get; private set; } = string.Empty;

    public Guid ClientId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is not null ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } client)
        {
            return NotFound();
        }

        if (ClientCode.Normalise(ConfirmCode) != Code)
        {
            ModelState.AddModelError(nameof(ConfirmCode), t["Erase_CodeMismatch"]);
            return Page();
        }

        await erasure.EraseAsync(client, ClientErasure.OnRequest, cancellationToken);
        return RedirectToPage("Index", new { erased = Code });
    }

    private async Task<Client?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var client = await access.FindOpenableAsync(User, id, cancellationToken);
        ClientId = id;
        Code = client?.Code ?? string.Empty;
        return client;
    }
}
