using System.Security.Claims;
using System.Security.Cryptography;
using Baken.Features.Admin;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Baken.Features.Contact;

/// <summary>
/// The anonymous channel: stores a report and its messages encrypted under the report's own key, finds a report
/// by its receipt code in constant work whether the code is wrong or unknown, and decides which staff answer.
/// Every read and change writes a processing-log entry about the report (not about a person).
/// </summary>
public sealed class AnonymousReports(
    BakenDbContext db,
    ClientCrypto crypto,
    ProcessingLogWriter processingLog,
    GuessThrottle throttle,
    IOptions<AnonymousChannelOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>Staff roles that answer the channel, in the receiving organisation.</summary>
    public const string StaffRoles = $"{Roles.Veldwerker},{Roles.Zorgcoordinator},{Roles.Teamleider}";

    private static readonly byte[] DummySalt = RandomNumberGenerator.GetBytes(16);

    public sealed record MessageView(Guid Id, bool FromReporter, string? Author, DateTime AtUtc, string Text);

    public enum OpenResult
    {
        Opened,
        Wrong,
        Blocked,
    }

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>The organisation whose team answers: the information centre, else a care provider.</summary>
    public Task<Guid> ReceivingOrganisationAsync(CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.InfoCentre || o.Kind == OrganisationKind.CareProvider)
            .OrderBy(o => o.Kind == OrganisationKind.InfoCentre ? 0 : 1).ThenBy(o => o.Name)
            .Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Stores a new report with its first message, all or nothing, and returns its receipt code (formatted), or
    /// null when this form was sent before (a replayed post stores nothing new, and cannot show the code again).
    /// Only the demo seed passes <paramref name="fixedCode"/>, so testers can open its reports with documented codes.
    /// A self-referral (Features/Intake) passes <paramref name="organisationId"/>: its conversation is with the team
    /// that takes it on, not with the channel's <see cref="ReceivingOrganisationAsync"/>.
    /// </summary>
    public async Task<string?> CreateAsync(
        ReportKind kind, string language, string text, Guid submissionKey, CancellationToken cancellationToken, string? fixedCode = null,
        Guid? organisationId = null)
    {
        if (await db.Set<AnonymousReport>().AnyAsync(r => r.SubmissionKey == submissionKey, cancellationToken))
        {
            return null;
        }

        var receivingId = organisationId ?? await ReceivingOrganisationAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var code = fixedCode ?? ReceiptCode.New();
            var normalised = ReceiptCode.Normalise(code)!;
            var locator = ReceiptCode.Locator(normalised);
            if (await db.Set<AnonymousReport>().AnyAsync(r => r.Locator == locator, cancellationToken) && attempt < 20)
            {
                continue;
            }

            var salt = RandomNumberGenerator.GetBytes(16);
            var iterations = options.Value.HashIterations;
            var now = Now;
            var report = new AnonymousReport
            {
                Locator = locator,
                Salt = salt,
                CodeHash = ReceiptCode.Hash(normalised, salt, iterations),
                HashIterations = iterations,
                Kind = kind,
                Language = language,
                OrganisationId = receivingId,
                CreatedAtUtc = now,
                LastMessageAtUtc = now,
                SubmissionKey = submissionKey,
            };
            // Its own transaction, unless the caller (the demo seed) already has one.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            db.Add(report);
            crypto.CreateKey(report.Id);
            await AddMessageAsync(report, null, text, submissionKey, cancellationToken);
            processingLog.Record(ProcessingActivities.AnonymousContact, "ReportReceived", report.Id);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return code;
            }
            catch (DbUpdateException) when (attempt < 3 && transaction is not null)
            {
                // The same form sent twice at once, or a locator taken meanwhile: nothing of this attempt is kept.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (await db.Set<AnonymousReport>().AnyAsync(r => r.SubmissionKey == submissionKey, cancellationToken))
                {
                    return null;
                }
            }
        }
    }

    /// <summary>
    /// Finds the report a receipt code opens. Wrong and unknown codes cost the same (one slow hash, one query) and
    /// give the same answer; a locator with too many wrong codes is refused for a while.
    /// </summary>
    public async Task<(OpenResult Result, AnonymousReport? Report)> OpenAsync(string? input, CancellationToken cancellationToken)
    {
        var normalised = ReceiptCode.Normalise(input);
        var locator = normalised is null ? null : ReceiptCode.Locator(normalised);
        var report = locator is null ? null
            : await db.Set<AnonymousReport>().FirstOrDefaultAsync(r => r.Locator == locator, cancellationToken);
        var matches = report is not null
            ? ReceiptCode.Matches(normalised!, report.Salt, report.HashIterations, report.CodeHash)
            : ReceiptCode.Matches(normalised ?? new string('0', ReceiptCode.Length), DummySalt, options.Value.HashIterations, DummySalt);
        if (locator is not null && throttle.IsBlocked(locator))
        {
            return (OpenResult.Blocked, null);
        }

        if (!matches || report is null)
        {
            if (locator is not null)
            {
                throttle.RecordWrong(locator);
            }

            return (OpenResult.Wrong, null);
        }

        throttle.Forget(locator!);
        return (OpenResult.Opened, report);
    }

    /// <summary>A report by id, for the reporter's session (see <see cref="ReporterSession"/>).</summary>
    public Task<AnonymousReport?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<AnonymousReport>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The conversation, oldest first, decrypted; one processing-log entry for the read.</summary>
    public async Task<List<MessageView>> ReadAsync(AnonymousReport report, bool staff, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ReportMessage>().AsNoTracking().Where(m => m.ReportId == report.Id).OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.ByUserId, m.AtUtc, m.Body, Author = db.Users.Where(u => u.Id == m.ByUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var views = new List<MessageView>(rows.Count);
        foreach (var row in rows)
        {
            var text = await crypto.DecryptAsync(report.Id, ReportMessage.Table, nameof(ReportMessage.Body), row.Id, row.Body, cancellationToken) ?? string.Empty;
            views.Add(new MessageView(row.Id, row.ByUserId is null, staff ? row.Author : null, row.AtUtc, text));
        }

        processingLog.Record(ProcessingActivities.AnonymousContact, staff ? "ReportReadByStaff" : "ReportReadByReporter", report.Id);
        await db.SaveChangesAsync(cancellationToken);
        return views;
    }

    /// <summary>
    /// Adds a message (from the reporter when <paramref name="userId"/> is null) and saves; false when this form
    /// was sent before, or the report is closed.
    /// </summary>
    public async Task<bool> WriteAsync(AnonymousReport report, Guid? userId, string text, Guid submissionKey, CancellationToken cancellationToken)
    {
        if (report.Status == ReportStatus.Closed || await db.Set<ReportMessage>().AnyAsync(m => m.SubmissionKey == submissionKey, cancellationToken))
        {
            return false;
        }

        await AddMessageAsync(report, userId, text, submissionKey, cancellationToken);
        report.Status = userId is null ? ReportStatus.AwaitingTeam : ReportStatus.Answered;
        report.LastMessageAtUtc = Now;
        report.Version++;
        processingLog.Record(ProcessingActivities.AnonymousContact, userId is null ? "ReportMessageFromReporter" : "ReportAnswered", report.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The same form sent twice at once: the unique submission key kept the first. Anything else (the report
            // erased meanwhile, say) is a real failure, not "already received".
            db.ChangeTracker.Clear();
            if (await db.Set<ReportMessage>().AnyAsync(m => m.SubmissionKey == submissionKey, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    public async Task CloseAsync(AnonymousReport report, bool close, CancellationToken cancellationToken)
    {
        report.Status = close ? ReportStatus.Closed : ReportStatus.AwaitingTeam;
        report.ClosedAtUtc = close ? Now : null;
        report.Version++;
        processingLog.Record(ProcessingActivities.AnonymousContact, close ? "ReportClosed" : "ReportReopened", report.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Reports the user answers: those of their organisation, for the channel's staff roles.</summary>
    public IQueryable<AnonymousReport> Visible(ClaimsPrincipal user)
    {
        var organisationId = user.OrganisationId() ?? Guid.Empty;
        var allowed = StaffRoles.Split(',').Any(user.IsInRole);
        return db.Set<AnonymousReport>().Where(r => allowed && r.OrganisationId == organisationId);
    }

    /// <summary>All of a report's messages as one text (to start a signal from it), oldest first.</summary>
    public async Task<string> TranscriptAsync(AnonymousReport report, CancellationToken cancellationToken)
    {
        var messages = await ReadAsync(report, staff: true, cancellationToken);
        return string.Join("\n\n", messages.Where(m => m.FromReporter).Select(m => m.Text));
    }

    private async Task AddMessageAsync(AnonymousReport report, Guid? userId, string text, Guid submissionKey, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        db.Add(new ReportMessage
        {
            Id = id,
            ReportId = report.Id,
            ByUserId = userId,
            AtUtc = Now,
            SubmissionKey = submissionKey,
            Body = (await crypto.EncryptAsync(report.Id, ReportMessage.Table, nameof(ReportMessage.Body), id, text.Trim(), cancellationToken))!,
        });
    }
}
