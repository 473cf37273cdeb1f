using System.Security.Claims;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Contact;
using Baken.Features.Journal;
using Baken.Features.Reporting.Facts;
using Baken.Features.ServiceDirectory;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Localization;
using Baken.Infrastructure.ProcessingLog;
using Baken.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Baken.Features.Intake;

/// <summary>
/// The intake queue of a receiving organisation: stores applications (self-referrals and referrals in) encrypted
/// under the request's own key, decides who sees them, and carries out the decision. Taking one on makes a client
/// and a trajectory, moves the texts there (re-encrypted under the client's key) and shreds the request's key, so
/// the request keeps only the link. Each command is one unit of work with one save, logged and audited.
/// </summary>
public sealed partial class IntakeRecords(
    BakenDbContext db,
    ClientCrypto crypto,
    ClientRecords clients,
    TrajectoryRecords trajectories,
    JournalRecords journal,
    AnonymousReports reports,
    ProcessingLogWriter processingLog,
    AuditLog audit,
    StatisticsFacts facts,
    IOptions<IntakeOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>Who works the queue, in the receiving organisation.</summary>
    public const string StaffRoles = $"{Roles.Casemanager},{Roles.Teamleider},{Roles.Zorgcoordinator}";

    /// <summary>The directory topic of the exit programme (seeded, see <see cref="DirectoryDefaults"/>).</summary>
    public const string ExitTopic = "topic-exit";

    /// <param name="ReportText">The first message of the conversation a receipt-code self-referral starts.</param>
    /// <param name="ReportLanguage">The language the team answers that conversation in ("nl" or "en").</param>
    /// <param name="FixedCode">Only the demo seed: a documented receipt code.</param>
    public sealed record Submission(
        Guid OrganisationId, IntakeSource Source, IntakeContactChannel Channel, string Language, string? Alias, string? ContactDetails,
        string? Message, Guid SubmissionKey, Guid? ReferrerUserId = null, Guid? ReferrerOrganisationId = null, string? Reference = null,
        string? ReportText = null, string ReportLanguage = "nl", string? FixedCode = null);

    public enum Outcome
    {
        Stored,

        /// <summary>This form was sent before: nothing new is stored.</summary>
        AlreadyReceived,

        /// <summary>The referrer's organisation used this reference before: nothing new is stored.</summary>
        SameReference,
    }

    /// <param name="ReceiptCode">Only on <see cref="Outcome.Stored"/> of a receipt-code self-referral; shown once.</param>
    public sealed record Submitted(Outcome Outcome, Guid Id, string? ReceiptCode);

    public sealed record Contents(string? Alias, string? ContactDetails, string? Message, string? DecisionNote);

    /// <param name="MessageHeading">Put before the person's words in the journal, so nobody mistakes them for the worker's.</param>
    public sealed record Acceptance(int SeenVersion, TrajectoryType Type, string? Note, string MessageHeading, bool JoinAsCaseManager);

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The organisation whose queue receives self-referrals: <c>Baken:Intake:SelfReferralOrganisationId</c> when
    /// set; otherwise the Baken organisation linked to an active directory service with the exit-programme topic,
    /// a care provider before an information centre (which may list the topic for questions about stopping).
    /// Null when there is none: the portal then says the form is not available.
    /// </summary>
    public async Task<Guid?> SelfReferralOrganisationAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SelfReferralOrganisationId is { } configured)
        {
            return await db.Organisations.AnyAsync(o => o.Id == configured, cancellationToken) ? configured : null;
        }

        var exitServices = from link in db.Set<ServiceTerm>()
                           join term in db.Set<TaxonomyTerm>() on link.TermId equals term.Id
                           where term.Code == ExitTopic
                           select link.ServiceId;
        return await (from service in db.Set<DirectoryService>()
                      where service.Status == ServiceStatus.Active && exitServices.Contains(service.Id)
                      join entry in db.Set<DirectoryOrganization>() on service.OrganizationId equals entry.Id
                      join organisation in db.Organisations on entry.OrganisationId equals (Guid?)organisation.Id
                      where organisation.Kind == OrganisationKind.CareProvider || organisation.Kind == OrganisationKind.InfoCentre
                      orderby organisation.Kind == OrganisationKind.CareProvider ? 0 : 1, organisation.Name
                      select (Guid?)organisation.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Organisations a referrer may refer to: care providers and information centres.</summary>
    public IQueryable<Organisation> ReceivingOrganisations() =>
        db.Organisations.Where(o => o.Kind == OrganisationKind.CareProvider || o.Kind == OrganisationKind.InfoCentre);

    /// <summary>
    /// Stores an application, all or nothing; a receipt-code self-referral also starts its conversation in the
    /// anonymous channel (with the receiving organisation's team) and gets the code back. A form sent again, or a
    /// reference the referrer's organisation used before, stores nothing and names the request that exists.
    /// </summary>
    public async Task<Submitted> SubmitAsync(Submission submission, CancellationToken cancellationToken)
    {
        if (await ExistingAsync(submission, cancellationToken) is { } existing)
        {
            return existing;
        }

        // Its own transaction, unless the caller (the demo seed) already has one.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            Guid? reportId = null;
            string? code = null;
            if (submission.Channel == IntakeContactChannel.ReceiptCodeOnly)
            {
                code = await reports.CreateAsync(
                    ReportKind.Question, submission.ReportLanguage, submission.ReportText ?? submission.Message ?? "-", submission.SubmissionKey,
                    cancellationToken, submission.FixedCode, submission.OrganisationId);
                reportId = await db.Set<AnonymousReport>().Where(r => r.SubmissionKey == submission.SubmissionKey).Select(r => (Guid?)r.Id)
                    .FirstOrDefaultAsync(cancellationToken);
                if (code is null || reportId is null)
                {
                    throw new DbUpdateException("The conversation of this form exists without its request.");
                }
            }

            var request = new IntakeRequest
            {
                OrganisationId = submission.OrganisationId,
                Source = submission.Source,
                ReferrerUserId = submission.ReferrerUserId,
                ReferrerOrganisationId = submission.ReferrerOrganisationId,
                ExternalReference = IntakeRules.Clean(submission.Reference),
                ReportId = reportId,
                ContactChannel = submission.Channel,
                Language = submission.Language,
                ReceivedAtUtc = Now,
                SubmissionKey = submission.SubmissionKey,
            };
            crypto.CreateKey(request.Id);
            request.Alias = await SealAsync(request, nameof(IntakeRequest.Alias), submission.Alias, cancellationToken);
            request.ContactDetails = await SealAsync(
                request, nameof(IntakeRequest.ContactDetails), IntakeRules.NeedsDetails(submission.Channel) ? submission.ContactDetails : null, cancellationToken);
            request.Message = await SealAsync(request, nameof(IntakeRequest.Message), submission.Message, cancellationToken);
            db.Add(request);
            facts.IntakeReceived(request);
            processingLog.Record(ProcessingActivities.Referral, "IntakeReceived", request.Id);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return new Submitted(Outcome.Stored, request.Id, code);
        }
        catch (DbUpdateException) when (transaction is not null)
        {
            // The same form (or reference) sent twice at once: the unique indexes kept the first; nothing of this one stays.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await ExistingAsync(submission, cancellationToken) is { } first)
            {
                return first;
            }

            throw;
        }
    }

    private async Task<Submitted?> ExistingAsync(Submission submission, CancellationToken cancellationToken)
    {
        var sent = await db.Set<IntakeRequest>().Where(r => r.SubmissionKey == submission.SubmissionKey).Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (sent is { } id)
        {
            return new Submitted(Outcome.AlreadyReceived, id, null);
        }

        var reference = IntakeRules.Clean(submission.Reference);
        if (reference is null || submission.ReferrerOrganisationId is not { } referrer)
        {
            return null;
        }

        var same = await db.Set<IntakeRequest>().Where(r => r.ReferrerOrganisationId == referrer && r.ExternalReference == reference)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return same is { } sameId ? new Submitted(Outcome.SameReference, sameId, null) : null;
    }

    /// <summary>The queue the user works: their organisation's requests, for the queue's roles only.</summary>
    public IQueryable<IntakeRequest> Visible(ClaimsPrincipal user)
    {
        var organisationId = user.OrganisationId() ?? Guid.Empty;
        var allowed = StaffRoles.Split(',').Any(user.IsInRole);
        return db.Set<IntakeRequest>().Where(r => allowed && r.OrganisationId == organisationId);
    }

    /// <summary>The referrals one Verwijzer sent (never a colleague's).</summary>
    public IQueryable<IntakeRequest> SentBy(Guid userId) =>
        db.Set<IntakeRequest>().Where(r => r.ReferrerUserId == userId && r.Source != IntakeSource.SelfReferral);

    /// <summary>Decrypts what the request says and logs the read (under the request, its key's owner); saves the log entry.</summary>
    public async Task<Contents> ReadAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        var contents = await OpenAsync(request, cancellationToken);
        processingLog.Record(ProcessingActivities.Referral, "IntakeRequestRead", request.Id);
        await db.SaveChangesAsync(cancellationToken);
        return contents;
    }

    private async Task<Contents> OpenAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        async Task<string?> Field(string column, byte[]? value) =>
            await crypto.DecryptAsync(request.Id, IntakeRequest.Table, column, request.Id, value, cancellationToken);

        return new Contents(
            await Field(nameof(IntakeRequest.Alias), request.Alias),
            await Field(nameof(IntakeRequest.ContactDetails), request.ContactDetails),
            await Field(nameof(IntakeRequest.Message), request.Message),
            await Field(nameof(IntakeRequest.DecisionNote), request.DecisionNote));
    }

    private async Task<byte[]?> SealAsync(IntakeRequest request, string column, string? value, CancellationToken cancellationToken) =>
        await crypto.EncryptAsync(request.Id, IntakeRequest.Table, column, request.Id, IntakeRules.Clean(value), cancellationToken);
}
