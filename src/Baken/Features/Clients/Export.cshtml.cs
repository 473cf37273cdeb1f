using System.Text.Json;
using System.Text.Json.Serialization;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

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
        Export = await exporter.ExportAsync(id, User.UserId()!.Value, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await access.CanOpenAsync(User, id, cancellationToken))
        {
            return NotFound();
        }

        var export = await exporter.ExportAsync(id, User.UserId()!.Value, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", $"{export.Code}.json");
    }

    /// <summary>A staff member as the page shows them: role(s), then organisation; never a name.</summary>
    public static string Staff(IStringLocalizer t, ClientExport.StaffLine staff)
    {
        var parts = RoleNames(t, staff.Role).Append(staff.Organisation).Where(p => !string.IsNullOrEmpty(p));
        var text = string.Join(", ", parts);
        return text.Length == 0 ? "—" : text;
    }

    /// <summary>Comma-separated role codes (as the processing log keeps them) in words.</summary>
    public static string Roles(IStringLocalizer t, string? roles) => roles is null ? "—" : string.Join(", ", RoleNames(t, roles));

    private static IEnumerable<string> RoleNames(IStringLocalizer t, string? roles) =>
        roles?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => TextOr(t, $"Role_{r}", r)) ?? [];

    private static string TextOr(IStringLocalizer t, string key, string fallback) =>
        t[key] is { ResourceNotFound: false } text ? text.Value : fallback;

    public static string Moment(DateTime? utc) => utc is { } value ? Infrastructure.Web.DisplayTime.Format(value) : "—";

    public static string Day(DateOnly? date) => date?.ToString("d", System.Globalization.CultureInfo.CurrentCulture) ?? "—";

    /// <summary>The label that tells a client's trajectories apart on the page: its type and start date.</summary>
    public static string Trajectory(IStringLocalizer t, ClientExport.TrajectoryLine trajectory) =>
        t["Export_TrajectoryLabel", t[$"TrajectoryType_{trajectory.Type}"], Infrastructure.Web.DisplayTime.FormatDate(trajectory.StartedAtUtc)];
}
