using Baken.Features.Admin;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Baken.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Clients;

/// <summary>A team lead opens a client file outside need-to-know: reason, fresh authentication, 60 minutes, logged.</summary>
[Authorize(Roles = Roles.Teamleider)]
[RequireRecentAuthentication]
public sealed class BreakGlassModel(
    BakenDbContext db,
    ClientAccess access,
    ClientCrypto crypto,
    ProcessingLogWriter processingLog,
    AuditLog audit,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class Command
    {
        public string Reason { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer t) =>
            RuleFor(c => c.Reason).Must(r => r.Trim().Length >= 10).WithMessage(t["BreakGlass_ReasonRequired"])
                .MaximumLength(1000).WithMessage(t["Field_TooLong", 1000]);
    }

    [BindProperty]
    public Command Input { get; set; } = new();

    public string Code { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await access.CanBreakGlassAsync(User, id, cancellationToken))
        {
            return NotFound();
        }

        Code = await db.Set<Client>().Where(c => c.Id == id).Select(c => c.Code).SingleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await access.CanBreakGlassAsync(User, id, cancellationToken))
        {
            return NotFound();
        }

        Code = await db.Set<Client>().Where(c => c.Id == id).Select(c => c.Code).SingleAsync(cancellationToken);
        if (!ModelState.AddValidationResult(new Validator(t).Validate(Input)))
        {
            return Page();
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var accessId = Guid.CreateVersion7();
        db.Add(new BreakGlassAccess
        {
            Id = accessId,
            ClientId = id,
            UserId = User.UserId()!.Value,
            StartedAtUtc = now,
            ExpiresAtUtc = now + BreakGlassAccess.Duration,
            Reason = (await crypto.EncryptAsync(id, BreakGlassAccess.Table, nameof(BreakGlassAccess.Reason), accessId, Input.Reason.Trim(), cancellationToken))!,
        });
        processingLog.Record(ProcessingActivities.CaseManagement, "BreakTheGlass", id);
        audit.Record("BreakTheGlass", nameof(Client), id);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("File", new { id });
    }
}
