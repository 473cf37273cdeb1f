using Baken.Features.Reporting.Facts;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Signals;

/// <summary>
/// Raises signals and changes them: encrypts the description and notes with the signal's own key, keeps the
/// status history, carries out four-eyes handovers, and logs every read and change. Each method is one unit
/// of work the caller saves (in a transaction where it says so).
/// </summary>
public sealed class SignalRecords(BakenDbContext db, ClientCrypto crypto, ProcessingLogWriter processingLog, StatisticsFacts facts, TimeProvider timeProvider)
{
    public sealed record Draft(
        SignalSource Source, SignalCategory Category, SignalUrgency Urgency, DateTime RespondByUtc, string Description,
        IReadOnlyCollection<Guid> IndicatorIds, Guid? ClientId);

    public sealed record EventView(SignalEventKind Kind, SignalStatus Status, string By, DateTime AtUtc, string? AssignedTo, SignalCloseReason? CloseReason, string? Note);

    public sealed record HandoverView(
        Guid Id, string Recipient, HandoverItems Items, string SharedText, Guid RequestedByUserId, string RequestedBy, DateTime RequestedAtUtc,
        HandoverDecision Decision, string? DecidedBy, DateTime? DecidedAtUtc);

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    public async Task<Signal> RaiseAsync(Guid organisationId, Guid userId, Draft draft, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        crypto.CreateKey(id);
        var signal = new Signal
        {
            Id = id,
            OrganisationId = organisationId,
            Source = draft.Source,
            Category = draft.Category,
            Urgency = draft.Urgency,
            RespondByUtc = draft.RespondByUtc,
            Description = (await crypto.EncryptAsync(id, Signal.Table, nameof(Signal.Description), id, draft.Description.Trim(), cancellationToken))!,
            ClientId = draft.ClientId,
            RaisedByUserId = userId,
            RaisedAtUtc = Now,
        };
        db.Add(signal);
        foreach (var indicatorId in draft.IndicatorIds.Distinct())
        {
            db.Add(new SignalIndicatorMark { SignalId = id, IndicatorId = indicatorId });
        }

        AddEvent(signal, SignalEventKind.Raised, userId);
        facts.SignalRaised(signal);
        processingLog.Record(ProcessingActivities.Signals, "SignalRaised", id);
        if (draft.ClientId is { } clientId)
        {
            processingLog.Record(ProcessingActivities.Signals, "SignalLinkedToClient", clientId);
        }

        return signal;
    }

    /// <summary>The decrypted description; logs the read of the signal.</summary>
    public async Task<string> ReadDescriptionAsync(Signal signal, CancellationToken cancellationToken)
    {
        processingLog.Record(ProcessingActivities.Signals, "SignalRead", signal.Id);
        return await crypto.DecryptAsync(signal.Id, Signal.Table, nameof(Signal.Description), signal.Id, signal.Description, cancellationToken) ?? string.Empty;
    }

    /// <summary>The history, oldest first, with notes decrypted (read together with the description, whose read is logged).</summary>
    public async Task<List<EventView>> HistoryAsync(Signal signal, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SignalEvent>().AsNoTracking().Where(e => e.SignalId == signal.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id,
                e.Kind,
                e.Status,
                e.AtUtc,
                e.CloseReason,
                e.Note,
                By = db.Users.Where(u => u.Id == e.ByUserId).Select(u => u.DisplayName).First(),
                AssignedTo = db.Users.Where(u => u.Id == e.AssignedToUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var views = new List<EventView>(rows.Count);
        foreach (var row in rows)
        {
            var note = await crypto.DecryptAsync(signal.Id, SignalEvent.Table, nameof(SignalEvent.Note), row.Id, row.Note, cancellationToken);
            views.Add(new EventView(row.Kind, row.Status, row.By, row.AtUtc, row.AssignedTo, row.CloseReason, note));
        }

        return views;
    }

    public async Task<List<HandoverView>> HandoversAsync(Signal signal, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SignalHandover>().AsNoTracking().Where(h => h.SignalId == signal.Id).OrderBy(h => h.RequestedAtUtc)
            .Select(h => new
            {
                h.Id,
                h.Items,
                h.SharedText,
                h.RequestedByUserId,
                h.RequestedAtUtc,
                h.Decision,
                h.DecidedAtUtc,
                Recipient = db.Organisations.Where(o => o.Id == h.RecipientOrganisationId).Select(o => o.Name).First(),
                RequestedBy = db.Users.Where(u => u.Id == h.RequestedByUserId).Select(u => u.DisplayName).First(),
                DecidedBy = db.Users.Where(u => u.Id == h.DecidedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var views = new List<HandoverView>(rows.Count);
        foreach (var h in rows)
        {
            var text = await crypto.DecryptAsync(signal.Id, SignalHandover.Table, nameof(SignalHandover.SharedText), h.Id, h.SharedText, cancellationToken) ?? string.Empty;
            views.Add(new HandoverView(h.Id, h.Recipient, h.Items, text, h.RequestedByUserId, h.RequestedBy, h.RequestedAtUtc, h.Decision, h.DecidedBy, h.DecidedAtUtc));
        }

        return views;
    }

    /// <summary>The first triage of a signal sets its time and counts it for the median time to triage.</summary>
    private void MarkTriaged(Signal signal)
    {
        if (signal.TriagedAtUtc is null)
        {
            signal.TriagedAtUtc = Now;
            facts.SignalTriaged(signal, signal.TriagedAtUtc.Value);
        }
    }

    /// <summary>A status change by hand; null when done, else the resource key of the reason it is refused.</summary>
    public async Task<string?> ChangeStatusAsync(Signal signal, SignalStatus status, Guid userId, CancellationToken cancellationToken)
    {
        if (!SignalRules.NextStatuses(signal.Status).Contains(status))
        {
            return "Signal_StatusNotAllowed";
        }

        signal.Status = status;
        if (status is SignalStatus.InTriage or SignalStatus.InProgress)
        {
            MarkTriaged(signal);
        }

        AddEvent(signal, SignalEventKind.StatusChanged, userId);
        processingLog.Record(ProcessingActivities.Signals, "SignalStatusChanged", signal.Id);
        await SaveAsync(signal, cancellationToken);
        return null;
    }

    public async Task AssignAsync(Signal signal, Guid? assigneeId, Guid userId, CancellationToken cancellationToken)
    {
        signal.AssignedToUserId = assigneeId;
        AddEvent(signal, SignalEventKind.Assigned, userId, assignedTo: assigneeId);
        processingLog.Record(ProcessingActivities.Signals, "SignalAssigned", signal.Id);
        await SaveAsync(signal, cancellationToken);
    }

    public async Task<string?> CloseAsync(Signal signal, SignalCloseReason reason, string? note, Guid userId, CancellationToken cancellationToken)
    {
        if (!signal.IsOpen)
        {
            return "Signal_AlreadyClosed";
        }

        signal.Status = SignalStatus.Closed;
        signal.ClosedAtUtc = Now;
        signal.CloseReason = reason;
        await AddEventAsync(signal, SignalEventKind.Closed, userId, reason, note, cancellationToken);
        foreach (var pending in await db.Set<SignalHandover>().Where(h => h.SignalId == signal.Id && h.Decision == HandoverDecision.Pending).ToListAsync(cancellationToken))
        {
            pending.Decision = HandoverDecision.Withdrawn;
            pending.DecidedByUserId = userId;
            pending.DecidedAtUtc = Now;
            AddEvent(signal, SignalEventKind.HandoverWithdrawn, userId);
        }

        processingLog.Record(ProcessingActivities.Signals, "SignalClosed", signal.Id);
        await SaveAsync(signal, cancellationToken);
        return null;
    }

    public async Task<string?> ReopenAsync(Signal signal, Guid userId, CancellationToken cancellationToken)
    {
        if (signal.IsOpen)
        {
            return "Signal_StatusNotAllowed";
        }

        signal.Status = SignalStatus.InProgress;
        signal.ClosedAtUtc = null;
        signal.CloseReason = null;
        AddEvent(signal, SignalEventKind.Reopened, userId);
        processingLog.Record(ProcessingActivities.Signals, "SignalReopened", signal.Id);
        await SaveAsync(signal, cancellationToken);
        return null;
    }

    /// <summary>Asks for a handover; it takes effect only when a second colleague approves it.</summary>
    public async Task<string?> RequestHandoverAsync(
        Signal signal, Guid recipientOrganisationId, HandoverItems items, string sharedText, Guid userId, CancellationToken cancellationToken)
    {
        if (!signal.IsOpen)
        {
            return "Signal_ClosedReadOnly";
        }

        if (await db.Set<SignalHandover>().AnyAsync(h => h.SignalId == signal.Id && h.Decision == HandoverDecision.Pending, cancellationToken))
        {
            return "Handover_AlreadyPending";
        }

        // Restriction (AVG art. 18) beats everything: a restricted client's code is not passed on.
        if (items.HasFlag(HandoverItems.ClientCode) && signal.ClientId is { } clientId
            && await db.Set<Clients.Client>().AnyAsync(c => c.Id == clientId && c.RestrictedAtUtc != null, cancellationToken))
        {
            return "Handover_ClientRestricted";
        }

        var id = Guid.CreateVersion7();
        db.Add(new SignalHandover
        {
            Id = id,
            SignalId = signal.Id,
            RecipientOrganisationId = recipientOrganisationId,
            Items = items,
            SharedText = (await crypto.EncryptAsync(signal.Id, SignalHandover.Table, nameof(SignalHandover.SharedText), id, sharedText, cancellationToken))!,
            RequestedByUserId = userId,
            RequestedAtUtc = Now,
        });
        AddEvent(signal, SignalEventKind.HandoverRequested, userId);
        processingLog.Record(ProcessingActivities.Signals, "SignalHandoverRequested", signal.Id);
        await SaveAsync(signal, cancellationToken);
        return null;
    }

    /// <summary>
    /// The second pair of eyes. Refused (a resource key is returned, nothing changes) when the person deciding is
    /// the one who asked, is no active Zorgcoordinator or team lead of the signal's organisation (checked here,
    /// against the stored accounts, not only by the page), the signal is closed, or the handover was decided.
    /// </summary>
    public async Task<string?> DecideHandoverAsync(
        Signal signal, SignalHandover handover, bool approve, string? note, Guid userId, CancellationToken cancellationToken)
    {
        if (handover.RequestedByUserId == userId)
        {
            return "Handover_SecondApproverRequired";
        }

        if (!await IsManagerOfAsync(userId, signal.OrganisationId, cancellationToken))
        {
            return "Handover_SecondApproverRequired";
        }

        if (!signal.IsOpen)
        {
            return "Signal_ClosedReadOnly";
        }

        if (handover.Decision != HandoverDecision.Pending || handover.SignalId != signal.Id)
        {
            return "Handover_AlreadyDecided";
        }

        handover.Decision = approve ? HandoverDecision.Approved : HandoverDecision.Refused;
        handover.DecidedByUserId = userId;
        handover.DecidedAtUtc = Now;
        if (approve)
        {
            signal.Status = SignalStatus.HandedOver;
            MarkTriaged(signal);
            facts.SignalHandedOver(signal);
        }

        await AddEventAsync(signal, approve ? SignalEventKind.HandoverApproved : SignalEventKind.HandoverRefused, userId, null, note, cancellationToken);
        processingLog.Record(ProcessingActivities.Signals, approve ? "SignalHandedOver" : "SignalHandoverRefused", signal.Id);
        if (approve && handover.Items.HasFlag(HandoverItems.ClientCode) && signal.ClientId is { } clientId)
        {
            // The client's own processing record (their access export) shows that their code went to a partner.
            processingLog.Record(ProcessingActivities.Signals, "SignalHandedOverAboutClient", clientId);
        }

        await SaveAsync(signal, cancellationToken);
        return null;
    }

    private Task<bool> IsManagerOfAsync(Guid userId, Guid organisationId, CancellationToken cancellationToken)
    {
        string[] managers = [Admin.Roles.Zorgcoordinator, Admin.Roles.Teamleider];
        var roleIds = db.Roles.Where(r => managers.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.AnyAsync(
            u => u.Id == userId && u.IsActive && u.OrganisationId == organisationId
                && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)),
            cancellationToken);
    }

    private async Task SaveAsync(Signal signal, CancellationToken cancellationToken)
    {
        signal.Version++;
        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddEvent(Signal signal, SignalEventKind kind, Guid userId, Guid? assignedTo = null) =>
        db.Add(new SignalEvent
        {
            SignalId = signal.Id,
            Kind = kind,
            Status = signal.Status,
            ByUserId = userId,
            AtUtc = Now,
            AssignedToUserId = assignedTo,
        });

    private async Task AddEventAsync(Signal signal, SignalEventKind kind, Guid userId, SignalCloseReason? reason, string? note, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        db.Add(new SignalEvent
        {
            Id = id,
            SignalId = signal.Id,
            Kind = kind,
            Status = signal.Status,
            ByUserId = userId,
            AtUtc = Now,
            CloseReason = reason,
            Note = string.IsNullOrWhiteSpace(note) ? null
                : await crypto.EncryptAsync(signal.Id, SignalEvent.Table, nameof(SignalEvent.Note), id, note.Trim(), cancellationToken),
        });
    }
}
