namespace Baken.Features.Trajectories;

/// <summary>The intake of a trajectory in the clear, only ever in memory while a page is built.</summary>
public sealed record TrajectoryIntake
{
    public ReferralRoute? ReferralRoute { get; init; }

    public Guid? ReferringOrganisationId { get; init; }

    public DateOnly? ReferralDate { get; init; }

    public bool HousingNeed { get; init; }

    public VictimStatus? VictimStatus { get; init; }

    public GenderIdentity? GenderIdentity { get; init; }

    public string? GenderSelfDescription { get; init; }

    public string? Languages { get; init; }

    public SexWorkMotive? Motive { get; init; }

    public MigrationSituation? MigrationSituation { get; init; }
}
