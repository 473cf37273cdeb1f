using Baken.Features.Clients;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Baken.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Retention;

/// <summary>
/// A case manager's decision to keep a client file past its retention period: until a date (at most
/// <see cref="RetentionOptions.MaxKeepLongerMonths"/> ahead) and for a reason, which is encrypted, logged and audited.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class KeepLongerModel(
    BakenDbContext db,
    ClientAccess access,
    ClientCrypto crypto,
    ClientRetention retention,
    ProcessingLogWriter processingLog,
    AuditLog audit,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class Command
    {
        public DateOnly? Until { get; set; }

        public string Reason { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer t, DateOnly currentExpiry, DateOnly latest)
        {
            RuleFor(c => c.Until).NotNull().WithMessage(t["Retention_UntilRequired"]);
            RuleFor(c => c.Until).Must(d => d > currentExpiry).When(c => c.Until is not null)
                .WithMessage(t["Retention_UntilAfterExpiry", currentExpiry.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
            RuleFor(c => c.Until).Must(d => d <= latest).When(c => c.Until is not null)
                .WithMessage(t["Retention_UntilTooLate", latest.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
            RuleFor(c => c.Reason).Must(r => r.Trim().Length >= 10).WithMessage(t["Retention_ReasonRequired"]);
            RuleFor(c => c.Reason).MaximumLength(1000).WithMessage(t["Field_TooLong", 1000]);
        }
    }

    [BindProperty]
    public Command Input { get; set; } = new();

    public Guid ClientId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public DateOnly CurrentExpiry { get; private set; }

    public DateOnly Latest { get; private set; }

    public string? CurrentReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } client)
        {
            return NotFound();
        }

        CurrentReason = await crypto.DecryptAsync(id, Client.Table, nameof(Client.KeepReason), id, client.KeepReason, cancellationToken);
        processingLog.Record(ProcessingActivities.CaseManagement, "RetentionViewed", id);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } client)
        {
            return NotFound();
        }

        if (client.RestrictedAtUtc is not null)
        {
            ModelState.AddModelError(string.Empty, t["Restrict_NoChanges"]);
            return Page();
        }

        if (!ModelState.AddValidationResult(new Validator(t, CurrentExpiry, Latest).Validate(Input)))
        {
            return Page();
        }

        client.KeepUntilUtc = DisplayTime.EndOfLocalDayUtc(Input.Until!.Value);
        client.KeepReason = await crypto.EncryptAsync(id, Client.Table, nameof(Client.KeepReason), id, Input.Reason.Trim(), cancellationToken);
        processingLog.Record(ProcessingActivities.CaseManagement, "RetentionExtended", id);
        audit.Record("RetentionExtended", nameof(Client), id, $"until={Input.Until:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Clients/File", new { id, kept = true });
    }

    private async Task<Client?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var client = await access.FindOpenableAsync(User, id, cancellationToken);
        if (client is not null)
        {
            ClientId = id;
            Code = client.Code;
            var expiresAtUtc = retention.ExpiresAtUtc(client.Level, client.LastActivityAtUtc, client.KeepUntilUtc);
            CurrentExpiry = DisplayTime.LocalDate(expiresAtUtc);
            Latest = DisplayTime.LocalDate(retention.LatestKeepUntilUtc(expiresAtUtc));
        }

        return client;
    }
}
