using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Baken.Tests.Features.Rules;

/// <summary>Posts a form the way a browser does when a given button is pressed: every field as filled, to the button's formaction.</summary>
internal static class RuleForms
{
    public static Task<HttpResponseMessage> PressAsync(BakenClient client, IDocument page, string buttonSelector, IDictionary<string, string>? changes = null)
    {
        var button = page.QuerySelector(buttonSelector).ShouldNotBeNull($"button {buttonSelector}");
        var form = (IHtmlFormElement)button.Closest("form")!;
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>())
        {
            if (input.Name is { Length: > 0 } name && (input.Type is not ("radio" or "checkbox") || input.IsChecked))
            {
                values.Add(new(name, input.Value));
            }
        }

        foreach (var area in form.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>())
        {
            values.Add(new(area.Name!, area.Value));
        }

        foreach (var select in form.QuerySelectorAll("select").OfType<IHtmlSelectElement>())
        {
            values.Add(new(select.Name!, select.Value ?? string.Empty));
        }

        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }

        var action = button.GetAttribute("formaction") ?? form.GetAttribute("action") ?? throw new InvalidOperationException("form without action");
        return client.Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }
}
