using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Journal;

/// <summary>
/// The journal of a trajectory. Decides who reads which entry (everyone on the team, or only the author and the
/// case manager), encrypts the text, keeps earlier versions on every edit, and logs reads and changes.
/// </summary>
public sealed class JournalRecords(
    BakenDbContext db,
    ClientCrypto crypto,
    ClientRecords clients,
    TrajectoryRecords trajectories,
    ProcessingLogWriter processingLog,
    TimeProvider timeProvider)
{
    public sealed record EntryView(
        Guid Id, ContactKind Kind, DateTime OccurredAtUtc, string Author, Guid AuthorUserId, JournalVisibility Visibility, string Text, int Version, DateTime? EditedAtUtc);

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>Whether this user is the trajectory's current case manager (who reads every entry).</summary>
    public Task<bool> IsCaseManagerAsync(Guid trajectoryId, Guid userId, CancellationToken cancellationToken) =>
        CaseManagership(trajectoryId, userId).AnyAsync(cancellationToken);

    /// <summary>The entries of a trajectory this user may read (one query: the case-manager test is a subquery).</summary>
    public IQueryable<JournalEntry> Readable(Guid trajectoryId, Guid userId)
    {
        var caseManagership = CaseManagership(trajectoryId, userId);
        return db.Set<JournalEntry>().Where(e => e.TrajectoryId == trajectoryId
            && (e.Visibility == JournalVisibility.Team || e.AuthorUserId == userId || caseManagership.Any()));
    }

    private IQueryable<ClientTeamMember> CaseManagership(Guid trajectoryId, Guid userId) =>
        trajectories.CurrentTeam(trajectoryId).Where(m => m.UserId == userId && m.Role == TeamRole.Casemanager);

    /// <summary>One page of readable entries, newest first, decrypted; one processing-log entry for the read.</summary>
    public async Task<List<EntryView>> ReadAsync(IQueryable<JournalEntry> entries, Guid clientId, CancellationToken cancellationToken)
    {
        var rows = await entries.AsNoTracking()
            .Join(db.Users, e => e.AuthorUserId, u => u.Id, (e, u) => new { Entry = e, u.DisplayName })
            .ToListAsync(cancellationToken);
        var views = new List<EntryView>();
        foreach (var row in rows)
        {
            var e = row.Entry;
            var text = await crypto.DecryptAsync(clientId, JournalEntry.Table, nameof(JournalEntry.Text), e.Id, e.Text, cancellationToken) ?? string.Empty;
            views.Add(new EntryView(e.Id, e.Kind, e.OccurredAtUtc, row.DisplayName, e.AuthorUserId, e.Visibility, text, e.Version, e.EditedAtUtc));
        }

        processingLog.Record(ProcessingActivities.CaseManagement, "JournalRead", clientId);
        return views;
    }

    public async Task<string?> AddAsync(
        Client client, Trajectory trajectory, ContactKind kind, DateTime occurredAtUtc, JournalVisibility visibility, string text, Guid authorUserId,
        CancellationToken cancellationToken)
    {
        if (!trajectory.IsOpen)
        {
            return "Trajectory_ClosedReadOnly";
        }

        var id = Guid.CreateVersion7();
        db.Add(new JournalEntry
        {
            Id = id,
            TrajectoryId = trajectory.Id,
            ClientId = client.Id,
            Kind = kind,
            OccurredAtUtc = occurredAtUtc,
            AuthorUserId = authorUserId,
            Visibility = visibility,
            Text = (await crypto.EncryptAsync(client.Id, JournalEntry.Table, nameof(JournalEntry.Text), id, text.Trim(), cancellationToken))!,
            CreatedAtUtc = Now,
        });
        trajectories.GuardUnchanged(trajectory);
        clients.MarkActive(client);
        processingLog.Record(ProcessingActivities.CaseManagement, "JournalEntryAdded", client.Id);
        return null;
    }

    /// <summary>Edits an entry (its author only); the earlier text is kept as a version of its own.</summary>
    public async Task<string?> EditAsync(
        Client client, Trajectory trajectory, JournalEntry entry, int seenVersion, ContactKind kind, DateTime occurredAtUtc, JournalVisibility visibility,
        string text, Guid userId, CancellationToken cancellationToken)
    {
        if (!trajectory.IsOpen)
        {
            return "Trajectory_ClosedReadOnly";
        }

        if (entry.AuthorUserId != userId)
        {
            return "Journal_OnlyAuthorEdits";
        }

        if (entry.Version != seenVersion)
        {
            return "Journal_ChangedMeanwhile";
        }

        var versionId = Guid.CreateVersion7();
        var previous = await crypto.DecryptAsync(client.Id, JournalEntry.Table, nameof(JournalEntry.Text), entry.Id, entry.Text, cancellationToken) ?? string.Empty;
        db.Add(new JournalEntryVersion
        {
            Id = versionId,
            EntryId = entry.Id,
            ClientId = client.Id,
            Version = entry.Version,
            Kind = entry.Kind,
            OccurredAtUtc = entry.OccurredAtUtc,
            Text = (await crypto.EncryptAsync(client.Id, JournalEntryVersion.Table, nameof(JournalEntryVersion.Text), versionId, previous, cancellationToken))!,
            ReplacedAtUtc = Now,
            ReplacedByUserId = userId,
        });
        entry.Kind = kind;
        entry.OccurredAtUtc = occurredAtUtc;
        entry.Visibility = visibility;
        entry.Text = (await crypto.EncryptAsync(client.Id, JournalEntry.Table, nameof(JournalEntry.Text), entry.Id, text.Trim(), cancellationToken))!;
        entry.Version++;
        entry.EditedAtUtc = Now;
        trajectories.GuardUnchanged(trajectory);
        clients.MarkActive(client);
        processingLog.Record(ProcessingActivities.CaseManagement, "JournalEntryEdited", client.Id);
        return null;
    }

    public sealed record VersionView(int Version, ContactKind Kind, DateTime OccurredAtUtc, string Text, DateTime ReplacedAtUtc, string ReplacedBy);

    public async Task<List<VersionView>> VersionsAsync(Guid clientId, Guid entryId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<JournalEntryVersion>().AsNoTracking()
            .Where(v => v.EntryId == entryId)
            .OrderByDescending(v => v.Version)
            .Join(db.Users, v => v.ReplacedByUserId, u => u.Id, (v, u) => new { v.Id, v.Version, v.Kind, v.OccurredAtUtc, v.Text, v.ReplacedAtUtc, u.DisplayName })
            .ToListAsync(cancellationToken);
        var views = new List<VersionView>();
        foreach (var v in rows)
        {
            views.Add(new VersionView(v.Version, v.Kind, v.OccurredAtUtc,
                await crypto.DecryptAsync(clientId, JournalEntryVersion.Table, nameof(JournalEntryVersion.Text), v.Id, v.Text, cancellationToken) ?? string.Empty,
                v.ReplacedAtUtc, v.DisplayName));
        }

        return views;
    }
}
