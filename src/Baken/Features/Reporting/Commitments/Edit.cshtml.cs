using Baken.Features.Admin;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Reporting.Commitments;

/// <summary>
/// Edits the details of a commitment (its status moves on the details page, with history). Two officers editing
/// at once: the second save is refused, the page shows the commitment as the first left it next to what the
/// second typed, and nothing is lost.
/// </summary>
[Authorize(Roles = Roles.Beleidsmedewerker)]
public sealed class EditModel(BakenDbContext db, CommitmentRecords records, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public CommitmentForm Input { get; set; } = new();

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    /// <summary>Set when this save lost a race: the commitment as it is now, shown beside the input.</summary>
    public CouncilCommitment? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var commitment = await db.Set<CouncilCommitment>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (commitment is null)
        {
            return NotFound();
        }

        Id = id;
        Number = commitment.Number;
        Input = CommitmentForm.From(commitment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var commitment = await records.FindAsync(id, cancellationToken);
        if (commitment is null)
        {
            return NotFound();
        }

        Id = id;
        Number = commitment.Number;
        var today = DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime);
        if (!ModelState.AddValidationResult(new CommitmentForm.Validator(t, today).Validate(Input)))
        {
            return Page();
        }

        var draft = Input.ToDraft(today);
        var refusal = await records.UpdateAsync(commitment, Input.Version, draft, cancellationToken);
        if (refusal is null)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Redirect($"/Reporting/Commitments/{id}");
            }
            catch (DbUpdateConcurrencyException)
            {
                refusal = CommitmentRecords.ChangedMeanwhile;
            }
            catch (DbUpdateException)
            {
                // The unique index refused a number registered meanwhile by someone else.
                db.ChangeTracker.Clear();
                if (!await records.NumberTakenAsync(draft.Number, id, cancellationToken))
                {
                    throw;
                }

                refusal = CommitmentRecords.NumberTaken;
            }
        }

        if (refusal == CommitmentRecords.NumberTaken)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(CommitmentForm.Number)}", t[refusal]);
            return Page();
        }

        db.ChangeTracker.Clear();
        Current = await db.Set<CouncilCommitment>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (Current is null)
        {
            return NotFound();
        }

        // What was typed stays; the form now carries the new version, so saving again is a deliberate choice.
        Input.Version = Current.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(CommitmentForm.Version)}");
        ModelState.AddModelError(string.Empty, t[refusal]);
        return Page();
    }
}
