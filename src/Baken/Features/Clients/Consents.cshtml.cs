using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Baken.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Clients;

/// <summary>The client's consent register: what they agreed to, towards whom, on what basis; record and withdraw.</summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class ConsentsModel(
    BakenDbContext db,
    ClientAccess access,
    ClientRecords records,
    ClientCrypto crypto,
    ProcessingLogWriter processingLog,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(Guid Id, ConsentPurpose Purpose, string? Recipient, string? Channel, LegalBasis LegalBasis,
        DateTime GivenAtUtc, DateTime? WithdrawnAtUtc, string? Note);

    public sealed class Command
    {
        public ConsentPurpose? Purpose { get; set; }

        public Guid? RecipientOrganisationId { get; set; }

        public string Channel { get; set; } = string.Empty;

        public LegalBasis LegalBasis { get; set; } = LegalBasis.Consent;

        public string Note { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer t)
        {
            RuleFor(c => c.Purpose).NotNull().IsInEnum().WithMessage(t["Consent_PurposeRequired"]);
            RuleFor(c => c.LegalBasis).IsInEnum().WithMessage(t["Consent_BasisRequired"]);
            RuleFor(c => c.RecipientOrganisationId).NotNull().When(c => c.Purpose is ConsentPurpose.Referral or ConsentPurpose.EmployerSharing)
                .WithMessage(t["Consent_RecipientRequired"]);
            RuleFor(c => c.Channel).Must(ch => ClientForm.Channels.Contains(ch)).When(c => c.Purpose == ConsentPurpose.Contact)
                .WithMessage(t["Client_ChannelInvalid"]);
            RuleFor(c => c.Note).MaximumLength(1000).WithMessage(t["Field_TooLong", 1000]);
        }
    }

    [BindProperty]
    public Command Input { get; set; } = new();

    public string Code { get; private set; } = string.Empty;

    public Guid ClientId { get; private set; }

    public IReadOnlyList<Row> Consents { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        processingLog.Record(ProcessingActivities.CaseManagement, "ConsentsViewed", id);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindOpenableAsync(User, id, cancellationToken) is not { } client)
        {
            return NotFound();
        }

        if (client.RestrictedAtUtc is not null)
        {
            ModelState.AddModelError(string.Empty, t["Restrict_NoChanges"]);
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        var valid = ModelState.AddValidationResult(new Validator(t).Validate(Input));
        if (valid && Input.RecipientOrganisationId is { } recipient && !await db.Organisations.AnyAsync(o => o.Id == recipient, cancellationToken))
        {
            ModelState.AddModelError("Input.RecipientOrganisationId", t["Consent_RecipientRequired"]);
            valid = false;
        }

        if (!valid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        var consentId = Guid.CreateVersion7();
        db.Add(new Consent
        {
            Id = consentId,
            ClientId = id,
            Purpose = Input.Purpose!.Value,
            RecipientOrganisationId = Input.RecipientOrganisationId,
            Channel = Input.Purpose == ConsentPurpose.Contact ? Input.Channel : null,
            LegalBasis = Input.LegalBasis,
            GivenAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            RecordedByUserId = User.UserId()!.Value,
            Note = await crypto.EncryptAsync(id, Consent.Table, nameof(Consent.Note), consentId,
                string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(), cancellationToken),
        });
        records.MarkActive(client);
        processingLog.Record(ProcessingActivities.CaseManagement, "ConsentRecorded", id);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid consentId, CancellationToken cancellationToken)
    {
        if (await access.FindOpenableAsync(User, id, cancellationToken) is not { } client)
        {
            return NotFound();
        }

        var consent = await db.Set<Consent>().FirstOrDefaultAsync(c => c.Id == consentId && c.ClientId == id, cancellationToken);
        if (consent is null)
        {
            return NotFound();
        }

        if (consent.WithdrawnAtUtc is null && client.RestrictedAtUtc is null)
        {
            records.MarkActive(client);
            consent.WithdrawnAtUtc = timeProvider.GetUtcNow().UtcDateTime;
            consent.WithdrawnByUserId = User.UserId();
            processingLog.Record(ProcessingActivities.CaseManagement, "ConsentWithdrawn", id);
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await access.CanOpenAsync(User, id, cancellationToken))
        {
            return false;
        }

        ClientId = id;
        Code = await db.Set<Client>().Where(c => c.Id == id).Select(c => c.Code).SingleAsync(cancellationToken);
        Organisations = await Admin.OrganisationOptions.ListAsync(db, cancellationToken);
        var rows = await db.Set<Consent>().AsNoTracking()
            .Where(c => c.ClientId == id)
            .OrderByDescending(c => c.GivenAtUtc)
            .Select(c => new
            {
                c.Id,
                c.Purpose,
                Recipient = db.Organisations.Where(o => o.Id == c.RecipientOrganisationId).Select(o => o.Name).FirstOrDefault(),
                c.Channel,
                c.LegalBasis,
                c.GivenAtUtc,
                c.WithdrawnAtUtc,
                c.Note,
            })
            .ToListAsync(cancellationToken);
        var result = new List<Row>();
        foreach (var row in rows)
        {
            var note = await crypto.DecryptAsync(id, Consent.Table, nameof(Consent.Note), row.Id, row.Note, cancellationToken);
            result.Add(new Row(row.Id, row.Purpose, row.Recipient, row.Channel, row.LegalBasis, row.GivenAtUtc, row.WithdrawnAtUtc, note));
        }

        Consents = result;
        return true;
    }
}
