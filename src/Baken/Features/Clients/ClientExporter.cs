using Baken.Features.Agenda;
using Baken.Features.Journal;
using Baken.Features.Plan;
using Baken.Features.Referrals;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Clients;

/// <summary>
/// Builds a <see cref="ClientExport"/>: every table that holds something about the client is read with one query
/// (never one per trajectory or row) and grouped in memory. Values are decrypted with <see cref="ClientCrypto"/>,
/// bound to the same table, column and row as the owning feature wrote them; the trajectory intake goes through
/// <see cref="TrajectoryRecords.ReadIntakeAsync"/> and the journal's need-to-know through
/// <see cref="JournalRecords.Readable"/>, so those rules stay in one place.
/// The owning features' list readers are not used: they read one trajectory at a time and each writes its own
/// processing-log entry (JournalRead, ReferralsListed, ...). The export is one processing of the client's data,
/// recorded once, as "ClientExported" (written with the identity by <see cref="ClientRecords.ReadAsync"/>).
/// </summary>
public sealed partial class ClientExporter(
    BakenDbContext db, ClientRecords records, ClientCrypto crypto, TrajectoryRecords trajectories, JournalRecords journal)
{
    public const string Action = "ClientExported";

    /// <summary>Everything about the client; <paramref name="userId"/> is who exports (for the journal's need-to-know).</summary>
    public async Task<ClientExport> ExportAsync(Guid clientId, Guid userId, CancellationToken cancellationToken)
    {
        var client = await db.Set<Client>().AsNoTracking().SingleAsync(c => c.Id == clientId, cancellationToken);
        var identity = await records.ReadAsync(client, Action, cancellationToken);
        var memberships = await db.Set<ClientTeamMember>().AsNoTracking().Where(m => m.ClientId == clientId).OrderBy(m => m.FromUtc).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var staff = await StaffAsync(clientId, memberships, cancellationToken);
        return new ClientExport
        {
            Code = client.Code,
            Level = client.Level,
            RegisteredAtUtc = client.CreatedAtUtc,
            Identity = identity,
            Consents = await ConsentsAsync(clientId, cancellationToken),
            SharedWithoutConsent = await OverridesAsync(clientId, staff, cancellationToken),
            TeamOrganisations = [.. memberships.Where(m => m.ToUtc == null).Select(m => staff.Organisation(m.UserId)).OfType<string>().Distinct()],
            Team = [.. memberships.Select(m => new ClientExport.TeamLine(m.Role, staff.Organisation(m.UserId), m.FromUtc, m.ToUtc, m.TrajectoryId))],
            Trajectories = await TrajectoriesAsync(clientId, userId, staff, cancellationToken),
            EmergencyAccess = await BreakGlassAsync(clientId, staff, cancellationToken),
            Signals = await SignalsAsync(clientId, cancellationToken),
            IntakeRequests = await IntakeRequestsAsync(clientId, cancellationToken),
            Conversations = await ConversationsAsync(clientId, cancellationToken),
            OutreachContacts = await OutreachContactsAsync(clientId, cancellationToken),
            Processing = await ProcessingAsync(clientId, cancellationToken),
        };
    }

    private async Task<List<ClientExport.ConsentLine>> ConsentsAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var consents = new List<ClientExport.ConsentLine>();
        foreach (var c in await db.Set<Consent>().AsNoTracking().Where(c => c.ClientId == clientId).OrderBy(c => c.GivenAtUtc)
            .Select(c => new { c.Id, c.Purpose, Recipient = db.Organisations.Where(o => o.Id == c.RecipientOrganisationId).Select(o => o.Name).FirstOrDefault(), c.LegalBasis, c.GivenAtUtc, c.WithdrawnAtUtc, c.Note })
            .ToListAsync(cancellationToken))
        {
            var note = await crypto.DecryptAsync(clientId, Consent.Table, nameof(Consent.Note), c.Id, c.Note, cancellationToken);
            consents.Add(new ClientExport.ConsentLine(c.Purpose, c.Recipient, c.LegalBasis, c.GivenAtUtc, c.WithdrawnAtUtc, note));
        }

        return consents;
    }

    private Task<List<ClientExport.ProcessingLine>> ProcessingAsync(Guid clientId, CancellationToken cancellationToken) =>
        db.ProcessingLog.AsNoTracking().Where(e => e.SubjectId == clientId).OrderBy(e => e.Sequence)
            .Join(db.Set<ProcessingActivity>(), e => e.ProcessingActivityId, a => a.Id, (e, a) => new ClientExport.ProcessingLine(
                e.EndedAtUtc, e.Action, a.Name,
                db.Organisations.Where(o => o.Id == e.Actor.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                e.Actor.Roles, e.Status))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The organisation and roles of every staff member who appears anywhere in the export, in one query: their
    /// ids come from a union over the tables that name them, as a subquery.
    /// </summary>
    private async Task<StaffDirectory> StaffAsync(Guid clientId, List<ClientTeamMember> memberships, CancellationToken cancellationToken)
    {
        var ids = db.Set<ClientTeamMember>().Where(m => m.ClientId == clientId).Select(m => m.UserId)
            .Union(db.Set<TrajectoryTransition>().Where(t => t.ClientId == clientId).Select(t => t.ByUserId))
            .Union(db.Set<JournalEntry>().Where(e => e.ClientId == clientId).Select(e => e.AuthorUserId))
            .Union(db.Set<Assessment>().Where(a => a.ClientId == clientId).Select(a => a.ByUserId))
            .Union(db.Set<Referral>().Where(r => r.ClientId == clientId).Select(r => r.ByUserId))
            .Union(db.Set<Appointment>().Where(a => a.ClientId == clientId).Select(a => a.WithUserId))
            .Union(db.Set<FollowUpTask>().Where(t => t.ClientId == clientId).Select(t => t.OwnerUserId))
            .Union(db.Set<BreakGlassAccess>().Where(b => b.ClientId == clientId).Select(b => b.UserId))
            .Union(db.Set<ConsentOverride>().Where(o => o.ClientId == clientId).Select(o => o.ByUserId));
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                Organisation = u.Organisation!.Name,
                Roles = (from userRole in db.Set<IdentityUserRole<Guid>>()
                         join role in db.Roles on userRole.RoleId equals role.Id
                         where userRole.UserId == u.Id
                         select role.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new StaffDirectory(
            users.ToDictionary(u => u.Id, u => u.Organisation),
            users.ToDictionary(u => u.Id, u => u.Roles.Count == 0 ? null : string.Join(',', u.Roles.OfType<string>().Order(StringComparer.Ordinal))),
            memberships);
    }

    /// <summary>Staff as the client sees them: organisation and role, never a name.</summary>
    private sealed class StaffDirectory(Dictionary<Guid, string> organisations, Dictionary<Guid, string?> roles, List<ClientTeamMember> memberships)
    {
        public string? Organisation(Guid userId) => organisations.GetValueOrDefault(userId);

        /// <summary>The role on the trajectory's team when they had one there, else the roles of their account.</summary>
        public ClientExport.StaffLine Line(Guid userId, Guid? trajectoryId = null)
        {
            var teamRole = trajectoryId is null
                ? null
                : memberships.LastOrDefault(m => m.UserId == userId && m.TrajectoryId == trajectoryId && m.Role is not null)?.Role;
            return new ClientExport.StaffLine(Organisation(userId), teamRole?.ToString() ?? roles.GetValueOrDefault(userId));
        }
    }
}
