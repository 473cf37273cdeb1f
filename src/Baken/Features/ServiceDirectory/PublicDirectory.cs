using Baken.Infrastructure.Data;

namespace Baken.Features.ServiceDirectory;

/// <summary>
/// The one rule for what of the directory may be shown to the public: every location except confidential ones
/// (a shelter). The HSDS API and the portal both read places through here.
/// </summary>
public static class PublicDirectory
{
    /// <summary>iCal BYDAY codes, indexed by <see cref="DayOfWeek"/>.</summary>
    public static readonly IReadOnlyList<string> DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>The day of a BYDAY code, or null for anything else.</summary>
    public static DayOfWeek? Day(string code) =>
        DayCodes.Select((c, i) => (c, i)).Where(x => x.c == code).Select(x => (DayOfWeek?)x.i).FirstOrDefault();

    public static IQueryable<DirectoryLocation> PublicLocations(this BakenDbContext db) =>
        db.Set<DirectoryLocation>().Where(l => !l.IsConfidential);

    /// <summary>Ids of the service-at-location links to confidential places (hours held there are not published).</summary>
    public static IQueryable<Guid> ConfidentialPlaceLinks(this BakenDbContext db) =>
        db.Set<DirectoryServiceAtLocation>().Where(x => db.Set<DirectoryLocation>().Any(l => l.Id == x.LocationId && l.IsConfidential)).Select(x => x.Id);
}
