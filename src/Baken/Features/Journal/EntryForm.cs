using Baken.Infrastructure.Web;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Journal;

/// <summary>The fields of a journal entry, for adding and editing.</summary>
public sealed class EntryForm
{
    public ContactKind? Kind { get; set; }

    /// <summary>When the contact took place, as a <c>datetime-local</c> value in Dutch time.</summary>
    public string OccurredAt { get; set; } = string.Empty;

    public JournalVisibility Visibility { get; set; } = JournalVisibility.Team;

    public string Text { get; set; } = string.Empty;

    public int Version { get; set; }

    public DateTime? OccurredAtUtc => DisplayTime.ParseLocalInput(OccurredAt);

    public sealed class Validator : AbstractValidator<EntryForm>
    {
        public Validator(IStringLocalizer t, DateTime nowUtc, DateTime earliestUtc)
        {
            RuleFor(f => f.Kind).NotNull().IsInEnum().WithMessage(t["Journal_KindRequired"]);
            RuleFor(f => f.Visibility).IsInEnum().WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.OccurredAt).Must(v => DisplayTime.ParseLocalInput(v) is not null).WithMessage(t["Journal_WhenRequired"]);
            RuleFor(f => f.OccurredAtUtc).Must(v => v <= nowUtc.AddMinutes(10)).When(f => f.OccurredAtUtc is not null)
                .WithMessage(t["Journal_WhenInFuture"]).OverridePropertyName(nameof(OccurredAt));
            RuleFor(f => f.OccurredAtUtc).Must(v => v >= earliestUtc).When(f => f.OccurredAtUtc is not null)
                .WithMessage(t["Journal_WhenTooEarly"]).OverridePropertyName(nameof(OccurredAt));
            RuleFor(f => f.Text).Must(v => v.Trim().Length >= 2).WithMessage(t["Journal_TextRequired"]);
            RuleFor(f => f.Text).MaximumLength(4000).WithMessage(t["Field_TooLong", 4000]);
        }
    }
}
