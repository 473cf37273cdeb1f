using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Clients;

/// <summary>
/// The client file. Opening it is need-to-know (see <see cref="ClientAccess"/>); a refusal answers 404 and is
/// recorded in the processing log just like a successful read.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class FileModel(
    BakenDbContext db,
    ClientAccess access,
    ClientRecords records,
    ClientCrypto crypto,
    Retention.ClientRetention retention,
    Trajectories.TrajectoryRecords trajectories,
    ProcessingLogWriter processingLog) : PageModel
{
    public sealed record BreakGlassRow(string Name, DateTime StartedAtUtc, DateTime ExpiresAtUtc, string? Reason);

    public IReadOnlyList<BreakGlassRow> BreakGlass { get; private set; } = [];

    public sealed record TeamRow(string Name, string Organisation, DateTime FromUtc);

    public sealed record LogRow(DateTime AtUtc, string Action, string? Organisation, ProcessingStatus Status);

    public Guid Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public IdentityLevel Level { get; private set; }

    public ClientIdentity Identity { get; private set; } = new();

    public IReadOnlyList<TeamRow> Team { get; private set; } = [];

    public IReadOnlyList<Trajectories.TrajectoryRecords.Summary> Trajectories { get; private set; } = [];

    public IReadOnlyList<LogRow> RecentProcessing { get; private set; } = [];

    public bool Created { get; private set; }

    public bool Restricted { get; private set; }

    /// <summary>When the retention period ends and the file is erased (unless kept longer or still in use).</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>A case manager chose to keep the file past its normal retention period.</summary>
    public bool KeptLonger { get; private set; }

    /// <summary>Just kept longer: show a confirmation.</summary>
    public bool Kept { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool created = false, bool kept = false, CancellationToken cancellationToken = default)
    {
        if (!await access.CanOpenAsync(User, id, cancellationToken))
        {
            if (await db.Set<Client>().AnyAsync(c => c.Id == id, cancellationToken))
            {
                processingLog.Record(ProcessingActivities.CaseManagement, "ClientFileViewed", id, ProcessingStatus.Denied);
                await db.SaveChangesAsync(cancellationToken);
            }

            return NotFound();
        }

        var client = await db.Set<Client>().AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        Id = client.Id;
        Code = client.Code;
        Level = client.Level;
        Restricted = client.RestrictedAtUtc is not null;
        Created = created;
        Kept = kept;
        ExpiresAtUtc = retention.ExpiresAtUtc(client.Level, client.LastActivityAtUtc, client.KeepUntilUtc);
        KeptLonger = client.KeepUntilUtc is not null && client.KeepUntilUtc >= ExpiresAtUtc;
        Identity = await records.ReadAsync(client, "ClientFileViewed", cancellationToken);
        Team = await db.Set<ClientTeamMember>().AsNoTracking()
            .Where(m => m.ClientId == id && m.ToUtc == null)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new TeamRow(u.DisplayName, u.Organisation!.Name, m.FromUtc))
            .ToListAsync(cancellationToken);
        Trajectories = await trajectories.ListForClientAsync(id, cancellationToken);
        var glass = await db.Set<BreakGlassAccess>().AsNoTracking()
            .Where(b => b.ClientId == id)
            .OrderByDescending(b => b.StartedAtUtc)
            .Take(20)
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new { b.Id, u.DisplayName, b.StartedAtUtc, b.ExpiresAtUtc, b.Reason })
            .ToListAsync(cancellationToken);
        var rows = new List<BreakGlassRow>();
        foreach (var b in glass)
        {
            rows.Add(new BreakGlassRow(b.DisplayName, b.StartedAtUtc, b.ExpiresAtUtc,
                await crypto.DecryptAsync(id, BreakGlassAccess.Table, nameof(BreakGlassAccess.Reason), b.Id, b.Reason, cancellationToken)));
        }

        BreakGlass = rows;
        RecentProcessing = await db.ProcessingLog.AsNoTracking()
            .Where(e => e.SubjectId == id)
            .OrderByDescending(e => e.Sequence)
            .Take(20)
            .Select(e => new LogRow(
                e.EndedAtUtc,
                e.Action,
                db.Organisations.Where(o => o.Id == e.Actor.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                e.Status))
            .ToListAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}
