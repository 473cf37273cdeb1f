using System.Security.Claims;
using Baken.Features.Admin;

namespace Baken.Infrastructure.Web;

/// <summary>
/// The main menu: each item names the roles that see it. A feature adds its own line here; pages still enforce
/// access themselves, the menu only hides what a role cannot use.
/// </summary>
public static class Navigation
{
    public sealed record Item(string Page, string LabelKey, IReadOnlyList<string> Roles);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/Home/Index", "Nav_Start", Roles.All),
        new("/Caseload/Index", "Nav_Caseload", [Roles.Teamleider, Roles.Casemanager, Roles.Jobcoach, Roles.Woonbegeleider, Roles.Zorgcoordinator, Roles.Veldwerker]),
        new("/Outreach/Index", "Nav_Outreach", [Roles.Veldwerker, Roles.Teamleider]),
        new("/Signals/Index", "Nav_Signals", [Roles.Veldwerker, Roles.Zorgcoordinator, Roles.Teamleider, Roles.Casemanager, Roles.Jobcoach, Roles.Woonbegeleider]),
        new("/Inbox/Index", "Nav_Inbox", [Roles.Veldwerker, Roles.Zorgcoordinator, Roles.Teamleider]),
        new("/Intake/Index", "Nav_Intake", [Roles.Casemanager, Roles.Teamleider, Roles.Zorgcoordinator]),
        new("/Intake/Partner/Referrals", "Nav_PartnerReferrals", [Roles.Verwijzer]),
        new("/Clients/Index", "Nav_Clients", [Roles.Teamleider, Roles.Casemanager, Roles.Jobcoach, Roles.Woonbegeleider, Roles.Zorgcoordinator, Roles.Veldwerker]),
        new("/Retention/Index", "Nav_Retention", [Roles.Casemanager, Roles.Teamleider]),
        new("/Reporting/Figures", "Nav_Reporting", [Roles.Beleidsmedewerker, Roles.Teamleider]),
        new("/Reporting/Commitments/Index", "Commitments_Nav", [Roles.Beleidsmedewerker]),
        new("/Admin/Users/Index", "Nav_Users", [Roles.Beheerder]),
        new("/Admin/Organisations/Index", "Nav_Organisations", [Roles.Beheerder]),
        new("/Admin/Directory/Index", "Nav_Directory", [Roles.Beheerder]),
        new("/Admin/LifeDomains/Index", "Nav_LifeDomains", [Roles.Beheerder]),
        new("/Admin/OutreachLocations/Index", "Nav_OutreachLocations", [Roles.Beheerder]),
        new("/Admin/SignalIndicators/Index", "Nav_SignalIndicators", [Roles.Beheerder]),
        new("/Admin/RulePages/Index", "Nav_RulePages", [Roles.Beheerder]),
        new("/Admin/Audit/Index", "Nav_Audit", [Roles.Beheerder]),
        new("/Admin/ProcessingActivities/Index", "Nav_ProcessingActivities", [Roles.Beheerder]),
    ];

    public static IEnumerable<Item> For(ClaimsPrincipal user) =>
        Items.Where(item => item.Roles.Any(user.IsInRole));
}
