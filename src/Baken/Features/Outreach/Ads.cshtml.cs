using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Outreach;

/// <summary>
/// Ad reviews for online outreach: platform, date, indicators from the checklist, outcome. The ad's reference
/// is used only to compute its keyed hash and is then forgotten; the page says whether the ad was seen before.
/// The organisation's reviews are listed for its outreach workers and team lead.
/// </summary>
[Authorize(Roles = OutreachAccess.Roles)]
public sealed class AdsModel(BakenDbContext db, BlindIndex keyedHash, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(DateOnly ReviewedOn, string Platform, AdIndicators Indicators, AdOutcome Outcome, int TimesSeen);

    [BindProperty]
    public Guid? LocationId { get; set; }

    [BindProperty]
    public DateOnly? ReviewedOn { get; set; }

    /// <summary>The ad's link or number: hashed, never stored or logged.</summary>
    [BindProperty]
    public string? AdReference { get; set; }

    [BindProperty]
    public List<AdIndicators> Indicators { get; set; } = [];

    [BindProperty]
    public AdOutcome? Outcome { get; set; }

    public IReadOnlyList<OutreachLocation> Platforms { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    /// <summary>After a save: how often this ad was reviewed before, and when last.</summary>
    public (int Count, DateOnly? Last)? SeenBefore { get; private set; }

    public bool CanReview => User.IsInRole(Admin.Roles.Veldwerker);

    /// <summary>After a review with outcome "signal": offer to raise it now.</summary>
    public bool OfferSignal { get; private set; }

    public async Task OnGetAsync(int seen = -1, string? last = null, bool signal = false, int p = 1, CancellationToken cancellationToken = default)
    {
        OfferSignal = signal;
        await LoadAsync(p, cancellationToken);
        ReviewedOn = DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime);
        if (seen >= 0)
        {
            SeenBefore = (seen, DateOnly.TryParseExact(last, "yyyy-MM-dd", out var date) ? date : null);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(1, cancellationToken);
        if (!CanReview)
        {
            return NotFound();
        }

        var today = DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime);
        if (Platforms.All(l => l.Id != LocationId))
        {
            ModelState.AddModelError(nameof(LocationId), t["Ads_PlatformRequired"]);
        }

        if (ReviewedOn is null || ReviewedOn > today || ReviewedOn < today.AddYears(-1))
        {
            ModelState.AddModelError(nameof(ReviewedOn), t["Ads_DateInvalid"]);
        }

        if (string.IsNullOrWhiteSpace(AdReference) || AdReference.Length > 500)
        {
            ModelState.AddModelError(nameof(AdReference), t["Ads_ReferenceRequired"]);
        }

        if (Outcome is null || !Enum.IsDefined(Outcome.Value))
        {
            ModelState.AddModelError(nameof(Outcome), t["Ads_OutcomeRequired"]);
        }

        // "https://" alone, or "www.", leaves nothing to recognise the ad by.
        var hash = AdReference is { Length: <= 500 } ? await keyedHash.KeyedHashAsync(BlindIndexKind.AdReference, AdReference, cancellationToken) : null;
        if (hash is null && ModelState[nameof(AdReference)] is not { Errors.Count: > 0 })
        {
            ModelState.AddModelError(nameof(AdReference), t["Ads_ReferenceRequired"]);
        }

        if (!ModelState.IsValid || hash is null)
        {
            return Page();
        }
        var organisationId = User.OrganisationId()!.Value;
        var earlier = await db.Set<AdReview>().Where(r => r.AdHash == hash && r.OrganisationId == organisationId)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(r => r.ReviewedOn) }).FirstOrDefaultAsync(cancellationToken);
        db.Add(new AdReview
        {
            OrganisationId = organisationId,
            ReviewedByUserId = User.UserId()!.Value,
            ReviewedOn = ReviewedOn!.Value,
            LocationId = LocationId!.Value,
            AdHash = hash,
            Indicators = Indicators.Where(i => Enum.IsDefined(i)).Aggregate(AdIndicators.None, (all, i) => all | i),
            Outcome = Outcome!.Value,
        });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new
        {
            seen = earlier?.Count ?? 0,
            last = earlier?.Last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            signal = Outcome == AdOutcome.Signal ? true : (bool?)null,
        });
    }

    private async Task LoadAsync(int p, CancellationToken cancellationToken)
    {
        Platforms = await db.Set<OutreachLocation>().AsNoTracking()
            .Where(l => l.RetiredAtUtc == null && l.Kind >= LocationKind.Forum).OrderBy(l => l.Name).ToListAsync(cancellationToken);
        var organisationId = User.OrganisationId() ?? Guid.Empty;
        var reviews = db.Set<AdReview>().AsNoTracking().Where(r => r.OrganisationId == organisationId);
        var (page, paging) = await reviews
            .OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id)
            .Select(r => new Row(
                r.ReviewedOn,
                db.Set<OutreachLocation>().Where(l => l.Id == r.LocationId).Select(l => l.Name).First(),
                r.Indicators,
                r.Outcome,
                reviews.Count(o => o.AdHash == r.AdHash)))
            .ToPageAsync(p, cancellationToken);
        Rows = page;
        Paging = paging;
    }
}
