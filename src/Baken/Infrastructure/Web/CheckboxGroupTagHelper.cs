using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Baken.Infrastructure.Web;

/// <summary>A fieldset of checkboxes bound to a list (for example the roles of a user), with legend and error.</summary>
[HtmlTargetElement("baken-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxGroupTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    public required string Legend { get; set; }

    public required IEnumerable<SelectListItem> Items { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var encoder = HtmlEncoder.Default;
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var invalid = errors is { Count: > 0 };
        var selected = ((For.Model as IEnumerable<string>) ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "utrecht-form-fieldset baken-checkboxes");
        output.Attributes.SetAttribute("id", id);
        if (invalid)
        {
            output.Attributes.SetAttribute("aria-describedby", id + "-error");
        }

        var html = new StringBuilder();
        html.Append("<legend class=\"utrecht-form-fieldset__legend utrecht-form-label\">").Append(encoder.Encode(Legend)).Append("</legend>");
        if (invalid)
        {
            html.Append("<div class=\"utrecht-form-field-description utrecht-form-field-description--invalid\" id=\"").Append(id).Append("-error\">");
            foreach (var error in errors!)
            {
                html.Append("<p class=\"utrecht-paragraph\">").Append(encoder.Encode(error.ErrorMessage)).Append("</p>");
            }

            html.Append("</div>");
        }

        var index = 0;
        foreach (var item in Items)
        {
            var itemId = $"{id}_{index++}";
            html.Append("<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"")
                .Append(itemId).Append("\" name=\"").Append(encoder.Encode(name)).Append("\" value=\"").Append(encoder.Encode(item.Value)).Append('"');
            if (selected.Contains(item.Value))
            {
                html.Append(" checked");
            }

            html.Append("> <label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"").Append(itemId).Append("\">")
                .Append(encoder.Encode(item.Text)).Append("</label></div>");
        }

        output.Content.SetHtmlContent(html.ToString());
    }
}
