using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Journal;

/// <summary>
/// The journal of a trajectory: contact moments and notes, newest first and paged, with the form to add one.
/// Entries visible to the author and the case manager only are left out for everyone else.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class IndexModel(
    BakenDbContext db,
    TrajectoryAccess access,
    JournalRecords journal,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public EntryForm Input { get; set; } = new();

    public Guid TrajectoryId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public bool Open { get; private set; }

    public IReadOnlyList<JournalRecords.EntryView> Entries { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public async Task<IActionResult> OnGetAsync(Guid id, int p = 1, CancellationToken cancellationToken = default)
    {
        if (!await LoadAsync(id, p, cancellationToken))
        {
            return NotFound();
        }

        Input.OccurredAt = DisplayTime.LocalInput(timeProvider.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (trajectory, client) = found;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var valid = ModelState.AddValidationResult(new EntryForm.Validator(t, now, trajectory.CreatedAtUtc.AddYears(-1)).Validate(Input));
        string? refusal = null;
        if (valid)
        {
            refusal = client.RestrictedAtUtc is not null ? "Restrict_NoChanges"
                : await journal.AddAsync(client, trajectory, Input.Kind!.Value, Input.OccurredAtUtc!.Value, Input.Visibility, Input.Text, User.UserId()!.Value, cancellationToken);
            if (refusal is null)
            {
                await db.SaveChangesAsync(cancellationToken);
                return Redirect($"/Trajectories/{id}/Journal");
            }

            ModelState.AddModelError(string.Empty, t[refusal]);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, 1, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, int p, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return false;
        }

        TrajectoryId = id;
        Code = found.Client.Code;
        Open = found.Trajectory.IsOpen;
        var (page, paging) = await journal.Readable(id, User.UserId()!.Value)
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Select(e => e.Id)
            .ToPageAsync(p, cancellationToken);
        Paging = paging;
        var ids = page.ToList();
        Entries = [.. (await journal.ReadAsync(journal.Readable(id, User.UserId()!.Value).Where(e => ids.Contains(e.Id)), found.Client.Id, cancellationToken))
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)];
        return true;
    }
}
