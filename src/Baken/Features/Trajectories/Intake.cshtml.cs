using Baken.Features.Clients;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Trajectories;

/// <summary>Corrects the intake of an open trajectory; the team's missing roles follow the new flags.</summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class IntakeModel(
    BakenDbContext db,
    TrajectoryAccess access,
    TrajectoryRecords records,
    ProcessingLogWriter processingLog,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public IntakeForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public Guid TrajectoryId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Input = IntakeForm.From(await records.ReadIntakeAsync(found.Trajectory, cancellationToken));
        Version = found.Trajectory.Version;
        processingLog.Record(ProcessingActivities.CaseManagement, "TrajectoryIntakeOpened", found.Client.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (trajectory, client) = found;
        if (client.RestrictedAtUtc is not null)
        {
            ModelState.AddModelError(string.Empty, t["Restrict_NoChanges"]);
            return Page();
        }

        if (trajectory.Version != Version)
        {
            ModelState.AddModelError(string.Empty, t["Trajectory_ChangedMeanwhile"]);
            return Page();
        }

        var valid = ModelState.AddValidationResult(new IntakeForm.Validator(t, timeProvider).Validate(Input));
        if (valid && Input.ReferringOrganisationId is { } referrer && !await db.Organisations.AnyAsync(o => o.Id == referrer, cancellationToken))
        {
            ModelState.AddModelError("Input.ReferringOrganisationId", t["Form_InvalidChoice"]);
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        if (await records.UpdateIntakeAsync(client, trajectory, Input.ToIntake(), cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, t[refusal]);
            return Page();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Trajectory_ChangedMeanwhile"]);
            return Page();
        }

        return Redirect($"/Trajectories/{id}");
    }

    private async Task<(Trajectory Trajectory, Client Client)?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(User, id, cancellationToken);
        if (found is { } f)
        {
            TrajectoryId = id;
            Code = f.Client.Code;
            ViewData["Organisations"] = await Admin.OrganisationOptions.ListAsync(db, cancellationToken);
        }

        return found;
    }
}
