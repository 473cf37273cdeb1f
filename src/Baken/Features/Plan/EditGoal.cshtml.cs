using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Plan;

/// <summary>
/// Edits a goal and adds actions to it. Two colleagues editing the same goal: the second save is refused, the
/// page shows the goal as the first left it next to what the second typed, and nothing is lost.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class EditGoalModel(
    BakenDbContext db,
    TrajectoryAccess access,
    PlanRecords plan,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public GoalForm Input { get; set; } = new();

    [BindProperty]
    public string? ActionText { get; set; }

    [BindProperty]
    public DateOnly? ActionDue { get; set; }

    public Guid TrajectoryId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public bool Open { get; private set; }

    public string DomainName { get; private set; } = string.Empty;

    public PlanRecords.GoalView Current { get; private set; } = null!;

    /// <summary>Set when this user's save lost a race: the goal as it is now, shown beside their own input.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid goalId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, goalId, cancellationToken) is null)
        {
            return NotFound();
        }

        Input = new GoalForm { Text = Current.Text, OwnerRole = Current.OwnerRole, TargetDate = Current.TargetDate, Status = Current.Status, Version = Current.Version };
        plan.RecordRead((await access.FindAsync(User, id, cancellationToken))!.Value.Client.Id, "GoalViewed");
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid goalId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, goalId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (trajectory, client, goal) = found;
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        if (!ModelState.AddValidationResult(new GoalForm.Validator(t, today, isNew: false).Validate(Input)))
        {
            return await ShowAsync(client.Id, cancellationToken);
        }

        var refusal = client.RestrictedAtUtc is not null ? "Restrict_NoChanges"
            : await plan.UpdateGoalAsync(client, trajectory, goal, Input.Version, Input.Text, Input.OwnerRole, Input.TargetDate, Input.Status, cancellationToken);
        if (refusal is null)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Redirect($"/Trajectories/{id}/Plan#goal-{goalId}");
            }
            catch (DbUpdateConcurrencyException)
            {
                refusal = "Goal_ChangedMeanwhile";
            }
        }

        if (refusal == "Goal_ChangedMeanwhile")
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, goalId, cancellationToken);
            Conflict = true;
            Input.Version = Current.Version;
        }

        ModelState.AddModelError(string.Empty, t[refusal]);
        return await ShowAsync(client.Id, cancellationToken);
    }

    /// <summary>Shows the goal again after a refusal; it is a read of the plan, so it is logged.</summary>
    private async Task<IActionResult> ShowAsync(Guid clientId, CancellationToken cancellationToken)
    {
        plan.RecordRead(clientId, "GoalViewed");
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostActionAsync(Guid id, Guid goalId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, goalId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (trajectory, client, goal) = found;
        Input = new GoalForm { Text = Current.Text, OwnerRole = Current.OwnerRole, TargetDate = Current.TargetDate, Status = Current.Status, Version = Current.Version };
        if (string.IsNullOrWhiteSpace(ActionText) || ActionText.Trim().Length < 3)
        {
            ModelState.AddModelError(nameof(ActionText), t["Goal_ActionRequired"]);
        }
        else if (ActionText.Length > 500)
        {
            ModelState.AddModelError(nameof(ActionText), t["Field_TooLong", 500]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(client.Id, cancellationToken);
        }

        var refusal = client.RestrictedAtUtc is not null ? "Restrict_NoChanges"
            : await plan.AddActionAsync(client, trajectory, goal, ActionText!, ActionDue, cancellationToken);
        if (refusal is not null)
        {
            ModelState.AddModelError(nameof(ActionText), t[refusal]);
            return await ShowAsync(client.Id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/Trajectories/{id}/Goals/{goalId}");
    }

    private async Task<(Trajectory Trajectory, Client Client, Goal Goal)?> LoadAsync(Guid id, Guid goalId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return null;
        }

        var goal = await db.Set<Goal>().FirstOrDefaultAsync(g => g.Id == goalId && g.TrajectoryId == id, cancellationToken);
        if (goal is null)
        {
            return null;
        }

        TrajectoryId = id;
        Code = found.Client.Code;
        Open = found.Trajectory.IsOpen;
        DomainName = await db.Set<LifeDomain>().Where(d => d.Id == goal.DomainId).Select(d => d.Name).SingleAsync(cancellationToken);
        Current = (await plan.GoalsAsync(found.Trajectory, cancellationToken, goalId)).Single();
        return (found.Trajectory, found.Client, goal);
    }
}
