using Baken.Features.Admin;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Clients;

/// <summary>Restriction of processing (AVG art. 18): freeze the file until lifted; both steps logged and audited.</summary>
[Authorize(Roles = Roles.Casemanager)]
[RequireRecentAuthentication]
public sealed class RestrictModel(BakenDbContext db, ClientAccess access, ProcessingLogWriter processingLog, AuditLog audit, TimeProvider timeProvider) : PageModel
{
    public Guid ClientId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public bool Restricted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } client)
        {
            return NotFound();
        }

        Restricted = client.RestrictedAtUtc is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool restrict, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } client)
        {
            return NotFound();
        }

        if (restrict != (client.RestrictedAtUtc is not null))
        {
            client.RestrictedAtUtc = restrict ? timeProvider.GetUtcNow().UtcDateTime : null;
            var action = restrict ? "ClientRestricted" : "ClientRestrictionLifted";
            processingLog.Record(ProcessingActivities.CaseManagement, action, id);
            audit.Record(action, nameof(Client), id);
            await db.SaveChangesAsync(cancellationToken);
        }

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
