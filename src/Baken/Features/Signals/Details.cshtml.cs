using Baken.Features.Clients;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Signals;

/// <summary>
/// One signal: what was seen, its indicators, status history and handovers. Whoever handles it changes the
/// status, assigns, closes with a reason or asks for a handover; a second colleague approves or refuses a
/// pending handover. Each post carries the version it was made on, so a change made meanwhile is not overwritten.
/// </summary>
[Authorize(Roles = SignalAccess.Roles)]
public sealed class DetailsModel(
    BakenDbContext db,
    SignalAccess access,
    SignalRecords records,
    ClientAccess clientAccess,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public Signal Signal { get; private set; } = null!;

    public string Description { get; private set; } = string.Empty;

    public IReadOnlyList<string> IndicatorNames { get; private set; } = [];

    public IReadOnlyList<SignalRecords.EventView> History { get; private set; } = [];

    public IReadOnlyList<SignalRecords.HandoverView> Handovers { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Assignees { get; private set; } = [];

    public string? RaisedBy { get; private set; }

    public string? AssignedTo { get; private set; }

    /// <summary>The linked client's code, when this user may open the client.</summary>
    public string? ClientCode { get; private set; }

    public bool Overdue { get; private set; }

    public bool MayHandle { get; private set; }

    public bool Raised { get; private set; }

    public SignalRecords.HandoverView? Pending => Handovers.FirstOrDefault(h => h.Decision == HandoverDecision.Pending);

    public bool MayApprove(SignalRecords.HandoverView handover) =>
        SignalAccess.IsManager(User) && handover.RequestedByUserId != User.UserId() && Signal.OrganisationId == User.OrganisationId();

    [BindProperty]
    public SignalCloseReason? CloseReason { get; set; }

    [BindProperty]
    public string? CloseNote { get; set; }

    [BindProperty]
    public string? DecisionNote { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool raised = false, CancellationToken cancellationToken = default)
    {
        Raised = raised;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostStatusAsync(Guid id, SignalStatus status, int version, CancellationToken cancellationToken) =>
        HandleAsync(id, version, signal => records.ChangeStatusAsync(signal, status, User.UserId()!.Value, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(Guid id, Guid? assigneeId, int version, CancellationToken cancellationToken) =>
        HandleAsync(id, version, async signal =>
        {
            if (assigneeId is { } assignee && !await Candidates(signal.OrganisationId).AnyAsync(c => c.Id == assignee, cancellationToken))
            {
                return "Signal_AssigneeInvalid";
            }

            await records.AssignAsync(signal, assigneeId, User.UserId()!.Value, cancellationToken);
            return null;
        }, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, int version, CancellationToken cancellationToken) =>
        HandleAsync(id, version, signal =>
            CloseReason is not { } reason || !Enum.IsDefined(reason) ? Task.FromResult<string?>("Signal_CloseReasonRequired")
            : (CloseNote?.Length ?? 0) > 1000 ? Task.FromResult<string?>("Signal_NoteTooLong")
            : records.CloseAsync(signal, reason, CloseNote, User.UserId()!.Value, cancellationToken), cancellationToken);

    /// <summary>Reopening is for the Zorgcoordinator and the team lead only, not for an assignee.</summary>
    public Task<IActionResult> OnPostReopenAsync(Guid id, int version, CancellationToken cancellationToken) =>
        HandleAsync(id, version, signal => SignalAccess.IsManager(User)
            ? records.ReopenAsync(signal, User.UserId()!.Value, cancellationToken)
            : Task.FromResult<string?>("Signal_StatusNotAllowed"), cancellationToken);

    /// <summary>Approving or refusing a pending handover: the four-eyes step. The requester cannot decide their own.</summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid handoverId, bool approve, int version, CancellationToken cancellationToken)
    {
        var signal = await access.Visible(User).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        var handover = signal is null ? null
            : await db.Set<SignalHandover>().FirstOrDefaultAsync(h => h.Id == handoverId && h.SignalId == id, cancellationToken);
        if (signal is null || handover is null || !SignalAccess.IsManager(User))
        {
            return NotFound();
        }

        var error = signal.Version != version ? "Signal_ChangedMeanwhile"
            : (DecisionNote?.Length ?? 0) > 1000 ? "Signal_NoteTooLong"
            : !SignalAccess.MayApprove(User, signal, handover) ? "Handover_SecondApproverRequired"
            : await records.DecideHandoverAsync(signal, handover, approve, DecisionNote, User.UserId()!.Value, cancellationToken);
        return await AfterAsync(id, error, cancellationToken);
    }

    private async Task<IActionResult> HandleAsync(Guid id, int version, Func<Signal, Task<string?>> change, CancellationToken cancellationToken)
    {
        var signal = await access.Visible(User).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (signal is null || !SignalAccess.MayHandle(User, signal))
        {
            return NotFound();
        }

        var error = signal.Version != version ? "Signal_ChangedMeanwhile" : await change(signal);
        return await AfterAsync(id, error, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, string? error, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            return Redirect($"/Signals/{id}");
        }

        db.ChangeTracker.Clear();
        ModelState.AddModelError(string.Empty, t[error]);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Active colleagues of the organisation who work with signals.</summary>
    private IQueryable<Admin.StaffUser> Candidates(Guid organisationId)
    {
        var roles = SignalAccess.Roles.Split(',');
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.Where(u => u.IsActive && u.OrganisationId == organisationId
            && db.Set<IdentityUserRole<Guid>>().Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var signal = await access.Visible(User).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (signal is null)
        {
            return false;
        }

        Signal = signal;
        MayHandle = SignalAccess.MayHandle(User, signal);
        Overdue = SignalRules.IsOverdue(signal.Status, signal.RespondByUtc, timeProvider.GetUtcNow().UtcDateTime);
        Description = await records.ReadDescriptionAsync(signal, cancellationToken);
        IndicatorNames = await db.Set<SignalIndicatorMark>().Where(m => m.SignalId == id)
            .Join(db.Set<SignalIndicator>(), m => m.IndicatorId, i => i.Id, (m, i) => i.Name).OrderBy(n => n).ToListAsync(cancellationToken);
        History = await records.HistoryAsync(signal, cancellationToken);
        Handovers = await records.HandoversAsync(signal, cancellationToken);
        var names = await db.Users.Where(u => u.Id == signal.RaisedByUserId || u.Id == signal.AssignedToUserId)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        RaisedBy = names.FirstOrDefault(n => n.Id == signal.RaisedByUserId)?.DisplayName;
        AssignedTo = names.FirstOrDefault(n => n.Id == signal.AssignedToUserId)?.DisplayName;
        ClientCode = signal.ClientId is { } clientId
            ? await clientAccess.Openable(User).Where(c => c.Id == clientId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (MayHandle)
        {
            Assignees = [.. (await Candidates(signal.OrganisationId).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken)).OrderBy(c => c.DisplayName, StringComparer.CurrentCulture)
                .Select(c => new SelectListItem(c.DisplayName, c.Id.ToString(), c.Id == signal.AssignedToUserId))];
        }

        // The read is logged (ReadDescriptionAsync records it); saved here with nothing else.
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
