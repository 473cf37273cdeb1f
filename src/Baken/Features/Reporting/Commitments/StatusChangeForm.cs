using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Reporting.Commitments;

/// <summary>
/// Moving a commitment to another status, on its details page. The answer letter's date and reference are asked
/// for when the commitment is proposed as done or recorded as done; given with another status, both are needed.
/// </summary>
public sealed class StatusChangeForm
{
    public string? Status { get; set; }

    public string? LetterOn { get; set; }

    public string? LetterReference { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }

    public static StatusChangeForm From(CouncilCommitment commitment) => new()
    {
        LetterOn = commitment.AnswerLetterOn?.ToString(CommitmentForm.DateFormat, System.Globalization.CultureInfo.InvariantCulture),
        LetterReference = commitment.AnswerLetterReference,
        Version = commitment.Version,
    };

    public CommitmentStatus? ParsedStatus =>
        Enum.TryParse<CommitmentStatus>(Status?.Trim(), out var status) && Enum.IsDefined(status) && !int.TryParse(Status, out _) ? status : null;

    /// <summary>The letter, when both its date and reference were given; call only after the validator passed.</summary>
    public CommitmentRecords.Letter? ToLetter() =>
        CommitmentForm.ParseDate(LetterOn) is { } on && !string.IsNullOrWhiteSpace(LetterReference) ? new(on, LetterReference.Trim()) : null;

    private bool NeedsLetter => ParsedStatus is { } status && CommitmentRules.NeedsLetter(status);

    public sealed class Validator : AbstractValidator<StatusChangeForm>
    {
        public Validator(IStringLocalizer t, CouncilCommitment commitment, DateOnly today)
        {
            RuleFor(f => f.Status).Custom((_, context) =>
            {
                var form = context.InstanceToValidate;
                if (form.ParsedStatus is not { } status)
                {
                    context.AddFailure(t["Commitments_StatusRequired"]);
                }
                else if (status == commitment.Status)
                {
                    context.AddFailure(t[CommitmentRecords.StatusUnchanged]);
                }
            });
            RuleFor(f => f.LetterOn).Must(v => !string.IsNullOrWhiteSpace(v))
                .When(f => f.NeedsLetter || !string.IsNullOrWhiteSpace(f.LetterReference))
                .WithMessage(t["Commitments_LetterOnRequired"]);
            RuleFor(f => f.LetterOn)
                .Must(v => CommitmentForm.ParseDate(v) is { } on && on >= commitment.MadeOn && on <= today)
                .When(f => !string.IsNullOrWhiteSpace(f.LetterOn))
                .WithMessage(t["Commitments_LetterOnInvalid"]);
            RuleFor(f => f.LetterReference).Must(v => !string.IsNullOrWhiteSpace(v))
                .When(f => f.NeedsLetter || !string.IsNullOrWhiteSpace(f.LetterOn))
                .WithMessage(t["Commitments_LetterReferenceRequired"]);
            RuleFor(f => f.LetterReference).Must(v => (v?.Trim().Length ?? 0) <= CommitmentRules.LetterReferenceMaxLength)
                .WithMessage(t["Field_TooLong", CommitmentRules.LetterReferenceMaxLength]);
            RuleFor(f => f.Note).Must(v => CommitmentForm.Normalise(v).Length <= CommitmentRules.NoteMaxLength)
                .WithMessage(t["Field_TooLong", CommitmentRules.NoteMaxLength]);
        }
    }
}
