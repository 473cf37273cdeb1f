using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Plan;

/// <summary>
/// The life-domain plan of a trajectory: an overview of all domains (first against latest score), the progress
/// of each domain as a chart with a table alternative, the goals with their actions, and when the next
/// assessment is due.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class IndexModel(
    BakenDbContext db,
    TrajectoryAccess access,
    PlanRecords plan,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record DomainRow(LifeDomain Domain, IReadOnlyList<ProgressChart.Point> Points, int? First, int? Latest, int? ClientLatest, IReadOnlyList<PlanRecords.GoalView> Goals);

    public Trajectory Trajectory { get; private set; } = null!;

    public string Code { get; private set; } = string.Empty;

    public IReadOnlyList<DomainRow> Domains { get; private set; } = [];

    public IReadOnlyList<ScaleLevel> Scale { get; private set; } = [];

    public int AssessmentCount { get; private set; }

    public DateOnly? NextDue { get; private set; }

    public bool Overdue { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        await LoadAsync(found.Trajectory, found.Client, cancellationToken);
        plan.RecordRead(found.Client.Id, "PlanViewed");
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostActionAsync(Guid id, Guid goalId, Guid actionId, bool done, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var refusal = found.Client.RestrictedAtUtc is not null ? "Restrict_NoChanges"
            : await plan.SetActionDoneAsync(found.Client, found.Trajectory, goalId, actionId, done, cancellationToken);
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, t[refusal]);
            db.ChangeTracker.Clear();
            await LoadAsync(found.Trajectory, found.Client, cancellationToken);
            plan.RecordRead(found.Client.Id, "PlanViewed");
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/Trajectories/{id}/Plan#goal-{goalId}");
    }

    private async Task LoadAsync(Trajectory trajectory, Client client, CancellationToken cancellationToken)
    {
        Trajectory = trajectory;
        Code = client.Code;
        Scale = await plan.ScaleAsync(cancellationToken);
        var assessments = await plan.AssessmentsAsync(trajectory, cancellationToken);
        var goals = await plan.GoalsAsync(trajectory, cancellationToken);
        var used = assessments.SelectMany(a => a.Scores.Keys).Concat(goals.Select(g => g.DomainId)).ToHashSet();
        var domains = (await plan.DomainsAsync(includeRetired: true, cancellationToken)).Where(d => d.RetiredAtUtc is null || used.Contains(d.Id));
        Domains = [.. domains.Select(d =>
        {
            var points = assessments.Where(a => a.Scores.ContainsKey(d.Id)).Select(a => new ProgressChart.Point(a.AssessedOn, a.Scores[d.Id])).ToList();
            var clientLatest = assessments.LastOrDefault(a => a.ClientScores.ContainsKey(d.Id))?.ClientScores[d.Id];
            return new DomainRow(d, points, points.FirstOrDefault()?.Score, points.LastOrDefault()?.Score, clientLatest, [.. goals.Where(g => g.DomainId == d.Id)]);
        })];
        AssessmentCount = assessments.Count;
        NextDue = plan.NextAssessmentDue(trajectory, assessments.LastOrDefault()?.AssessedOn);
        Overdue = NextDue is { } due && due < DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
    }
}
