using Baken.Features.Clients;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Trajectories;

/// <summary>
/// The trajectory page: state and its history, intake, the care team with missing roles, and the form to move
/// to the next state. Reading it is logged; changing the state checks the version the user saw.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class DetailsModel(
    BakenDbContext db,
    TrajectoryAccess access,
    TrajectoryRecords records,
    Referrals.ReferralRecords referrals,
    ClientCrypto crypto,
    ProcessingLogWriter processingLog,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record MemberRow(Guid Id, string Name, string Organisation, TeamRole? Role, DateTime FromUtc);

    public sealed record TransitionRow(TrajectoryState? From, TrajectoryState To, ClosureOutcome? Outcome, DateTime AtUtc, string By, string? Note);

    public sealed class Command
    {
        public TrajectoryState? To { get; set; }

        public ClosureOutcome? Outcome { get; set; }

        public string Evaluation { get; set; } = string.Empty;

        public string Note { get; set; } = string.Empty;

        public int Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(c => c.To).NotNull().IsInEnum().WithMessage(t["Trajectory_ChooseState"]);
            RuleFor(c => c.Outcome).NotNull().When(c => c.To == TrajectoryState.Closed).WithMessage(t["Trajectory_CloseNeedsOutcome"]);
            RuleFor(c => c.Outcome).IsInEnum().When(c => c.Outcome is not null).WithMessage(t["Form_InvalidChoice"]);
            RuleFor(c => c.Evaluation).MaximumLength(2000).WithMessage(t["Field_TooLong", 2000]);
            RuleFor(c => c.Note).MaximumLength(2000).WithMessage(t["Field_TooLong", 2000]);
        }
    }

    [BindProperty]
    public Command Input { get; set; } = new();

    public Trajectory Trajectory { get; private set; } = null!;

    public string Code { get; private set; } = string.Empty;

    public string? Alias { get; private set; }

    public bool Restricted { get; private set; }

    public TrajectoryIntake Intake { get; private set; } = new();

    public string? Evaluation { get; private set; }

    public string? ReferringOrganisation { get; private set; }

    public IReadOnlyList<MemberRow> Team { get; private set; } = [];

    public IReadOnlyList<TeamRole> MissingRoles { get; private set; } = [];

    public IReadOnlyList<TransitionRow> History { get; private set; } = [];

    public int DaysInState { get; private set; }

    public Referrals.ReferralRecords.Section ReferralSection { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new Command { Version = Trajectory.Version };
        processingLog.Record(ProcessingActivities.CaseManagement, "TrajectoryViewed", Trajectory.ClientId);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTransitionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (trajectory, client) = found;

        string? refusal = null;
        if (client.RestrictedAtUtc is not null)
        {
            refusal = "Restrict_NoChanges";
        }
        else if (trajectory.Version != Input.Version)
        {
            refusal = "Trajectory_ChangedMeanwhile";
        }

        var valid = refusal is null && Infrastructure.Web.ModelStateExtensions.AddValidationResult(ModelState, new Validator(t).Validate(Input));
        if (valid)
        {
            refusal = await records.TransitionAsync(client, trajectory, Input.To!.Value, Input.Outcome, Input.Evaluation, Input.Note, User.UserId()!.Value, cancellationToken);
        }

        if (refusal is null && valid)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Redirect($"/Trajectories/{id}");
            }
            catch (DbUpdateConcurrencyException)
            {
                refusal = "Trajectory_ChangedMeanwhile";
            }
            catch (DbUpdateException)
            {
                // Reopening lost a race with a colleague who started the same kind of trajectory.
                refusal = "Trajectory_OneOpenPerType";
            }
        }

        if (refusal is not null)
        {
            ModelState.AddModelError("Input.To", t[refusal]);
        }

        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.Version = Trajectory.Version;
        processingLog.Record(ProcessingActivities.CaseManagement, "TrajectoryViewed", Trajectory.ClientId);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return false;
        }

        var (trajectory, client) = found;

        Trajectory = trajectory;
        Code = client.Code;
        Restricted = client.RestrictedAtUtc is not null;
        Alias = await crypto.DecryptAsync(client.Id, Client.Table, nameof(Client.Alias), client.Id, client.Alias, cancellationToken);
        Intake = await records.ReadIntakeAsync(trajectory, cancellationToken);
        Evaluation = await crypto.DecryptAsync(client.Id, Trajectory.Table, nameof(Trajectory.Evaluation), trajectory.Id, trajectory.Evaluation, cancellationToken);
        ReferringOrganisation = trajectory.ReferringOrganisationId is { } referrer
            ? await db.Organisations.Where(o => o.Id == referrer).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        DaysInState = (int)(timeProvider.GetUtcNow().UtcDateTime - trajectory.StateChangedAtUtc).TotalDays;
        Team = await records.CurrentTeam(id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberRow(m.Id, u.DisplayName, u.Organisation!.Name, m.Role, m.FromUtc))
            .ToListAsync(cancellationToken);
        MissingRoles = trajectory.IsOpen
            ? TeamRules.MissingRequired(trajectory.Type, Intake, Team.Where(m => m.Role is not null).Select(m => m.Role!.Value))
            : [];
        var transitions = await db.Set<TrajectoryTransition>().AsNoTracking()
            .Where(x => x.TrajectoryId == id)
            .OrderByDescending(x => x.AtUtc)
            .Join(db.Users, x => x.ByUserId, u => u.Id, (x, u) => new { x.Id, x.From, x.To, x.Outcome, x.AtUtc, u.DisplayName, x.Note })
            .ToListAsync(cancellationToken);
        var history = new List<TransitionRow>();
        foreach (var x in transitions)
        {
            var note = await crypto.DecryptAsync(client.Id, TrajectoryTransition.Table, nameof(TrajectoryTransition.Note), x.Id, x.Note, cancellationToken);
            history.Add(new TransitionRow(x.From, x.To, x.Outcome, x.AtUtc, x.DisplayName, note));
        }

        History = history;
        ReferralSection = await referrals.SectionAsync(trajectory, cancellationToken);
        return true;
    }
}
