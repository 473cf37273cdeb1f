using Baken.Features.Clients;
using Baken.Features.Reporting.Facts;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Outreach;

/// <summary>
/// Turns a tallied contact into a client, anonymous or pseudonymous, only with the person's consent (recorded
/// as a consent for case management). The tally keeps only the link; the worker joins the client's team.
/// </summary>
[Authorize(Roles = OutreachAccess.Roles)]
public sealed class MakeClientModel(
    BakenDbContext db,
    OutreachAccess access,
    ClientRecords clients,
    ProcessingLogWriter processingLog,
    StatisticsFacts facts,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public IdentityLevel? Level { get; set; }

    [BindProperty]
    public string? Alias { get; set; }

    [BindProperty]
    public string? ContactChannel { get; set; }

    [BindProperty]
    public string? ContactValue { get; set; }

    [BindProperty]
    public bool Consent { get; set; }

    public Guid SessionId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid contactId, CancellationToken cancellationToken) =>
        await FindAsync(id, contactId, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid contactId, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, contactId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (session, contact) = found;
        if (Level is not (IdentityLevel.Anonymous or IdentityLevel.Pseudonymous))
        {
            ModelState.AddModelError(nameof(Level), t["Outreach_LevelRequired"]);
        }

        if (!Consent)
        {
            ModelState.AddModelError(nameof(Consent), t["Outreach_ConsentRequired"]);
        }

        if ((Alias?.Length ?? 0) > 100)
        {
            ModelState.AddModelError(nameof(Alias), t["Field_TooLong", 100]);
        }

        if (Level == IdentityLevel.Pseudonymous)
        {
            if (!string.IsNullOrWhiteSpace(ContactChannel) && !ClientForm.Channels.Contains(ContactChannel))
            {
                ModelState.AddModelError(nameof(ContactChannel), t["Client_ChannelInvalid"]);
            }

            if ((ContactValue?.Length ?? 0) > 200)
            {
                ModelState.AddModelError(nameof(ContactValue), t["Field_TooLong", 200]);
            }
            else if (ContactChannel is "phone" or "email" or "messenger" && string.IsNullOrWhiteSpace(ContactValue))
            {
                ModelState.AddModelError(nameof(ContactValue), t["Outreach_ContactValueRequired"]);
            }
        }

        if (contact.ClientId is not null)
        {
            ModelState.AddModelError(string.Empty, t["Outreach_AlreadyClient"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var identity = new ClientIdentity
        {
            Alias = Alias,
            ContactChannel = Level == IdentityLevel.Pseudonymous ? ContactChannel : null,
            ContactValue = Level == IdentityLevel.Pseudonymous ? ContactValue : null,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var userId = User.UserId()!.Value;
        var client = await clients.CreateAsync(Level!.Value, identity, session.OrganisationId, userId, cancellationToken);
        db.Add(new Clients.Consent
        {
            ClientId = client.Id,
            Purpose = ConsentPurpose.CaseManagement,
            LegalBasis = LegalBasis.Consent,
            GivenAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            RecordedByUserId = userId,
        });
        processingLog.Record(ProcessingActivities.CaseManagement, "ClientCreatedFromOutreach", client.Id);
        await db.SaveChangesAsync(cancellationToken);

        // Claim the contact only if nobody did meanwhile (a double tap): otherwise nothing of this is kept.
        var claimed = await db.Set<OutreachContact>()
            .Where(c => c.Id == contactId && c.ClientId == null)
            .ExecuteUpdateAsync(
                c => c.SetProperty(x => x.ClientId, client.Id)
                    .SetProperty(x => x.GenderIdentity, (Trajectories.GenderIdentity?)null)
                    .SetProperty(x => x.AgeBand, AgeBand.Unknown)
                    .SetProperty(x => x.Language, ContactLanguage.Unknown),
                cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, t["Outreach_AlreadyClient"]);
            return Page();
        }

        // The claim clears the contact's details, so the contact moves to the tally of unknown details.
        await facts.ContactDetailsChangedAsync(session.OrganisationId, contact.AtUtc, contact.IsNew, (contact.GenderIdentity, contact.AgeBand), (null, AgeBand.Unknown), cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/Clients/{client.Id}?created=true");
    }

    private async Task<(OutreachSession Session, OutreachContact Contact)?> FindAsync(Guid id, Guid contactId, CancellationToken cancellationToken)
    {
        var session = await access.Editable(User).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        var contact = session is null ? null
            : await db.Set<OutreachContact>().FirstOrDefaultAsync(c => c.Id == contactId && c.SessionId == id, cancellationToken);
        SessionId = id;
        return session is null || contact is null ? null : (session, contact);
    }
}
