using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Baken.Features.Rules;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.RulePages;

/// <summary>
/// The text of a new version of a rule page. Dates, status and order are bound as text and parsed here, so a bad
/// value gets a Dutch message next to its field rather than a model-binding error.
/// </summary>
public sealed class RulePageForm
{
    public const string DateFormat = "yyyy-MM-dd";

    public string Title { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public string LegalStatus { get; set; } = nameof(Rules.LegalStatus.InForce);

    public string StatusDate { get; set; } = string.Empty;

    public string LastReviewedOn { get; set; } = string.Empty;

    public string SortOrder { get; set; } = "0";

    /// <summary>The version this text was written on (0 for a new language); a newer one meanwhile stops the publication.</summary>
    public int BasedOnVersion { get; set; }

    /// <summary>The fingerprint of the text last previewed: only exactly that text can be published.</summary>
    public string PreviewedHash { get; set; } = string.Empty;

    public static RulePageForm From(RulePage page) => new()
    {
        Title = page.Title,
        Summary = page.Summary,
        Body = page.BodyMarkdown,
        LegalStatus = page.LegalStatus.ToString(),
        StatusDate = page.StatusDate?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty,
        LastReviewedOn = page.LastReviewedOn.ToString(DateFormat, CultureInfo.InvariantCulture),
        SortOrder = page.SortOrder.ToString(CultureInfo.InvariantCulture),
        BasedOnVersion = page.Version,
    };

    /// <summary>A fingerprint of everything that would be published (not of the hidden fields).</summary>
    public string Hash(string slug, string language)
    {
        var text = string.Join('\u001f', slug, language, Title.Trim(), Summary.Trim(), Normalise(Body), LegalStatus, StatusDate.Trim(), LastReviewedOn.Trim(), SortOrder.Trim(), BasedOnVersion);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The draft to publish; call only after the validator passed.</summary>
    public RulePublishing.Draft ToDraft() => new(
        Title.Trim(), Summary.Trim(), Normalise(Body), Enum.Parse<LegalStatus>(LegalStatus),
        ParseDate(StatusDate), ParseDate(LastReviewedOn)!.Value, int.Parse(SortOrder.Trim(), NumberStyles.None, CultureInfo.InvariantCulture));

    /// <summary>Browsers post text areas with CRLF line ends; stored Markdown uses LF.</summary>
    public static string Normalise(string body) => body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public sealed class Validator : AbstractValidator<RulePageForm>
    {
        public Validator(IStringLocalizer t, DateOnly today)
        {
            var earliest = new DateOnly(2000, 1, 1);
            RuleFor(f => f.Title).Must(v => v.Trim().Length >= 2).WithMessage(t["RulePages_TitleRequired"]);
            RuleFor(f => f.Title).Must(v => v.Trim().Length <= 200).WithMessage(t["Field_TooLong", 200]);
            RuleFor(f => f.Summary).Must(v => v.Trim().Length >= 2).WithMessage(t["RulePages_SummaryRequired"]);
            RuleFor(f => f.Summary).Must(v => v.Trim().Length <= 500).WithMessage(t["Field_TooLong", 500]);
            RuleFor(f => f.Body).Must(v => Normalise(v).Length >= 2).WithMessage(t["RulePages_BodyRequired"]);
            RuleFor(f => f.Body).Must(v => Normalise(v).Length <= 20000).WithMessage(t["Field_TooLong", 20000]);
            RuleFor(f => f.LegalStatus)
                .Must(v => Enum.TryParse<LegalStatus>(v, out var status) && Enum.IsDefined(status) && status.ToString() == v)
                .WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.StatusDate)
                .Must(v => string.IsNullOrWhiteSpace(v) || ParseDate(v) is { } date && date >= earliest && date <= today)
                .WithMessage(t["RulePages_DateInvalid"]);
            RuleFor(f => f.StatusDate)
                .Must(v => !string.IsNullOrWhiteSpace(v))
                .When(f => f.LegalStatus == nameof(Rules.LegalStatus.NotYetInForce))
                .WithMessage(t["RulePages_StatusDateRequired"]);
            RuleFor(f => f.LastReviewedOn)
                .Must(v => ParseDate(v) is { } date && date >= earliest && date <= today)
                .WithMessage(t["RulePages_ReviewedInvalid"]);
            RuleFor(f => f.SortOrder)
                .Must(v => int.TryParse(v.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var order) && order <= 999)
                .WithMessage(t["RulePages_OrderRange"]);
        }
    }
}
