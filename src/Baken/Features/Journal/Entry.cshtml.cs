using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Journal;

/// <summary>One journal entry with its earlier versions; its author edits it here. Not readable: 404.</summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class EntryModel(
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

    public JournalRecords.EntryView Current { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public IReadOnlyList<JournalRecords.VersionView> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, entryId, cancellationToken))
        {
            return NotFound();
        }

        Input = new EntryForm
        {
            Kind = Current.Kind,
            OccurredAt = DisplayTime.LocalInput(Current.OccurredAtUtc),
            Visibility = Current.Visibility,
            Text = Current.Text,
            Version = Current.Version,
        };
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (trajectory, client) = found;
        var userId = User.UserId()!.Value;
        var entry = await journal.Readable(id, userId).FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (ModelState.AddValidationResult(new EntryForm.Validator(t, now, trajectory.CreatedAtUtc.AddYears(-1)).Validate(Input)))
        {
            var refusal = client.RestrictedAtUtc is not null ? "Restrict_NoChanges"
                : await journal.EditAsync(client, trajectory, entry, Input.Version, Input.Kind!.Value, Input.OccurredAtUtc!.Value, Input.Visibility, Input.Text, userId, cancellationToken);
            if (refusal is null)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return Redirect($"/Trajectories/{id}/Journal/{entryId}");
                }
                catch (DbUpdateConcurrencyException)
                {
                    refusal = "Journal_ChangedMeanwhile";
                }
            }

            ModelState.AddModelError(string.Empty, t[refusal]);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, entryId, cancellationToken);
        Input.Version = Current.Version;
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return false;
        }

        var userId = User.UserId()!.Value;
        var entries = await journal.ReadAsync(journal.Readable(id, userId).Where(e => e.Id == entryId), found.Client.Id, cancellationToken);
        if (entries.Count == 0)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        TrajectoryId = id;
        Code = found.Client.Code;
        Current = entries[0];
        CanEdit = found.Trajectory.IsOpen && Current.AuthorUserId == userId;

        // Earlier versions may have had a narrower audience than the entry has now: only its author and the case
        // manager, who could read every version, see them.
        Versions = Current.AuthorUserId == userId || await journal.IsCaseManagerAsync(id, userId, cancellationToken)
            ? await journal.VersionsAsync(found.Client.Id, entryId, cancellationToken)
            : [];
        return true;
    }
}
