using Baken.Infrastructure.Privacy;

namespace Baken.Features.ServiceDirectory;

// The help-service directory, modelled on Open Referral HSDS 3.0 (see docs/decisions/0016-service-directory-hsds.md):
// public information about organisations and their services, never about clients. Names follow HSDS
// ("organization", "service at location") so the mapping to the API stays one-to-one.

/// <summary>An organisation in the directory (HSDS organization), optionally the same as a Baken organisation.</summary>
public sealed class DirectoryOrganization
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public required string Name { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? AlternateName { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string Description { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Email { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Website { get; set; }

    /// <summary>The Baken organisation that uses the app, when this directory entry is one (for referrals).</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid? OrganisationId { get; set; }

    /// <summary>Example data (the demo network): shown as such, never mistaken for real contact details.</summary>
    [Classified(DataClass.NotPersonal)]
    public bool IsExample { get; set; }

    /// <summary>What kind of partner it is for referrals (default data set, figures).</summary>
    [Classified(DataClass.NotPersonal)]
    public PartnerType PartnerType { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime LastModifiedUtc { get; set; }
}

public enum ServiceStatus
{
    Active = 1,
    Inactive = 2,
    Defunct = 3,
    TemporarilyClosed = 4,
}

/// <summary>A service an organisation offers (HSDS service).</summary>
public sealed class DirectoryService
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid OrganizationId { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string Name { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? AlternateName { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Description { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Url { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Email { get; set; }

    [Classified(DataClass.NotPersonal)]
    public ServiceStatus Status { get; set; } = ServiceStatus.Active;

    [Classified(DataClass.NotPersonal)]
    public string? InterpretationServices { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? ApplicationProcess { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? FeesDescription { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? EligibilityDescription { get; set; }

    [Classified(DataClass.NotPersonal)]
    public int? MinimumAge { get; set; }

    [Classified(DataClass.NotPersonal)]
    public int? MaximumAge { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime LastModifiedUtc { get; set; }
}

public enum LocationType
{
    Physical = 1,
    Postal = 2,
    Virtual = 3,
}

/// <summary>
/// A place (HSDS location): physical with an address, or virtual (a website or chat). A confidential location,
/// such as a shelter, is never published: not in the API, not on the portal, only in staff screens.
/// </summary>
public sealed class DirectoryLocation
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid OrganizationId { get; set; }

    [Classified(DataClass.NotPersonal)]
    public LocationType Type { get; set; } = LocationType.Physical;

    [Classified(DataClass.NotPersonal)]
    public required string Name { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Description { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Url { get; set; }

    [Classified(DataClass.NotPersonal)]
    public bool IsConfidential { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Address1 { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? PostalCode { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? City { get; set; }

    /// <summary>The province (HSDS state_province).</summary>
    [Classified(DataClass.NotPersonal)]
    public string? Province { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string Country { get; set; } = "NL";
}

/// <summary>A service offered at a location (HSDS service_at_location).</summary>
public sealed class DirectoryServiceAtLocation
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid ServiceId { get; set; }

    [Classified(DataClass.NotPersonal)]
    public Guid LocationId { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Description { get; set; }
}

/// <summary>
/// A weekly opening or consultation hour of a service (HSDS schedule, iCal style: WEEKLY on some days), for
/// example walk-in hours, or an evening for boys and men.
/// </summary>
public sealed class DirectorySchedule
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid ServiceId { get; set; }

    /// <summary>Where, when the service has more than one location.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid? ServiceAtLocationId { get; set; }

    /// <summary>Days as iCal BYDAY, e.g. "MO,TH".</summary>
    [Classified(DataClass.NotPersonal)]
    public required string ByDay { get; set; }

    [Classified(DataClass.NotPersonal)]
    public TimeOnly OpensAt { get; set; }

    [Classified(DataClass.NotPersonal)]
    public TimeOnly ClosesAt { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly? ValidFrom { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly? ValidTo { get; set; }

    /// <summary>Walk in without an appointment (HSDS attending_type "walk-in").</summary>
    [Classified(DataClass.NotPersonal)]
    public bool WalkIn { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Description { get; set; }
}

/// <summary>A phone number of an organisation or a service (HSDS phone).</summary>
public sealed class DirectoryPhone
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid? OrganizationId { get; set; }

    [Classified(DataClass.NotPersonal)]
    public Guid? ServiceId { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string Number { get; set; }

    /// <summary>HSDS phone type: text, voice, fax, cell, video, pager, textphone.</summary>
    [Classified(DataClass.NotPersonal)]
    public string Type { get; set; } = "voice";

    [Classified(DataClass.NotPersonal)]
    public string? Description { get; set; }
}

/// <summary>A language a service is offered in (HSDS language; code as ISO 639-1).</summary>
public sealed class DirectoryLanguage
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid ServiceId { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string Code { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string Name { get; set; }
}

/// <summary>
/// A contact point of an organisation or service (HSDS contact): a desk or a role, such as "intake". A person's
/// name is personal data about staff of a partner: keep it to a function where possible.
/// </summary>
public sealed class DirectoryContact
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid? OrganizationId { get; set; }

    [Classified(DataClass.NotPersonal)]
    public Guid? ServiceId { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Staff)]
    public string? Name { get; set; }

    [Classified(DataClass.NotPersonal)]
    public string? Title { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Staff)]
    public string? Email { get; set; }
}

public enum TaxonomyKind
{
    Topic = 1,
    TargetGroup = 2,
}

/// <summary>A term of one of the directory's taxonomies: topics and target groups (HSDS taxonomy_term).</summary>
public sealed class TaxonomyTerm
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public TaxonomyKind Kind { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string Code { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string Name { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string Description { get; set; }
}

/// <summary>A taxonomy term attached to a service (HSDS attribute with link_entity "service").</summary>
public sealed class ServiceTerm
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid ServiceId { get; set; }

    [Classified(DataClass.NotPersonal)]
    public Guid TermId { get; set; }
}
