using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Plan;

/// <summary>Adds a goal in one life domain, with who carries it and by when.</summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class NewGoalModel(
    BakenDbContext db,
    TrajectoryAccess access,
    PlanRecords plan,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public GoalForm Input { get; set; } = new();

    public Guid TrajectoryId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> Domains { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? domain, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        Input.DomainId = domain;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        if (!ModelState.AddValidationResult(new GoalForm.Validator(t, today, isNew: true).Validate(Input)))
        {
            return Page();
        }

        var (trajectory, client) = found;
        var (_, refusal) = client.RestrictedAtUtc is not null ? (null, "Restrict_NoChanges")
            : await plan.AddGoalAsync(client, trajectory, Input.DomainId!.Value, Input.Text, Input.OwnerRole, Input.TargetDate, User.UserId()!.Value, cancellationToken);
        if (refusal is not null)
        {
            ModelState.AddModelError("Input.DomainId", t[refusal]);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/Trajectories/{id}/Plan");
    }

    private async Task<(Trajectory Trajectory, Client Client)?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(User, id, cancellationToken);
        if (found is { } f)
        {
            TrajectoryId = id;
            Code = f.Client.Code;
            Domains = [.. (await plan.DomainsAsync(includeRetired: false, cancellationToken)).Select(d => new SelectListItem(d.Name, d.Id.ToString()))];
        }

        return found;
    }
}
