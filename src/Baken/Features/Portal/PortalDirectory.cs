using System.Globalization;
using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Portal;

/// <summary>
/// The directory as the public portal shows it: active services with their public places, hours, phones and
/// languages, filtered, in a fixed number of queries; and which hours are open now or next. Confidential places
/// (and hours held there) never leave here.
/// </summary>
public sealed class PortalDirectory(BakenDbContext db, TimeProvider timeProvider)
{
    public sealed record Filter(string? Topic = null, string? Group = null, string? Language = null, bool WalkIn = false);

    public sealed record Place(string Name, string? Address, string? Url);

    public sealed record Hours(string ByDay, TimeOnly Opens, TimeOnly Closes, bool WalkIn, string? Note, string? Place, DateOnly? ValidFrom = null, DateOnly? ValidTo = null);

    /// <param name="NameLanguage">The language the name is shown in (its translation, or the Dutch original).</param>
    /// <param name="DescriptionLanguage">The same for the description.</param>
    public sealed record Card(
        Guid Id, string Name, string? Description, string Organization, bool IsExample, string? Url, string? Email, string? Fees,
        IReadOnlyList<string> Phones, IReadOnlyList<Place> Places, IReadOnlyList<Hours> Hours, IReadOnlyList<string> Languages, IReadOnlyList<string> Terms,
        string NameLanguage = DirectoryTexts.Original, string DescriptionLanguage = DirectoryTexts.Original);

    /// <summary>One occurrence of consultation hours, in local time.</summary>
    public sealed record Opening(Card Service, Hours Hours, DateTime StartsLocal, DateTime EndsLocal, bool OpenNow);

    /// <summary>Now, in the city's local time.</summary>
    public DateTime NowLocal => TimeZoneInfo.ConvertTimeFromUtc(timeProvider.GetUtcNow().UtcDateTime, DisplayTime.Zone);

    public async Task<List<Card>> ServicesAsync(Filter filter, CancellationToken cancellationToken)
    {
        var services = db.Set<DirectoryService>().AsNoTracking().Where(s => s.Status == ServiceStatus.Active);
        if (filter.Topic is { Length: > 0 } topic)
        {
            services = services.Where(s => db.Set<ServiceTerm>().Any(t => t.ServiceId == s.Id && db.Set<TaxonomyTerm>().Any(x => x.Id == t.TermId && x.Code == topic)));
        }

        if (filter.Group is { Length: > 0 } group)
        {
            services = services.Where(s => db.Set<ServiceTerm>().Any(t => t.ServiceId == s.Id && db.Set<TaxonomyTerm>().Any(x => x.Id == t.TermId && x.Code == group)));
        }

        if (filter.Language is { Length: > 0 } language)
        {
            services = services.Where(s => db.Set<DirectoryLanguage>().Any(l => l.ServiceId == s.Id && l.Code == language));
        }

        if (filter.WalkIn)
        {
            // Only hours held somewhere public count: walk-in hours at a confidential place are not advertised.
            var since = DateOnly.FromDateTime(NowLocal);
            var confidential = db.ConfidentialPlaceLinks();
            services = services.Where(s => db.Set<DirectorySchedule>().Any(h => h.ServiceId == s.Id && h.WalkIn
                && (h.ValidTo == null || h.ValidTo >= since)
                && (h.ServiceAtLocationId == null || !confidential.Contains(h.ServiceAtLocationId.Value))));
        }

        var rows = await services
            .Join(db.Set<DirectoryOrganization>(), s => s.OrganizationId, o => o.Id, (s, o) => new { Service = s, Organization = o.Name, o.IsExample })
            .OrderBy(x => x.Service.Name).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Service.Id).ToList();
        var phones = await db.Set<DirectoryPhone>().AsNoTracking().Where(p => p.ServiceId != null && ids.Contains(p.ServiceId.Value)).ToListAsync(cancellationToken);
        var places = await db.Set<DirectoryServiceAtLocation>().AsNoTracking().Where(x => ids.Contains(x.ServiceId))
            .Join(db.PublicLocations(), x => x.LocationId, l => l.Id, (x, l) => new { x.Id, x.ServiceId, Location = l })
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(NowLocal);
        var schedules = await db.Set<DirectorySchedule>().AsNoTracking()
            .Where(h => ids.Contains(h.ServiceId) && (h.ValidTo == null || h.ValidTo >= today)).ToListAsync(cancellationToken);
        var languages = await db.Set<DirectoryLanguage>().AsNoTracking().Where(l => ids.Contains(l.ServiceId)).ToListAsync(cancellationToken);
        var terms = await db.Set<ServiceTerm>().AsNoTracking().Where(t => ids.Contains(t.ServiceId))
            .Join(db.Set<TaxonomyTerm>(), t => t.TermId, x => x.Id, (t, x) => new { t.ServiceId, x.Code }).ToListAsync(cancellationToken);

        var texts = await DirectoryTexts.LoadAsync(db, ids, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);

        var publicPlaces = places.ToDictionary(p => p.Id, p => p.Location.Name);
        return [.. rows.Select(r =>
        {
            var id = r.Service.Id;
            var name = texts.Pick(id, nameof(DirectoryService.Name), r.Service.Name);
            var description = texts.Pick(id, nameof(DirectoryService.Description), r.Service.Description);
            return new Card(
                id, name.Value!, description.Value, r.Organization, r.IsExample, r.Service.Url, r.Service.Email, r.Service.FeesDescription,
                [.. phones.Where(p => p.ServiceId == id).Select(p => p.Number)],
                [.. places.Where(p => p.ServiceId == id).Select(p => new Place(p.Location.Name, Address(p.Location), p.Location.Url))],
                [.. schedules.Where(h => h.ServiceId == id && (h.ServiceAtLocationId is null || publicPlaces.ContainsKey(h.ServiceAtLocationId.Value)))
                    .OrderBy(h => h.OpensAt)
                    .Select(h => new Hours(h.ByDay, h.OpensAt, h.ClosesAt, h.WalkIn, h.Description,
                        h.ServiceAtLocationId is { } at ? publicPlaces[at] : null, h.ValidFrom, h.ValidTo))],
                [.. languages.Where(l => l.ServiceId == id).Select(l => l.Code).Order()],
                [.. terms.Where(t => t.ServiceId == id).Select(t => t.Code)],
                name.Language,
                description.Language);
        }).OrderBy(card => card.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>
    /// Every occurrence of the services' hours from now until <paramref name="days"/> days ahead, soonest first.
    /// Hours that close at or after midnight end the next day (so "open now" holds past midnight); dates outside
    /// the hours' validity are skipped.
    /// </summary>
    public static List<Opening> Upcoming(IEnumerable<Card> services, DateTime nowLocal, int days)
    {
        var openings = new List<Opening>();
        foreach (var service in services)
        {
            foreach (var hours in service.Hours)
            {
                for (var offset = -1; offset < days; offset++)
                {
                    var date = nowLocal.Date.AddDays(offset);
                    var day = DateOnly.FromDateTime(date);
                    if (!hours.ByDay.Split(',').Contains(PublicDirectory.DayCodes[(int)date.DayOfWeek])
                        || (hours.ValidFrom is { } from && day < from) || (hours.ValidTo is { } to && day > to))
                    {
                        continue;
                    }

                    var starts = date + hours.Opens.ToTimeSpan();
                    var ends = (hours.Closes <= hours.Opens ? date.AddDays(1) : date) + hours.Closes.ToTimeSpan();
                    if (ends > nowLocal)
                    {
                        openings.Add(new Opening(service, hours, starts, ends, starts <= nowLocal));
                    }
                }
            }
        }

        return [.. openings.OrderBy(o => o.StartsLocal).ThenBy(o => o.Service.Name)];
    }

    private static string? Address(DirectoryLocation location) =>
        location.Address1 is { } street ? $"{street}, {location.PostalCode} {location.City}".Trim() : null;
}
