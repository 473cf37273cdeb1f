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

/// <summary>Registers a commitment made to the council. A number already in the register is refused next to the field.</summary>
[Authorize(Roles = Roles.Beleidsmedewerker)]
public sealed class NewModel(BakenDbContext db, CommitmentRecords records, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public CommitmentForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var today = DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime);
        if (!ModelState.AddValidationResult(new CommitmentForm.Validator(t, today).Validate(Input)))
        {
            return Page();
        }

        var draft = Input.ToDraft(today);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (commitment, refusal) = await records.CreateAsync(draft, User.UserId()!.Value, cancellationToken);
        if (commitment is not null)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return Redirect($"/Reporting/Commitments/{commitment.Id}?registered=true");
            }
            catch (DbUpdateException)
            {
                // Someone may have registered the same number between the check and the save: the unique index refused it.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (!await records.NumberTakenAsync(draft.Number, null, cancellationToken))
                {
                    throw;
                }

                refusal = CommitmentRecords.NumberTaken;
            }
        }

        ModelState.AddModelError($"{nameof(Input)}.{nameof(CommitmentForm.Number)}", t[refusal!]);
        return Page();
    }
}
