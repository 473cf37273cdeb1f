using System.Text.Json.Serialization;

namespace Baken.Features.ServiceDirectory.Hsds;

// The HSDS 3.0 JSON shapes this API returns (property names from the specification; nulls are left out, since
// the schemas type optional fields as strings or numbers, not null). Only public data: see HsdsQueries.

public sealed record HsdsRoot(string Version, string Profile, string OpenapiUrl);

/// <summary>A page of results, as the HSDS OpenAPI "Page" schema.</summary>
public sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

public sealed record HsdsOrganization(
    string Id,
    string Name,
    string Description,
    string? AlternateName = null,
    string? Email = null,
    string? Website = null,
    IReadOnlyList<HsdsPhone>? Phones = null,
    IReadOnlyList<HsdsLocation>? Locations = null,
    IReadOnlyList<HsdsContact>? Contacts = null,
    IReadOnlyList<HsdsService>? Services = null);

public sealed record HsdsService(
    string Id,
    string OrganizationId,
    string Name,
    string Status,
    string LastModified,
    string? AlternateName = null,
    string? Description = null,
    string? Url = null,
    string? Email = null,
    string? InterpretationServices = null,
    string? ApplicationProcess = null,
    string? FeesDescription = null,
    string? EligibilityDescription = null,
    int? MinimumAge = null,
    int? MaximumAge = null,
    HsdsOrganization? Organization = null,
    IReadOnlyList<HsdsPhone>? Phones = null,
    IReadOnlyList<HsdsSchedule>? Schedules = null,
    IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations = null,
    IReadOnlyList<HsdsLanguage>? Languages = null,
    IReadOnlyList<HsdsContact>? Contacts = null,
    IReadOnlyList<HsdsTermLink>? Attributes = null);

public sealed record HsdsServiceAtLocation(string Id, string ServiceId, string LocationId, HsdsLocation Location, string? Description = null);

public sealed record HsdsLocation(
    string Id,
    string LocationType,
    string? OrganizationId = null,
    string? Name = null,
    string? Description = null,
    string? Url = null,
    IReadOnlyList<HsdsAddress>? Addresses = null);

public sealed record HsdsAddress(
    string Id,
    string LocationId,
    [property: JsonPropertyName("address_1")] string Address1,
    string City,
    string StateProvince,
    string PostalCode,
    string Country,
    string AddressType);

public sealed record HsdsSchedule(
    string Id,
    string ServiceId,
    string Freq,
    string Byday,
    string OpensAt,
    string ClosesAt,
    string? ServiceAtLocationId = null,
    string? ValidFrom = null,
    string? ValidTo = null,
    string? Description = null,
    string? AttendingType = null,
    double? Timezone = null,
    string? Notes = null);

public sealed record HsdsPhone(string Id, string Number, string Type, string? OrganizationId = null, string? ServiceId = null, string? Description = null);

public sealed record HsdsLanguage(string Id, string ServiceId, string Name, string Code);

public sealed record HsdsContact(string Id, string? OrganizationId = null, string? ServiceId = null, string? Name = null, string? Title = null, string? Email = null);

/// <summary>An HSDS attribute: a taxonomy term linked to a service.</summary>
public sealed record HsdsTermLink(string Id, string LinkId, string TaxonomyTermId, string LinkType, string LinkEntity, HsdsTaxonomyTerm TaxonomyTerm);

public sealed record HsdsTaxonomyTerm(string Id, string Code, string Name, string Description, string Taxonomy);
