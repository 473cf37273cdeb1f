using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Portal;

/// <summary>
/// Help offers: the directory's active services, filtered by topic, target group, language and walk-in, each with
/// its consultation hours and ways to get in touch. A plain GET form: works without JavaScript, stores nothing.
/// </summary>
[AllowAnonymous]
public sealed class ServicesModel(BakenDbContext db, PortalDirectory directory) : PageModel
{
    public IReadOnlyList<PortalDirectory.Card> Services { get; private set; } = [];

    public IReadOnlyList<TaxonomyTerm> Topics { get; private set; } = [];

    public IReadOnlyList<TaxonomyTerm> Groups { get; private set; } = [];

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public PortalDirectory.Filter Filter { get; private set; } = new();

    public async Task OnGetAsync(string? topic, string? group, string? language, bool walkIn = false, CancellationToken cancellationToken = default)
    {
        var terms = await db.Set<TaxonomyTerm>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        Topics = [.. terms.Where(t => t.Kind == TaxonomyKind.Topic)];
        Groups = [.. terms.Where(t => t.Kind == TaxonomyKind.TargetGroup)];
        Languages = await db.Set<DirectoryLanguage>().AsNoTracking().Select(l => l.Code).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);

        // Unknown values are ignored rather than refused: a filter that matches nothing shows the empty state.
        Filter = new PortalDirectory.Filter(
            Topics.Any(t => t.Code == topic) ? topic : null,
            Groups.Any(t => t.Code == group) ? group : null,
            Languages.Contains(language ?? string.Empty) ? language : null,
            walkIn);
        Services = await directory.ServicesAsync(Filter, cancellationToken);
    }

    public static string LanguageName(string code)
    {
        try
        {
            var name = new System.Globalization.CultureInfo(code).NativeName;
            return name.Length > 0 ? char.ToUpper(name[0], System.Globalization.CultureInfo.CurrentCulture) + name[1..] : code;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return code;
        }
    }

    public static string DayNames(string byDay) =>
        string.Join(", ", byDay.Split(',').Select(PublicDirectory.Day).OfType<DayOfWeek>()
            .Select(System.Globalization.CultureInfo.CurrentCulture.DateTimeFormat.GetDayName));
}
