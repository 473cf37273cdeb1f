using Baken.Features.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Home;

/// <summary>The start page: what a role sees first. Policy officers and referrers get no client-level entry points.</summary>
public sealed class IndexModel : PageModel
{
    public bool IsAdmin { get; private set; }

    public bool DoesCaseWork { get; private set; }

    public bool IsOutreach { get; private set; }

    public bool IsEducator { get; private set; }

    public bool IsPolicy { get; private set; }

    public bool IsReferrer { get; private set; }

    public void OnGet()
    {
        IsAdmin = User.IsInRole(Roles.Beheerder);
        DoesCaseWork = Roles.CaseWork.Any(User.IsInRole);
        IsOutreach = User.IsInRole(Roles.Veldwerker);
        IsEducator = User.IsInRole(Roles.Voorlichter);
        IsPolicy = User.IsInRole(Roles.Beleidsmedewerker);
        IsReferrer = User.IsInRole(Roles.Verwijzer);
    }
}
