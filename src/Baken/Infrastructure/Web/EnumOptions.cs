using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Baken.Infrastructure.Web;

/// <summary>Select options for an enum, labelled from the resources as <c>{prefix}_{Value}</c>.</summary>
public static class EnumOptions
{
    public static IReadOnlyList<SelectListItem> For<TEnum>(IStringLocalizer t, string prefix)
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new SelectListItem(t[$"{prefix}_{v}"], v.ToString()))];

    public static string Label<TEnum>(IStringLocalizer t, string prefix, TEnum? value)
        where TEnum : struct, Enum => value is { } v ? t[$"{prefix}_{v}"] : "—";
}
