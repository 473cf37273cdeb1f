using Baken.Features.Contact;
using Baken.Features.Intake;
using Baken.Features.Outreach;
using Baken.Features.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Clients;

/// <summary>
/// What else points at the client: sharing without consent, emergency access, and records with a key of their
/// own that were linked to the client (signals, intake requests, anonymous conversations, outreach contacts).
/// </summary>
public sealed partial class ClientExporter
{
    private async Task<List<ClientExport.OverrideLine>> OverridesAsync(Guid clientId, StaffDirectory staff, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ConsentOverride>().AsNoTracking().Where(o => o.ClientId == clientId).OrderBy(o => o.AtUtc)
            .Select(o => new
            {
                o.Id,
                o.Purpose,
                Recipient = db.Organisations.Where(r => r.Id == o.RecipientOrganisationId).Select(r => r.Name).FirstOrDefault(),
                o.AtUtc,
                o.ByUserId,
                o.Reason,
            })
            .ToListAsync(cancellationToken);
        var lines = new List<ClientExport.OverrideLine>(rows.Count);
        foreach (var o in rows)
        {
            var reason = await crypto.DecryptAsync(clientId, ConsentOverride.Table, nameof(ConsentOverride.Reason), o.Id, o.Reason, cancellationToken);
            lines.Add(new ClientExport.OverrideLine(o.Purpose, o.Recipient, o.AtUtc, staff.Line(o.ByUserId), reason));
        }

        return lines;
    }

    private async Task<List<ClientExport.BreakGlassLine>> BreakGlassAsync(Guid clientId, StaffDirectory staff, CancellationToken cancellationToken)
    {
        var rows = await db.Set<BreakGlassAccess>().AsNoTracking().Where(b => b.ClientId == clientId).OrderBy(b => b.StartedAtUtc)
            .Select(b => new { b.Id, b.UserId, b.StartedAtUtc, b.ExpiresAtUtc, b.Reason })
            .ToListAsync(cancellationToken);
        var lines = new List<ClientExport.BreakGlassLine>(rows.Count);
        foreach (var b in rows)
        {
            var reason = await crypto.DecryptAsync(clientId, BreakGlassAccess.Table, nameof(BreakGlassAccess.Reason), b.Id, b.Reason, cancellationToken);
            lines.Add(new ClientExport.BreakGlassLine(b.StartedAtUtc, b.ExpiresAtUtc, staff.Line(b.UserId), reason));
        }

        return lines;
    }

    /// <summary>
    /// Signals linked to the client: that they exist, their kind and status, and the organisations they were
    /// handed over to (recipients, AVG art. 15(1)(c)). Their texts (description, notes, what was handed over) are
    /// left out: they are under the signal's own key, often come from or name other people (a reporter, a
    /// suspected exploiter), and may concern a criminal investigation (AVG art. 15(4), UAVG art. 41). Releasing
    /// them is a decision about that one signal, not something an export does by itself.
    /// </summary>
    private async Task<List<ClientExport.SignalLine>> SignalsAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var signals = await db.Set<Signal>().AsNoTracking().Where(s => s.ClientId == clientId).OrderBy(s => s.RaisedAtUtc)
            .Select(s => new
            {
                s.Id,
                s.RaisedAtUtc,
                s.Category,
                s.Status,
                s.ClosedAtUtc,
                Organisation = db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var handovers = (await db.Set<SignalHandover>().AsNoTracking()
            .Where(h => h.Decision == HandoverDecision.Approved && db.Set<Signal>().Any(s => s.Id == h.SignalId && s.ClientId == clientId))
            .OrderBy(h => h.DecidedAtUtc)
            .Select(h => new { h.SignalId, Recipient = db.Organisations.Where(o => o.Id == h.RecipientOrganisationId).Select(o => o.Name).FirstOrDefault(), h.DecidedAtUtc })
            .ToListAsync(cancellationToken))
            .ToLookup(h => h.SignalId, h => new ClientExport.HandoverLine(h.Recipient, h.DecidedAtUtc));
        return [.. signals.Select(s => new ClientExport.SignalLine(s.RaisedAtUtc, s.Category, s.Status, s.Organisation, s.ClosedAtUtc, [.. handovers[s.Id]]))];
    }

    /// <summary>Applications for intake that became this client: only dates and status are left (their texts moved to the file).</summary>
    private Task<List<ClientExport.IntakeRequestLine>> IntakeRequestsAsync(Guid clientId, CancellationToken cancellationToken) =>
        db.Set<IntakeRequest>().AsNoTracking().Where(r => r.ClientId == clientId).OrderBy(r => r.ReceivedAtUtc)
            .Select(r => new ClientExport.IntakeRequestLine(
                r.ReceivedAtUtc, r.Source,
                db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                db.Organisations.Where(o => o.Id == r.ReferrerOrganisationId).Select(o => o.Name).FirstOrDefault(),
                r.Status, r.DecidedAtUtc))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Anonymous-channel conversations that became this client's file: the client wrote them, so they are theirs
    /// to see. The messages are under the report's own key: one query unwraps all those keys.
    /// </summary>
    private async Task<List<ClientExport.ConversationLine>> ConversationsAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var reports = await db.Set<AnonymousReport>().AsNoTracking().Where(r => r.ClientId == clientId).OrderBy(r => r.CreatedAtUtc)
            .Select(r => new { r.Id, r.CreatedAtUtc, r.Kind, r.Status, Organisation = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var messages = await db.Set<ReportMessage>().AsNoTracking()
            .Where(m => db.Set<AnonymousReport>().Any(r => r.Id == m.ReportId && r.ClientId == clientId))
            .OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.ReportId, m.ByUserId, m.AtUtc, m.Body })
            .ToListAsync(cancellationToken);
        await crypto.PreloadKeysAsync(reports.Select(r => r.Id), cancellationToken);

        var lines = new List<(Guid, ClientExport.MessageLine)>(messages.Count);
        foreach (var m in messages)
        {
            var text = await crypto.DecryptAsync(m.ReportId, ReportMessage.Table, nameof(ReportMessage.Body), m.Id, m.Body, cancellationToken) ?? string.Empty;
            lines.Add((m.ReportId, new ClientExport.MessageLine(m.AtUtc, m.ByUserId is null, text)));
        }

        var byReport = lines.ToLookup(l => l.Item1, l => l.Item2);
        return [.. reports.Select(r => new ClientExport.ConversationLine(r.CreatedAtUtc, r.Kind, r.Status, r.Organisation, [.. byReport[r.Id]]))];
    }

    /// <summary>Outreach contacts counted as this client (with their consent): when, where, and what was noted.</summary>
    private Task<List<ClientExport.OutreachContactLine>> OutreachContactsAsync(Guid clientId, CancellationToken cancellationToken) =>
        (from c in db.Set<OutreachContact>().AsNoTracking()
         where c.ClientId == clientId
         join s in db.Set<OutreachSession>() on c.SessionId equals s.Id
         orderby c.AtUtc
         select new ClientExport.OutreachContactLine(
             c.AtUtc,
             db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).FirstOrDefault(),
             db.Set<OutreachLocation>().Where(l => l.Id == s.LocationId).Select(l => l.Name).FirstOrDefault(),
             db.Set<OutreachLocation>().Where(l => l.Id == s.LocationId).Select(l => (LocationKind?)l.Kind).FirstOrDefault(),
             c.GenderIdentity, c.AgeBand, c.Language))
        .ToListAsync(cancellationToken);
}
