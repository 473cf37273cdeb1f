namespace Baken.Features.Admin;

/// <summary>The fixed staff roles. Names are stored as-is; labels come from the resources.</summary>
public static class Roles
{
    public const string Beheerder = "Beheerder";
    public const string Teamleider = "Teamleider";
    public const string Casemanager = "Casemanager";
    public const string Jobcoach = "Jobcoach";
    public const string Woonbegeleider = "Woonbegeleider";
    public const string Zorgcoordinator = "Zorgcoordinator";
    public const string Veldwerker = "Veldwerker";
    public const string Voorlichter = "Voorlichter";
    public const string Beleidsmedewerker = "Beleidsmedewerker";
    public const string Verwijzer = "Verwijzer";

    public static readonly IReadOnlyList<string> All =
    [
        Beheerder, Teamleider, Casemanager, Jobcoach, Woonbegeleider,
        Zorgcoordinator, Veldwerker, Voorlichter, Beleidsmedewerker, Verwijzer,
    ];

    /// <summary>Roles that work with client files in care teams.</summary>
    public static readonly IReadOnlyList<string> CaseWork =
        [Teamleider, Casemanager, Jobcoach, Woonbegeleider, Zorgcoordinator];
}
