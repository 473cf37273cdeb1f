using Baken.Features.Contact;
using Baken.Features.Intake;
using Baken.Features.Signals;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Baken.Features.Retention;

/// <summary>
/// Erasure of records that own a data key but belong to no client (anonymous reports, signals, intake requests):
/// the key is shredded and the record deleted with everything under it (cascade), in one transaction, logged.
/// Intake requests: one not taken on is erased <c>Baken:Intake:NotTakenOnDays</c> (90) days after the decision;
/// one still to decide is work to do and is never erased automatically; one taken on already holds nothing (its
/// texts moved to the client and its key was shredded at acceptance) and keeps only the link and the dates the
/// referrer sees, until the client is erased (the link then goes).
/// </summary>
public sealed class RecordErasure(
    BakenDbContext db, ClientCrypto crypto, ProcessingLogWriter processingLog, IOptions<RetentionOptions> options, IOptions<IntakeOptions> intakeOptions,
    TimeProvider timeProvider)
{
    public const string RetentionExpired = "RecordErasedRetentionExpired";

    /// <summary>
    /// Anonymous reports past their period: closed ones 90 days after closing, and ones never closed 180 days
    /// after their last message (defaults).
    /// </summary>
    public IQueryable<Guid> ExpiredReports()
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var closedCutoff = now.AddDays(-options.Value.AnonymousReportDays);
        var idleCutoff = now.AddDays(-options.Value.AnonymousReportIdleDays);
        return db.Set<AnonymousReport>()
            .Where(r => (r.Status == ReportStatus.Closed && r.ClosedAtUtc < closedCutoff) || (r.Status != ReportStatus.Closed && r.LastMessageAtUtc < idleCutoff))
            .Select(r => r.Id);
    }

    /// <summary>Closed signals past their period (default 24 months after closing).</summary>
    public IQueryable<Guid> ExpiredSignals()
    {
        var cutoff = timeProvider.GetUtcNow().UtcDateTime.AddMonths(-options.Value.SignalMonths);
        return db.Set<Signal>().Where(s => s.Status == SignalStatus.Closed && s.ClosedAtUtc < cutoff).Select(s => s.Id);
    }

    /// <summary>Intake requests not taken on, past their period (default 90 days after the decision).</summary>
    public IQueryable<Guid> ExpiredIntakeRequests()
    {
        var cutoff = timeProvider.GetUtcNow().UtcDateTime.AddDays(-intakeOptions.Value.NotTakenOnDays);
        return db.Set<IntakeRequest>().Where(r => r.Status == IntakeStatus.NotTakenOn && r.DecidedAtUtc < cutoff).Select(r => r.Id);
    }

    /// <summary>Erases one report, signal or intake request if it is still expired; false when it is not (any more).</summary>
    public async Task<bool> EraseIfExpiredAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        object? record = await ExpiredReports().AnyAsync(r => r == id, cancellationToken)
            ? await db.Set<AnonymousReport>().FirstAsync(r => r.Id == id, cancellationToken)
            : await ExpiredSignals().AnyAsync(s => s == id, cancellationToken)
                ? await db.Set<Signal>().FirstAsync(s => s.Id == id, cancellationToken)
                : await ExpiredIntakeRequests().AnyAsync(r => r == id, cancellationToken)
                    ? await db.Set<IntakeRequest>().FirstAsync(r => r.Id == id, cancellationToken)
                    : null;
        if (record is null)
        {
            return false;
        }

        if (record is Signal)
        {
            // A report a signal came from keeps living; only its link goes.
            await db.Set<AnonymousReport>().Where(r => r.SignalId == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.SignalId, (Guid?)null), cancellationToken);
        }

        await crypto.ShredAsync(id, cancellationToken);
        db.Remove(record);
        processingLog.Record(
            record switch { Signal => ProcessingActivities.Signals, IntakeRequest => ProcessingActivities.Referral, _ => ProcessingActivities.AnonymousContact },
            RetentionExpired, id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
