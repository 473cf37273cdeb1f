using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Contact;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Intake;

/// <summary>
/// One application in the intake queue: what it says (decrypted; the read is logged), the link to its conversation
/// for a receipt-code self-referral, and the decision: take it on (a client and a trajectory, with the person's
/// consent) or not (with a note the referrer never sees). Requests of another organisation do not exist here (404).
/// </summary>
[Authorize(Roles = IntakeRecords.StaffRoles)]
public sealed class DetailsModel(
    BakenDbContext db, IntakeRecords records, AnonymousReports reports, ClientAccess clientAccess, IStringLocalizer<SharedResource> t) : PageModel
{
    public IntakeRequest Application { get; private set; } = null!;

    public IntakeRecords.Contents Contents { get; private set; } = new(null, null, null, null);

    public string? Referrer { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>Whether the user answers the anonymous channel (so the link to the conversation opens).</summary>
    public bool CanOpenConversation { get; private set; }

    public bool CanOpenClient { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>The version the decision forms were made from: a decision on a changed request is refused.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public TrajectoryType? Type { get; set; } = TrajectoryType.Exit;

    [BindProperty]
    public bool Consent { get; set; }

    [BindProperty]
    public string? AcceptNote { get; set; }

    [BindProperty]
    public string? DeclineNote { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice = done is "declined" ? done : null;
        await ShowAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Type is null || !Enum.IsDefined(Type.Value))
        {
            ModelState.AddModelError(nameof(Type), t["Trajectory_TypeRequired"]);
        }

        if (!Consent)
        {
            ModelState.AddModelError(nameof(Consent), t["Intake_ConsentRequired"]);
        }

        if (IntakeRules.Clean(AcceptNote)?.Length > IntakeRules.MaxNote)
        {
            ModelState.AddModelError(nameof(AcceptNote), t["Field_TooLong", IntakeRules.MaxNote]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(cancellationToken);
        }

        var acceptance = new IntakeRecords.Acceptance(
            Version, Type!.Value, AcceptNote, t[$"Intake_JournalHeading_{Application.Source}"], User.IsInRole(Roles.Casemanager));
        var (clientId, refusal) = await records.AcceptAsync(Application, acceptance, User.UserId()!.Value, cancellationToken);
        if (refusal is not null)
        {
            return await RefusedAsync(id, refusal, cancellationToken);
        }

        return RedirectToPage("/Clients/File", new { id = clientId, created = true });
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var note = IntakeRules.Clean(DeclineNote);
        if (note is null)
        {
            ModelState.AddModelError(nameof(DeclineNote), t["Intake_DeclineNoteRequired"]);
        }
        else if (note.Length > IntakeRules.MaxNote)
        {
            ModelState.AddModelError(nameof(DeclineNote), t["Field_TooLong", IntakeRules.MaxNote]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(cancellationToken);
        }

        if (await records.DeclineAsync(Application, Version, note!, User.UserId()!.Value, cancellationToken) is { } refusal)
        {
            return await RefusedAsync(id, refusal, cancellationToken);
        }

        return RedirectToPage(new { id, done = "declined" });
    }

    /// <summary>Decided or changed by a colleague meanwhile: the page as it is now, with what was typed kept.</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, string refusal, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, t[refusal]);
        ModelState.Remove(nameof(Version));
        Version = Application.Version;
        await ShowAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        await ShowAsync(cancellationToken, keepVersion: true);
        return Page();
    }

    private async Task<bool> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await records.Visible(User).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        Application = request!;
        return request is not null;
    }

    private async Task ShowAsync(CancellationToken cancellationToken, bool keepVersion = false)
    {
        if (!keepVersion)
        {
            Version = Application.Version;
        }

        Contents = await records.ReadAsync(Application, cancellationToken);
        Referrer = await db.Organisations.Where(o => o.Id == Application.ReferrerOrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        DecidedBy = await db.Users.Where(u => u.Id == Application.DecidedByUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        CanOpenConversation = Application.ReportId is { } reportId
            && await reports.Visible(User).AnyAsync(r => r.Id == reportId, cancellationToken);
        CanOpenClient = Application.ClientId is { } clientId && await clientAccess.CanOpenAsync(User, clientId, cancellationToken);
    }
}
