using Baken.Features.Admin;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Clients;

/// <summary>
/// The right to erasure (AVG art. 17): the client's data key is shredded and every row about the client is
/// deleted in one transaction. What stays is the processing log, which names only the pseudonymous id.
/// </summary>
[Authorize(Roles = $"{Roles.Casemanager},{Roles.Teamleider}")]
[RequireRecentAuthentication]
public sealed class EraseModel(
    BakenDbContext db,
    ClientAccess access,
    ClientCrypto crypto,
    ProcessingLogWriter processingLog,
    AuditLog audit,
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await crypto.ShredAsync(id, cancellationToken);
        db.Remove(client);
        processingLog.Record(ProcessingActivities.CaseManagement, "ClientErased", id);
        audit.Record("ClientErased", nameof(Client), id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
