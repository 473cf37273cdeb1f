using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Portal;

/// <summary>
/// The public portal's home: where to go for help today, from the directory: what is open now, what opens later
/// today, and otherwise the next consultation hours. No sign-in, nothing stored, nothing from another site.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(PortalDirectory directory) : PageModel
{
    public const int NextDays = 7;

    public IReadOnlyList<PortalDirectory.Opening> OpenNow { get; private set; } = [];

    public IReadOnlyList<PortalDirectory.Opening> LaterToday { get; private set; } = [];

    /// <summary>When nothing more is open today: the next hours in the coming week.</summary>
    public IReadOnlyList<PortalDirectory.Opening> Next { get; private set; } = [];

    /// <summary>Now, in the city's local time.</summary>
    public DateTime NowLocal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NowLocal = directory.NowLocal;
        var upcoming = PortalDirectory.Upcoming(await directory.ServicesAsync(new PortalDirectory.Filter(), cancellationToken), NowLocal, NextDays);
        OpenNow = [.. upcoming.Where(o => o.OpenNow)];
        LaterToday = [.. upcoming.Where(o => !o.OpenNow && o.StartsLocal.Date == NowLocal.Date)];
        if (OpenNow.Count == 0 && LaterToday.Count == 0)
        {
            Next = [.. upcoming.Take(6)];
        }
    }
}
