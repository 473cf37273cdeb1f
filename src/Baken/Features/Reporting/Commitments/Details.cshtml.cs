using Baken.Features.Admin;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Reporting.Commitments;

/// <summary>
/// One commitment: its details, the figures it is about, its status history, and the form that moves it on. The
/// form carries the version it was filled in on: a change made meanwhile is shown, never overwritten.
/// </summary>
[Authorize(Roles = Roles.Beleidsmedewerker)]
public sealed class DetailsModel(BakenDbContext db, CommitmentRecords records, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    public CouncilCommitment Commitment { get; private set; } = null!;

    public IReadOnlyList<CommitmentRecords.ChangeView> History { get; private set; } = [];

    [BindProperty]
    public StatusChangeForm Change { get; set; } = new();

    public bool Registered { get; private set; }

    public bool StatusChanged { get; private set; }

    /// <summary>Set when the status change was refused because someone changed the commitment first.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool registered = false, bool changed = false, CancellationToken cancellationToken = default)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Registered = registered;
        StatusChanged = changed;
        Change = StatusChangeForm.From(Commitment);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken cancellationToken)
    {
        var commitment = await records.FindAsync(id, cancellationToken);
        if (commitment is null)
        {
            return NotFound();
        }

        var today = DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime);
        string? refusal = null;
        if (commitment.Version != Change.Version)
        {
            refusal = CommitmentRecords.ChangedMeanwhile;
        }
        else if (ModelState.AddValidationResult(new StatusChangeForm.Validator(t, commitment, today).Validate(Change), nameof(Change)))
        {
            refusal = records.ChangeStatus(commitment, Change.Version, Change.ParsedStatus!.Value, Change.ToLetter(), CommitmentForm.Normalise(Change.Note), User.UserId()!.Value);
            if (refusal is null)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return Redirect($"/Reporting/Commitments/{id}?changed=true#history");
                }
                catch (DbUpdateConcurrencyException)
                {
                    refusal = CommitmentRecords.ChangedMeanwhile;
                }
            }
        }

        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (refusal == CommitmentRecords.ChangedMeanwhile)
        {
            // What was typed stays; the form now carries the new version, so sending it again is a deliberate choice.
            Conflict = true;
            Change.Version = Commitment.Version;
        }

        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, t[refusal]);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var commitment = await db.Set<CouncilCommitment>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (commitment is null)
        {
            return false;
        }

        Commitment = commitment;
        History = await records.HistoryAsync(id, cancellationToken);
        return true;
    }
}
