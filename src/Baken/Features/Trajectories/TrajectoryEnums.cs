namespace Baken.Features.Trajectories;

public enum TrajectoryType
{
    /// <summary>Uitstaptraject: support with the aim of leaving sex work.</summary>
    Exit = 1,

    /// <summary>Ondersteuning: support without the aim to exit.</summary>
    Support = 2,
}

public enum TrajectoryState
{
    Registered = 1,
    Intake = 2,
    Active = 3,
    Aftercare = 4,
    Closed = 5,
    DroppedOut = 6,
}

/// <summary>How the client came in (DOMAIN.md, capability 7).</summary>
public enum ReferralRoute
{
    OutreachOffline = 1,
    OutreachOnline = 2,
    PoliceEscortCheck = 3,
    Police = 4,
    PublicHealthService = 5,
    TraffickingCentre = 6,
    RegionalOrganisation = 7,
    SelfReferralWebsite = 8,
    SelfReferralInfoCentre = 9,
    Other = 10,
}

public enum VictimStatus
{
    No = 1,
    Suspected = 2,
    Yes = 3,
}

public enum GenderIdentity
{
    Woman = 1,
    Man = 2,
    Transgender = 3,
    NonBinary = 4,
    SelfDescribed = 5,
}

/// <summary>Whether the client chose sex work or was exploited, in their own account.</summary>
public enum SexWorkMotive
{
    Chose = 1,
    Exploited = 2,
    Both = 3,
    NotDiscussed = 4,
}

/// <summary>Migration situation, in categories that matter for return migration and for access to work and benefits.</summary>
public enum MigrationSituation
{
    DutchNationality = 1,
    EuCitizen = 2,
    ResidencePermit = 3,
    TraffickingVictimPermit = 4,
    AsylumProcedure = 5,
    Undocumented = 6,
    Unknown = 7,
}

public enum ClosureOutcome
{
    PaidWork = 1,
    Education = 2,
    DaytimeActivity = 3,
    BenefitsArranged = 4,
    ReturnedWithIom = 5,
    ReturnedWithoutIom = 6,
    ContinuedSexWorkByChoice = 7,
    MovedOutOfRegion = 8,
    LostContact = 9,
    Other = 10,
}
