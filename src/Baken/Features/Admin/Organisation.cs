using Baken.Infrastructure.Privacy;

namespace Baken.Features.Admin;

/// <summary>An organisation in the regional network: the municipality, a care provider, the info centre or a partner referrer.</summary>
public sealed class Organisation
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public required string Name { get; set; }

    [Classified(DataClass.NotPersonal)]
    public OrganisationKind Kind { get; set; }

    /// <summary>Synthetic demo data; demo mode refuses to seed a database that holds anything else.</summary>
    [Classified(DataClass.NotPersonal)]
    public bool IsDemo { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }
}

public enum OrganisationKind
{
    Municipality = 1,
    CareProvider = 2,
    InfoCentre = 3,
    PartnerReferrer = 4,
}
