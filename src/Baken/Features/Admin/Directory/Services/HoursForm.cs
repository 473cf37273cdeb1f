using Baken.Features.ServiceDirectory;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory.Services;

/// <summary>
/// Weekly opening or consultation hours of a service. Times and dates are text (from time and date inputs), so a
/// wrong value gets our own message. Hours may run past midnight (closes before opens), but not be empty.
/// </summary>
public sealed class HoursForm
{
    public List<string> Days { get; set; } = [];

    public string Opens { get; set; } = string.Empty;

    public string Closes { get; set; } = string.Empty;

    public bool WalkIn { get; set; }

    public string? ValidFrom { get; set; }

    public string? ValidTo { get; set; }

    /// <summary>The service-at-location the hours are held at, or empty for "any of its places".</summary>
    public Guid? Place { get; set; }

    public string? Description { get; set; }

    public static HoursForm From(DirectorySchedule s) => new()
    {
        Days = [.. s.ByDay.Split(',')],
        Opens = s.OpensAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        Closes = s.ClosesAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        WalkIn = s.WalkIn,
        ValidFrom = s.ValidFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ValidTo = s.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Place = s.ServiceAtLocationId,
        Description = s.Description,
    };

    /// <summary>Copies the (validated) fields; the days in week order.</summary>
    public void ApplyTo(DirectorySchedule s)
    {
        s.ByDay = string.Join(',', DirectoryRules.WeekOrder.Where(code => Days.Contains(code, StringComparer.OrdinalIgnoreCase)));
        DirectoryRules.TryTime(Opens.Trim(), out var opens);
        DirectoryRules.TryTime(Closes.Trim(), out var closes);
        s.OpensAt = opens;
        s.ClosesAt = closes;
        s.WalkIn = WalkIn;
        s.ValidFrom = Date(ValidFrom);
        s.ValidTo = Date(ValidTo);
        s.ServiceAtLocationId = Place;
        s.Description = DirectoryRules.Clean(Description);
    }

    private static DateOnly? Date(string? value) => DirectoryRules.TryDate(value?.Trim() ?? string.Empty, out var date) ? date : null;

    public sealed class Validator : AbstractValidator<HoursForm>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(f => f.Days).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(t["Directory_DaysRequired"])
                .Must(days => DirectoryRules.ByDay(string.Join(',', days)) is not null).WithMessage(t["Form_InvalidChoice"]);
            RuleFor(f => f.Opens).Must(v => DirectoryRules.TryTime(v.Trim(), out _)).WithMessage(t["Directory_TimeInvalid"]);
            RuleFor(f => f.Closes).Must(v => DirectoryRules.TryTime(v.Trim(), out _)).WithMessage(t["Directory_TimeInvalid"])
                .Must((f, v) => !DirectoryRules.TryTime(f.Opens.Trim(), out var opens) || !DirectoryRules.TryTime(v.Trim(), out var closes) || opens != closes)
                .WithMessage(t["Directory_TimesEqual"]);
            RuleFor(f => f.ValidFrom).Must(v => DirectoryRules.TryDate(v!.Trim(), out _)).When(f => !string.IsNullOrWhiteSpace(f.ValidFrom))
                .WithMessage(t["Directory_DateInvalid"]);
            RuleFor(f => f.ValidTo).Must(v => DirectoryRules.TryDate(v!.Trim(), out _)).When(f => !string.IsNullOrWhiteSpace(f.ValidTo))
                .WithMessage(t["Directory_DateInvalid"])
                .Must((f, v) => Date(f.ValidFrom) is not { } from || Date(v) is not { } to || from <= to).WithMessage(t["Directory_DatesOrder"]);
            RuleFor(f => f.Description).Must(v => v is null || v.Trim().Length <= DirectoryRules.NoteLength).WithMessage(t["Field_TooLong", DirectoryRules.NoteLength]);
        }
    }
}
