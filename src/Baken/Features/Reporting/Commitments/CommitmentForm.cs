using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Reporting.Commitments;

/// <summary>
/// The details of a commitment as typed on the new and edit pages. Everything binds as text and is checked here,
/// so a wrong date, number or period gets a Dutch message next to its field instead of a model-binding error.
/// </summary>
public sealed class CommitmentForm
{
    public const string DateFormat = "yyyy-MM-dd";

    public string? Number { get; set; }

    public string? Title { get; set; }

    public string? MadeOn { get; set; }

    public string? Meeting { get; set; }

    public string? PortfolioHolder { get; set; }

    public string? Description { get; set; }

    public string? LinkedTable { get; set; }

    public string? LinkedPeriod { get; set; }

    /// <summary>The version the form was filled in on (edit only).</summary>
    public int Version { get; set; }

    public static CommitmentForm From(CouncilCommitment commitment) => new()
    {
        Number = commitment.Number,
        Title = commitment.Title,
        MadeOn = commitment.MadeOn.ToString(DateFormat, CultureInfo.InvariantCulture),
        Meeting = commitment.Meeting,
        PortfolioHolder = commitment.PortfolioHolder,
        Description = commitment.Description,
        LinkedTable = commitment.LinkedTable?.ToString(),
        LinkedPeriod = commitment.LinkedPeriod,
        Version = commitment.Version,
    };

    /// <summary>The checked and normalised details; call only after the validator passed.</summary>
    public CommitmentRecords.Draft ToDraft(DateOnly today) => new(
        CommitmentRules.NormaliseNumber(Number)!,
        Title!.Trim(),
        ParseDate(MadeOn)!.Value,
        Meeting!.Trim(),
        PortfolioHolder!.Trim(),
        Normalise(Description),
        ParseTable(LinkedTable),
        Period(LinkedPeriod, today)?.ToString());

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Browsers post text areas with CRLF line ends; stored text uses LF.</summary>
    public static string Normalise(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static ReportTableKind? ParseTable(string? value) =>
        Enum.TryParse<ReportTableKind>(value?.Trim(), out var kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _) ? kind : null;

    private static ReportPeriod? Period(string? value, DateOnly today) =>
        !string.IsNullOrWhiteSpace(value) && ReportPeriod.TryParse(value, today, out var period, out _) ? period : null;

    public sealed class Validator : AbstractValidator<CommitmentForm>
    {
        public Validator(IStringLocalizer t, DateOnly today)
        {
            RuleFor(f => f.Number).Must(v => CommitmentRules.NormaliseNumber(v) is not null)
                .WithMessage(t["Commitments_NumberInvalid", CommitmentRules.NumberMinLength, CommitmentRules.NumberMaxLength]);
            Text(f => f.Title, 2, CommitmentRules.TitleMaxLength, t["Commitments_TitleRequired"], t);
            RuleFor(f => f.MadeOn).Must(v => ParseDate(v) is { } date && date >= CommitmentRules.Earliest && date <= today)
                .WithMessage(t["Commitments_MadeOnInvalid"]);
            Text(f => f.Meeting, 2, CommitmentRules.MeetingMaxLength, t["Commitments_MeetingRequired"], t);
            Text(f => f.PortfolioHolder, 2, CommitmentRules.PortfolioHolderMaxLength, t["Commitments_PortfolioHolderRequired"], t);
            RuleFor(f => f.Description).Must(v => Normalise(v).Length >= 2).WithMessage(t["Commitments_DescriptionRequired"]);
            RuleFor(f => f.Description).Must(v => Normalise(v).Length <= CommitmentRules.DescriptionMaxLength)
                .WithMessage(t["Field_TooLong", CommitmentRules.DescriptionMaxLength]);
            RuleFor(f => f.LinkedTable).Must(v => string.IsNullOrWhiteSpace(v) || ParseTable(v) is not null).WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.LinkedTable).Must(v => !string.IsNullOrWhiteSpace(v))
                .When(f => !string.IsNullOrWhiteSpace(f.LinkedPeriod))
                .WithMessage(t["Commitments_LinkedTableRequired"]);
            RuleFor(f => f.LinkedPeriod).Custom((value, context) =>
            {
                if (!string.IsNullOrWhiteSpace(value) && !ReportPeriod.TryParse(value, today, out _, out var refusal))
                {
                    context.AddFailure(t[refusal!]);
                }
            });
            RuleFor(f => f.LinkedPeriod).Must(v => !string.IsNullOrWhiteSpace(v))
                .When(f => !string.IsNullOrWhiteSpace(f.LinkedTable))
                .WithMessage(t["Commitments_LinkedPeriodRequired"]);
        }

        private void Text(System.Linq.Expressions.Expression<Func<CommitmentForm, string?>> field, int min, int max, string required, IStringLocalizer t)
        {
            RuleFor(field).Must(v => (v?.Trim().Length ?? 0) >= min).WithMessage(required);
            RuleFor(field).Must(v => (v?.Trim().Length ?? 0) <= max).WithMessage(t["Field_TooLong", max]);
        }
    }
}
