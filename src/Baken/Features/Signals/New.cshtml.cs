using Baken.Features.Clients;
using Baken.Features.Contact;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Signals;

/// <summary>
/// Raising a signal: source, category, indicators, description, urgency (the deadline follows from it unless
/// set), and a client when known. Started from an anonymous report, it takes over the reporter's words and
/// links the report; the report's text is read on the server, never passed through a URL.
/// </summary>
[Authorize(Roles = SignalAccess.Roles)]
public sealed class NewModel(
    BakenDbContext db,
    SignalRecords signals,
    ClientAccess clientAccess,
    AnonymousReports reports,
    ProcessingLogWriter processingLog,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxDescription = 4000;

    [BindProperty]
    public SignalSource? Source { get; set; }

    [BindProperty]
    public SignalCategory? Category { get; set; }

    [BindProperty]
    public SignalUrgency? Urgency { get; set; }

    /// <summary>Local date and time; empty means the default deadline of the urgency.</summary>
    [BindProperty]
    public string? RespondBy { get; set; }

    [BindProperty]
    public List<Guid> Indicators { get; set; } = [];

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? ClientCode { get; set; }

    [BindProperty]
    public Guid? ReportId { get; set; }

    public IReadOnlyList<SignalIndicator> IndicatorList { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? reportId, SignalSource? source, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Source = source is { } s && Enum.IsDefined(s) ? s : SignalSource.Staff;
        Urgency = SignalUrgency.Normal;
        if (reportId is { } id)
        {
            var report = await reports.Visible(User).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (report is null || report.SignalId is not null)
            {
                return NotFound();
            }

            ReportId = id;
            Source = SignalSource.AnonymousReport;
            Description = await reports.TranscriptAsync(report, cancellationToken);
            if (Description.Length > MaxDescription)
            {
                Description = Description[..MaxDescription];
                ModelState.AddModelError(nameof(Description), t["Signal_TranscriptShortened", MaxDescription]);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        Require(Source, nameof(Source), "Signal_SourceRequired");
        Require(Category, nameof(Category), "Signal_CategoryRequired");
        Require(Urgency, nameof(Urgency), "Signal_UrgencyRequired");
        if (string.IsNullOrWhiteSpace(Description))
        {
            ModelState.AddModelError(nameof(Description), t["Signal_DescriptionRequired"]);
        }
        else if (Description.Length > MaxDescription)
        {
            ModelState.AddModelError(nameof(Description), t["Field_TooLong", MaxDescription]);
        }

        DateTime? respondBy = null;
        if (!string.IsNullOrWhiteSpace(RespondBy))
        {
            respondBy = DisplayTime.ParseLocalInput(RespondBy);
            if (respondBy is null || respondBy < now || respondBy > now.AddDays(90))
            {
                ModelState.AddModelError(nameof(RespondBy), t["Signal_RespondByInvalid"]);
            }
        }

        var unknownIndicator = Indicators.Except(IndicatorList.Select(i => i.Id)).Any();
        if (unknownIndicator)
        {
            ModelState.AddModelError(nameof(Indicators), t["Signal_IndicatorUnknown"]);
        }

        Client? client = null;
        if (!string.IsNullOrWhiteSpace(ClientCode))
        {
            client = Clients.ClientCode.Normalise(ClientCode) is { } code
                ? await clientAccess.Openable(User).FirstOrDefaultAsync(c => c.Code == code, cancellationToken)
                : null;
            if (client is null)
            {
                ModelState.AddModelError(nameof(ClientCode), t["Signal_ClientNotFound"]);
            }
            else if (client.RestrictedAtUtc is not null)
            {
                ModelState.AddModelError(nameof(ClientCode), t["Signal_ClientRestricted"]);
            }
        }

        AnonymousReport? report = null;
        if (ReportId is { } reportId)
        {
            report = await reports.Visible(User).FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
            if (report is null)
            {
                return NotFound();
            }

            if (report.SignalId is not null)
            {
                ModelState.AddModelError(string.Empty, t["Signal_ReportAlreadySignal"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var draft = new SignalRecords.Draft(
            Source!.Value, Category!.Value, Urgency!.Value, respondBy ?? now + SignalRules.ResponseTime(Urgency.Value), Description!,
            Indicators, client?.Id);
        var signal = await signals.RaiseAsync(User.OrganisationId()!.Value, User.UserId()!.Value, draft, cancellationToken);
        if (report is not null)
        {
            report.SignalId = signal.Id;
            report.Version++;
            processingLog.Record(ProcessingActivities.AnonymousContact, "ReportMadeIntoSignal", report.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/Signals/{signal.Id}?raised=true");
    }

    private void Require<TEnum>(TEnum? value, string key, string message)
        where TEnum : struct, Enum
    {
        if (value is null || !Enum.IsDefined(value.Value))
        {
            ModelState.AddModelError(key, t[message]);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        IndicatorList = await db.Set<SignalIndicator>().AsNoTracking().Where(i => i.RetiredAtUtc == null).OrderBy(i => i.Name).ToListAsync(cancellationToken);
}
