namespace Baken.Features.ServiceDirectory.Import;

// An HSDS file as read, before it touches the database: only the fields Baken stores, already checked for type,
// length and format. Each item keeps its JSON path, so later checks against the database can say where.

internal sealed class ImportedDirectory
{
    public List<ImportedOrganization> Organizations { get; } = [];

    /// <summary>Every place in the file: from organisations' <c>locations</c> and from services' nested <c>service_at_locations[].location</c>.</summary>
    public List<ImportedLocation> Locations { get; } = [];

    public IEnumerable<ImportedService> Services => Organizations.SelectMany(o => o.Services);
}

internal sealed record ImportedOrganization(string Path, Guid Id, string Name, string? AlternateName, string Description, string? Email, string? Website)
{
    public List<ImportedPhone> Phones { get; } = [];

    public List<ImportedContact> Contacts { get; } = [];

    public List<ImportedService> Services { get; } = [];
}

internal sealed record ImportedService(
    string Path, Guid Id, Guid OrganizationId, string Name, ServiceStatus Status, string? AlternateName, string? Description, string? Url, string? Email,
    string? InterpretationServices, string? ApplicationProcess, string? FeesDescription, string? EligibilityDescription, int? MinimumAge, int? MaximumAge)
{
    public List<ImportedPhone> Phones { get; } = [];

    public List<ImportedContact> Contacts { get; } = [];

    public List<ImportedPlace> Places { get; } = [];

    public List<ImportedSchedule> Schedules { get; } = [];

    public List<ImportedLanguage> Languages { get; } = [];

    public List<ImportedTerm> Terms { get; } = [];
}

internal sealed record ImportedLocation(
    string Path, Guid Id, Guid OrganizationId, LocationType Type, string Name, string? Description, string? Url,
    string? Address1, string? PostalCode, string? City, string? Province, string Country);

/// <summary>A service at a location (HSDS service_at_location).</summary>
internal sealed record ImportedPlace(string Path, Guid Id, Guid LocationId, string? Description);

internal sealed record ImportedSchedule(
    string Path, Guid Id, Guid? PlaceId, string ByDay, TimeOnly Opens, TimeOnly Closes, DateOnly? ValidFrom, DateOnly? ValidTo, bool WalkIn, string? Description);

internal sealed record ImportedPhone(string Path, Guid Id, string Number, string Type, string? Description);

/// <summary>A contact point by its function only: a staff member's name or address in the file is not read.</summary>
internal sealed record ImportedContact(string Path, Guid Id, string Title);

internal sealed record ImportedLanguage(string Path, Guid? Id, string Code, string Name);

internal sealed record ImportedTerm(string Path, string Code);
