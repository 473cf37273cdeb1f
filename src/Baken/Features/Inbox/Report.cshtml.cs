using System.Globalization;
using Baken.Features.Clients;
using Baken.Features.Contact;
using Baken.Features.Intake;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Baken.Features.Inbox;

/// <summary>
/// One anonymous report for the team: the conversation (the read is logged), an answer with standard replies in
/// the reporter's language, closing and reopening, and turning it into a signal or an intake (an anonymous client,
/// with the reporter's consent). Reports of another organisation do not exist here (404).
/// </summary>
[Authorize(Roles = AnonymousReports.StaffRoles)]
public sealed class ReportModel(
    BakenDbContext db,
    AnonymousReports reports,
    ClientRecords clients,
    ClientAccess clientAccess,
    IntakeRecords intakeRecords,
    ProcessingLogWriter processingLog,
    TimeProvider timeProvider,
    IOptions<AnonymousChannelOptions> options,
    IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The standard replies; each has a label (<c>InboxReply_{name}_Label</c>) and a text (<c>InboxReply_{name}_Text</c>) in both languages.</summary>
    public static readonly string[] StandardReplies = ["Thanks", "MoreInfo", "Meet", "Emergency", "Closing"];

    public AnonymousReport Report { get; private set; } = null!;

    public IReadOnlyList<AnonymousReports.MessageView> Messages { get; private set; } = [];

    public bool CanOpenClient { get; private set; }

    /// <summary>
    /// The reporter also asked for help through "I want to stop" with this receipt code: that request waits in the
    /// intake queue, so making an intake here as well would make the same person twice.
    /// </summary>
    public Guid? PendingIntakeRequestId { get; private set; }

    public bool CanOpenIntakeRequest { get; private set; }

    public string? Notice { get; private set; }

    public int MaxLength => options.Value.MaxMessageLength;

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? StandardReply { get; set; }

    [BindProperty]
    public string? SubmissionKey { get; set; }

    [BindProperty]
    public string? Alias { get; set; }

    [BindProperty]
    public bool IntakeConsent { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice = done is "sent" or "closed" or "reopened" ? done : null;
        SubmissionKey = Guid.NewGuid().ToString();
        await ShowAsync(cancellationToken);
        return Page();
    }

    /// <summary>Puts a standard reply, in the reporter's language, after what was typed (works without JavaScript).</summary>
    public async Task<IActionResult> OnPostInsertAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (StandardReply is null || !StandardReplies.Contains(StandardReply))
        {
            ModelState.AddModelError(nameof(StandardReply), t["Form_InvalidChoice"]);
        }
        else
        {
            var reply = InLanguage(Report.Language, () => t[$"InboxReply_{StandardReply}_Text"].Value);
            Text = string.IsNullOrWhiteSpace(Text) ? reply : Text.TrimEnd() + "\n\n" + reply;
            ModelState.Remove(nameof(Text));
            StandardReply = null;
            ModelState.Remove(nameof(StandardReply));
        }

        await ShowAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Report.Status == ReportStatus.Closed)
        {
            ModelState.AddModelError(string.Empty, t["Inbox_ClosedNoReply"]);
        }
        else if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Text), t["Inbox_TextRequired"]);
        }
        else if (Text.Trim().Length > MaxLength)
        {
            ModelState.AddModelError(nameof(Text), t["Field_TooLong", MaxLength]);
        }

        if (!Guid.TryParse(SubmissionKey, out var submissionKey) || submissionKey == Guid.Empty)
        {
            ModelState.AddModelError(string.Empty, t["Inbox_FormExpired"]);
            SubmissionKey = Guid.NewGuid().ToString();
        }

        if (ModelState.IsValid && !await reports.WriteAsync(Report, User.UserId()!.Value, Text!, submissionKey, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, t["Inbox_AlreadySent"]);
            db.ChangeTracker.Clear();
            await FindAsync(id, cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            await ShowAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/Inbox/{id}?done=sent");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, bool close, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if ((Report.Status == ReportStatus.Closed) != close)
        {
            await reports.CloseAsync(Report, close, cancellationToken);
        }

        return Redirect($"/Inbox/{id}?done={(close ? "closed" : "reopened")}");
    }

    /// <summary>
    /// The reporter asks for support: an anonymous client of the report's organisation, with consent for case
    /// management, linked to the report, all in one transaction. The worker joins the client's team.
    /// </summary>
    public async Task<IActionResult> OnPostIntakeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Report.ClientId is not null)
        {
            ModelState.AddModelError(string.Empty, t["Inbox_AlreadyIntake"]);
        }
        else if (await PendingIntakeRequestAsync(cancellationToken) is not null)
        {
            ModelState.AddModelError(string.Empty, t["Inbox_IntakeRequestPending"]);
        }

        if (!IntakeConsent)
        {
            ModelState.AddModelError(nameof(IntakeConsent), t["Inbox_IntakeConsentRequired"]);
        }

        if ((Alias?.Trim().Length ?? 0) > 100)
        {
            ModelState.AddModelError(nameof(Alias), t["Field_TooLong", 100]);
        }

        if (!ModelState.IsValid)
        {
            SubmissionKey = Guid.NewGuid().ToString();
            await ShowAsync(cancellationToken);
            return Page();
        }

        var userId = User.UserId()!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var client = await clients.CreateAsync(
            IdentityLevel.Anonymous, new ClientIdentity { Alias = string.IsNullOrWhiteSpace(Alias) ? null : Alias.Trim() }, Report.OrganisationId, userId, cancellationToken);
        db.Add(new Consent
        {
            ClientId = client.Id,
            Purpose = ConsentPurpose.CaseManagement,
            LegalBasis = LegalBasis.Consent,
            GivenAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            RecordedByUserId = userId,
        });
        Report.ClientId = client.Id;
        Report.Version++;
        processingLog.Record(ProcessingActivities.CaseManagement, "ClientCreatedFromReport", client.Id);
        processingLog.Record(ProcessingActivities.AnonymousContact, "ReportIntakeMade", Report.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the report meanwhile (a double click, a colleague): nothing of this is kept.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await FindAsync(id, cancellationToken);
            ModelState.AddModelError(string.Empty, t[Report.ClientId is null ? "Inbox_ChangedMeanwhile" : "Inbox_AlreadyIntake"]);
            SubmissionKey = Guid.NewGuid().ToString();
            await ShowAsync(cancellationToken);
            return Page();
        }

        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/Clients/{client.Id}?created=true");
    }

    /// <summary>A text of the shared resources in the given language ("nl" or "en"), whatever the page's language.</summary>
    private static string InLanguage(string language, Func<string> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "en" ? "en" : "nl");
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private async Task<bool> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await reports.Visible(User).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        Report = report!;
        return report is not null;
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        Messages = await reports.ReadAsync(Report, staff: true, cancellationToken);
        CanOpenClient = Report.ClientId is { } clientId && await clientAccess.CanOpenAsync(User, clientId, cancellationToken);
        PendingIntakeRequestId = Report.ClientId is null ? await PendingIntakeRequestAsync(cancellationToken) : null;
        CanOpenIntakeRequest = PendingIntakeRequestId is { } requestId
            && await intakeRecords.Visible(User).AnyAsync(r => r.Id == requestId, cancellationToken);
    }

    private Task<Guid?> PendingIntakeRequestAsync(CancellationToken cancellationToken) =>
        db.Set<IntakeRequest>().Where(r => r.ReportId == Report.Id && r.Status == IntakeStatus.Received)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
}
