using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin;

public static class OrganisationKinds
{
    public static string Label(OrganisationKind kind, IStringLocalizer t) => t[$"OrganisationKind_{kind}"];

    public static IEnumerable<SelectListItem> Options(IStringLocalizer t) =>
        Enum.GetValues<OrganisationKind>().Select(kind => new SelectListItem(Label(kind, t), kind.ToString()));

    public static IEnumerable<SelectListItem> RoleOptions(IStringLocalizer t) =>
        Roles.All.Select(role => new SelectListItem(t[$"Role_{role}"], role));
}
