using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory;

/// <summary>
/// What the directory management pages share: option lists with their labels, and which entry an id belongs to
/// (the contact-point and translation pages serve organisations, services and places alike). Directory data is
/// public information about organisations, not about people, so changes are audited without a processing log.
/// </summary>
public static class DirectoryAdmin
{
    public enum EntryKind
    {
        Organization,
        Service,
        Location,
    }

    /// <summary>An organisation, service or place, with the organisation it belongs to (for the way back).</summary>
    public sealed record Entry(EntryKind Kind, Guid Id, string Name, string? Description, Guid OrganizationId, string OrganizationName);

    public static async Task<Entry?> FindAsync(BakenDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var organizations = db.Set<DirectoryOrganization>().AsNoTracking();
        return await organizations.Where(o => o.Id == id)
                .Select(o => new Entry(EntryKind.Organization, o.Id, o.Name, o.Description, o.Id, o.Name)).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Set<DirectoryService>().AsNoTracking().Where(s => s.Id == id)
                .Join(organizations, s => s.OrganizationId, o => o.Id, (s, o) => new Entry(EntryKind.Service, s.Id, s.Name, s.Description, o.Id, o.Name))
                .FirstOrDefaultAsync(cancellationToken)
            ?? await db.Set<DirectoryLocation>().AsNoTracking().Where(l => l.Id == id)
                .Join(organizations, l => l.OrganizationId, o => o.Id, (l, o) => new Entry(EntryKind.Location, l.Id, l.Name, l.Description, o.Id, o.Name))
                .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Marks the organisation or service an entry belongs to as changed now (HSDS last_modified).</summary>
    public static async Task TouchAsync(BakenDbContext db, Entry entry, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (entry.Kind == EntryKind.Service)
        {
            var service = await db.Set<DirectoryService>().FirstAsync(s => s.Id == entry.Id, cancellationToken);
            service.LastModifiedUtc = nowUtc;
        }
        else
        {
            var organization = await db.Set<DirectoryOrganization>().FirstAsync(o => o.Id == entry.OrganizationId, cancellationToken);
            organization.LastModifiedUtc = nowUtc;
        }
    }

    /// <summary>The page that edits an entry, for links back to it.</summary>
    public static string EditPage(EntryKind kind) => kind switch
    {
        EntryKind.Service => "/Admin/Directory/Services/Edit",
        EntryKind.Location => "/Admin/Directory/Locations/Edit",
        _ => "/Admin/Directory/Edit",
    };

    public static IReadOnlyList<SelectListItem> PartnerTypes(IStringLocalizer t) => EnumOptions.For<PartnerType>(t, "Directory_PartnerType");

    public static IReadOnlyList<SelectListItem> Statuses(IStringLocalizer t) => EnumOptions.For<ServiceStatus>(t, "Directory_Status");

    public static IReadOnlyList<SelectListItem> LocationTypes(IStringLocalizer t) => EnumOptions.For<LocationType>(t, "Directory_LocationType");

    public static IReadOnlyList<SelectListItem> PhoneTypes(IStringLocalizer t) =>
        [.. DirectoryRules.PhoneTypes.Select(type => new SelectListItem(t[$"Directory_PhoneType_{type}"], type))];

    public static IReadOnlyList<SelectListItem> Days(IStringLocalizer t) =>
        [.. DirectoryRules.WeekOrder.Select(code => new SelectListItem(t[$"Directory_Day_{code}"], code))];

    public static string DayNames(string byDay, IStringLocalizer t) =>
        string.Join(", ", byDay.Split(',').Select(code => t[$"Directory_Day_{code}"].Value));

    public static IReadOnlyList<SelectListItem> Terms(IStringLocalizer t, TaxonomyKind kind) =>
        [.. DirectoryDefaults.Terms.Where(x => x.Kind == kind).Select(x => new SelectListItem(t[$"Term_{x.Code}"], x.Code))];

    /// <summary>The known languages, plus any other code a service already has (an import may bring one).</summary>
    public static IReadOnlyList<SelectListItem> Languages(IEnumerable<string> present) =>
        [.. DirectoryRules.Languages.Select(l => new SelectListItem($"{l.Value} ({l.Key})", l.Key))
            .Concat(present.Where(code => DirectoryRules.Languages.All(l => l.Key != code)).Order().Select(code => new SelectListItem(code, code)))];
}
