namespace Baken.Features.Admin;

/// <summary>An organisation in the regional network: the municipality, a care provider, the info centre or a partner referrer.</summary>
public sealed class Organisation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    /// <summary>Synthetic demo data; demo mode refuses to seed a database that holds anything else.</summary>
    public bool IsDemo { get; init; }

    public DateTime CreatedAtUtc { get; init; }
}

public enum OrganisationKind
{
    Municipality = 1,
    CareProvider = 2,
    InfoCentre = 3,
    PartnerReferrer = 4,
}
