using Microsoft.Extensions.Localization;

namespace Baken.Features.Reporting.Figures;

/// <summary>Labels for the figures: the app's own resource texts, with enum values as <c>Type_Value</c> (as everywhere else).</summary>
public sealed class FigureText(IStringLocalizer<SharedResource> t)
{
    public string this[string key] => t[key];

    public string Format(string key, params object[] arguments) => t[key, arguments];

    public string Of<T>(T value)
        where T : struct, Enum => t[$"{typeof(T).Name}_{value}"];

    public string OfOrUnknown<T>(T? value)
        where T : struct, Enum => value is { } v ? Of(v) : t["Reporting_Unknown"];

    public TableBuilder.Labels Labels(string id, string titleKey, string explanationKey, string rowHeaderKey) =>
        new(id, t[titleKey], t[explanationKey], t[rowHeaderKey], t["Reporting_Total"]);
}
