using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Baken.Infrastructure.Web;

/// <summary>
/// Shared markup of an accessible form field in NL Design System classes: label, optional hint and error messages,
/// tied to the control with <c>aria-describedby</c> and <c>aria-invalid</c>. Subclasses render the control itself.
/// </summary>
public abstract class FieldTagHelperBase : TagHelper
{
    protected static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    public required string Label { get; set; }

    public string? Hint { get; set; }

    public bool Required { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The posted name, with the prefix of a partial view (for example <c>Input.</c>) when there is one.</summary>
    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => TagBuilder.CreateSanitizedId(Name, "_");

    protected ModelStateEntry? Entry => ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) ? entry : null;

    protected bool Invalid => Entry?.Errors.Count > 0;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Invalid ? "utrecht-form-field utrecht-form-field--invalid" : "utrecht-form-field");

        var html = new StringBuilder();
        html.Append("<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"").Append(Id).Append("\">")
            .Append(Encoder.Encode(Label)).Append("</label></div>");
        AppendDescriptions(html);
        html.Append("<div class=\"utrecht-form-field__input\">");
        AppendControl(html);
        html.Append("</div>");
        output.Content.SetHtmlContent(html.ToString());
    }

    protected abstract void AppendControl(StringBuilder html);

    protected void AppendDescriptions(StringBuilder html)
    {
        if (!string.IsNullOrEmpty(Hint))
        {
            html.Append("<div class=\"utrecht-form-field__description utrecht-form-field-description\" id=\"").Append(Id).Append("-hint\">")
                .Append(Encoder.Encode(Hint)).Append("</div>");
        }

        if (Invalid)
        {
            html.Append("<div class=\"utrecht-form-field__description utrecht-form-field-description utrecht-form-field-description--invalid\" id=\"")
                .Append(Id).Append("-error\">");
            foreach (var error in Entry!.Errors)
            {
                html.Append("<p class=\"utrecht-paragraph\">").Append(Encoder.Encode(error.ErrorMessage)).Append("</p>");
            }

            html.Append("</div>");
        }
    }

    /// <summary>The common attributes of the control: id, name, required, invalid state and described-by.</summary>
    protected void AppendCommonAttributes(StringBuilder html)
    {
        html.Append(" id=\"").Append(Id).Append("\" name=\"").Append(Encoder.Encode(Name)).Append('"');
        if (Required)
        {
            html.Append(" required aria-required=\"true\"");
        }

        if (Invalid)
        {
            html.Append(" aria-invalid=\"true\"");
        }

        var describedBy = new List<string>();
        if (!string.IsNullOrEmpty(Hint))
        {
            describedBy.Add(Id + "-hint");
        }

        if (Invalid)
        {
            describedBy.Add(Id + "-error");
        }

        if (describedBy.Count > 0)
        {
            html.Append(" aria-describedby=\"").Append(string.Join(' ', describedBy)).Append('"');
        }
    }

    /// <summary>What the user typed (kept after a failed post), otherwise the model's value.</summary>
    protected string? CurrentValue => Entry?.AttemptedValue ?? For.Model switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        var model => model?.ToString(),
    };
}

/// <summary><c>&lt;baken-field for="Input.Email" label="…" type="email" /&gt;</c>: a text-like input.</summary>
[HtmlTargetElement("baken-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper : FieldTagHelperBase
{
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    protected override void AppendControl(StringBuilder html)
    {
        html.Append("<input class=\"utrecht-textbox utrecht-textbox--html-input").Append(Invalid ? " utrecht-textbox--invalid" : string.Empty)
            .Append("\" type=\"").Append(Encoder.Encode(Type)).Append('"');
        AppendCommonAttributes(html);
        var value = Type == "password" ? null : CurrentValue;
        if (value is not null)
        {
            html.Append(" value=\"").Append(Encoder.Encode(value)).Append('"');
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            html.Append(" autocomplete=\"").Append(Encoder.Encode(Autocomplete)).Append('"');
        }

        if (!string.IsNullOrEmpty(Inputmode))
        {
            html.Append(" inputmode=\"").Append(Encoder.Encode(Inputmode)).Append('"');
        }

        html.Append('>');
    }
}

/// <summary><c>&lt;baken-textarea for="Input.Note" label="…" rows="4" /&gt;</c>: a multi-line text field.</summary>
[HtmlTargetElement("baken-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextAreaTagHelper : FieldTagHelperBase
{
    public int Rows { get; set; } = 4;

    protected override void AppendControl(StringBuilder html)
    {
        html.Append("<textarea class=\"utrecht-textarea utrecht-textarea--html-textarea").Append(Invalid ? " utrecht-textarea--invalid" : string.Empty)
            .Append("\" rows=\"").Append(Rows).Append('"');
        AppendCommonAttributes(html);
        html.Append('>').Append(Encoder.Encode(CurrentValue ?? string.Empty)).Append("</textarea>");
    }
}

/// <summary><c>&lt;baken-select for="Input.OrganisationId" label="…" items="…" /&gt;</c>: a drop-down list.</summary>
[HtmlTargetElement("baken-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectFieldTagHelper : FieldTagHelperBase
{
    public required IEnumerable<SelectListItem> Items { get; set; }

    public string? Placeholder { get; set; }

    protected override void AppendControl(StringBuilder html)
    {
        html.Append("<select class=\"utrecht-select utrecht-select--html-select").Append(Invalid ? " utrecht-select--invalid" : string.Empty).Append('"');
        AppendCommonAttributes(html);
        html.Append('>');
        var current = CurrentValue;
        if (Placeholder is not null)
        {
            html.Append("<option value=\"\">").Append(Encoder.Encode(Placeholder)).Append("</option>");
        }

        foreach (var item in Items)
        {
            html.Append("<option value=\"").Append(Encoder.Encode(item.Value)).Append('"');
            if (string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase))
            {
                html.Append(" selected");
            }

            html.Append('>').Append(Encoder.Encode(item.Text)).Append("</option>");
        }

        html.Append("</select>");
    }
}
