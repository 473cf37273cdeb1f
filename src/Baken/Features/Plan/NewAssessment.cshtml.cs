using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Plan;

/// <summary>
/// Records an assessment: a score from 1 to 5 per life domain (leaving a domain out is allowed), optionally the
/// client's own score beside it, on a date that is not in the future and not before the trajectory started.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class NewAssessmentModel(
    BakenDbContext db,
    TrajectoryAccess access,
    PlanRecords plan,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public DateOnly? AssessedOn { get; set; }

    [BindProperty]
    public bool WithClient { get; set; }

    /// <summary>
    /// Score per domain id, as posted (<c>ScoresByDomain[domainId]</c>); empty means not scored. Keyed by string:
    /// with nothing posted under the prefix, MVC binds the whole form, whose other keys are no domain ids.
    /// </summary>
    [BindProperty]
    public Dictionary<string, string> ScoresByDomain { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string> ClientScoresByDomain { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    public Guid TrajectoryId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public IReadOnlyList<LifeDomain> Domains { get; private set; } = [];

    public IReadOnlyList<ScaleLevel> Scale { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        AssessedOn = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (trajectory, client) = found;
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        if (AssessedOn is null)
        {
            ModelState.AddModelError(nameof(AssessedOn), t["Assessment_DateRequired"]);
        }
        else if (AssessedOn > today)
        {
            ModelState.AddModelError(nameof(AssessedOn), t["Assessment_DateInFuture"]);
        }
        else if (AssessedOn < DateOnly.FromDateTime(trajectory.CreatedAtUtc))
        {
            ModelState.AddModelError(nameof(AssessedOn), t["Assessment_DateBeforeStart"]);
        }

        var scores = ReadScores(ScoresByDomain, nameof(ScoresByDomain));
        var clientScores = ReadScores(ClientScoresByDomain, nameof(ClientScoresByDomain));
        if (scores.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, t["Assessment_NoScores"]);
        }

        if ((Note?.Length ?? 0) > 2000)
        {
            ModelState.AddModelError(nameof(Note), t["Field_TooLong", 2000]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var refusal = client.RestrictedAtUtc is not null ? "Restrict_NoChanges"
            : await plan.AddAssessmentAsync(client, trajectory, AssessedOn!.Value, WithClient, scores, clientScores, Note, User.UserId()!.Value, cancellationToken);
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, t[refusal]);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/Trajectories/{id}/Plan");
    }

    /// <summary>Scores of active domains only; anything outside 1–5 is an error next to its field.</summary>
    private Dictionary<Guid, int> ReadScores(Dictionary<string, string> posted, string field)
    {
        var scores = new Dictionary<Guid, int>();
        foreach (var (key, value) in posted)
        {
            if (string.IsNullOrWhiteSpace(value) || !Guid.TryParse(key, out var domain) || Domains.All(d => d.Id != domain))
            {
                continue;
            }

            if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5)
            {
                scores[domain] = score;
            }
            else
            {
                ModelState.AddModelError($"{field}[{domain}]", t["Assessment_ScoreRange"]);
            }
        }

        return scores;
    }

    private async Task<(Trajectory Trajectory, Client Client)?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(User, id, cancellationToken);
        if (found is { } f)
        {
            TrajectoryId = id;
            Code = f.Client.Code;
            Domains = await plan.DomainsAsync(includeRetired: false, cancellationToken);
            Scale = await plan.ScaleAsync(cancellationToken);
        }

        return found;
    }
}
