using System.Text.Json;
using System.Text.Json.Serialization;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Clients;

/// <summary>Right of access: a printable page and a machine-readable JSON file with everything held about the client.</summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
[RequireRecentAuthentication]
public sealed class ExportModel(BakenDbContext db, ClientAccess access, ClientExporter exporter) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public Guid ClientId { get; private set; }

    public ClientExport Export { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await access.CanOpenAsync(User, id, cancellationToken))
        {
            return NotFound();
        }

        ClientId = id;
        Export = await exporter.ExportAsync(id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await access.CanOpenAsync(User, id, cancellationToken))
        {
            return NotFound();
        }

        var export = await exporter.ExportAsync(id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", $"{export.Code}.json");
    }
}
