using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Trajectories;

/// <summary>Starts an exit programme or a support trajectory for a client, with the intake; one open trajectory per type.</summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class StartModel(
    BakenDbContext db,
    ClientAccess access,
    TrajectoryRecords trajectories,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public TrajectoryType? Type { get; set; }

    [BindProperty]
    public IntakeForm Input { get; set; } = new();

    /// <summary>A case manager who starts the trajectory normally becomes its fixed counsellor.</summary>
    [BindProperty]
    public bool JoinAsCaseManager { get; set; } = true;

    public Guid ClientId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } client)
        {
            return NotFound();
        }

        if (client.RestrictedAtUtc is not null)
        {
            ModelState.AddModelError(string.Empty, t["Restrict_NoChanges"]);
            return Page();
        }

        if (Type is null || !Enum.IsDefined(Type.Value))
        {
            ModelState.AddModelError(nameof(Type), t["Trajectory_TypeRequired"]);
        }

        var valid = ModelState.AddValidationResult(new IntakeForm.Validator(t, timeProvider).Validate(Input), nameof(Input)) && ModelState.IsValid;
        if (valid && Input.ReferringOrganisationId is { } referrer && !await db.Organisations.AnyAsync(o => o.Id == referrer, cancellationToken))
        {
            ModelState.AddModelError("Input.ReferringOrganisationId", t["Form_InvalidChoice"]);
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        var joinAsCaseManager = JoinAsCaseManager && User.IsInRole(Roles.Casemanager);
        var (trajectory, refusal) = await trajectories.StartAsync(
            client, Type!.Value, Input.ToIntake(), User.OrganisationId()!.Value, User.UserId()!.Value, joinAsCaseManager, cancellationToken);
        if (refusal is not null)
        {
            ModelState.AddModelError(nameof(Type), t[refusal]);
            return Page();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a colleague who started the same kind of trajectory: the unique index refused it.
            ModelState.AddModelError(nameof(Type), t["Trajectory_OneOpenPerType"]);
            return Page();
        }

        return Redirect($"/Trajectories/{trajectory!.Id}");
    }

    private async Task<Client?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var client = await access.FindOpenableAsync(User, id, cancellationToken);
        if (client is not null)
        {
            ClientId = id;
            Code = client.Code;
            Organisations = await Admin.OrganisationOptions.ListAsync(db, cancellationToken);
            ViewData["Organisations"] = Organisations;
        }

        return client;
    }
}
