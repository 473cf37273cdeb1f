using Baken.Features.Clients;
using Baken.Features.Reporting.Facts;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Outreach;

/// <summary>
/// The tally screen, made for a phone on the street: one tap adds a contact (new or known), a second row of
/// large choices adds the optional details of the last contact, and the round is wrapped up with topics,
/// materials, referrals and follow-up agreements. Works without JavaScript: every tap is a small form post.
/// </summary>
[Authorize(Roles = OutreachAccess.Roles)]
public sealed class SessionModel(
    BakenDbContext db,
    OutreachAccess access,
    ClientAccess clientAccess,
    ProcessingLogWriter processingLog,
    StatisticsFacts facts,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record ContactRow(Guid Id, bool IsNew, GenderIdentity? Gender, AgeBand AgeBand, ContactLanguage Language, string? ClientCode, DateTime AtUtc);

    public OutreachSession Session { get; private set; } = null!;

    public string Location { get; private set; } = string.Empty;

    public bool CanEdit { get; private set; }

    public IReadOnlyList<ContactRow> Contacts { get; private set; } = [];

    /// <summary>The contact just added, whose details the screen offers next.</summary>
    public ContactRow? Last { get; private set; }

    [BindProperty]
    public GenderIdentity? Gender { get; set; }

    [BindProperty]
    public AgeBand? Age { get; set; }

    [BindProperty]
    public ContactLanguage? Language { get; set; }

    [BindProperty]
    public string? ClientCode { get; set; }

    [BindProperty]
    public List<OutreachTopics> Topics { get; set; } = [];

    [BindProperty]
    public int? Materials { get; set; }

    [BindProperty]
    public int? Referrals { get; set; }

    [BindProperty]
    public int? FollowUps { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? last, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, last, cancellationToken))
        {
            return NotFound();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, bool isNew, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        var contact = new OutreachContact { SessionId = session.Id, IsNew = isNew, AtUtc = timeProvider.GetUtcNow().UtcDateTime };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        await facts.ContactTalliedAsync(session.OrganisationId, contact.AtUtc, null, AgeBand.Unknown, isNew, +1, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/Outreach/{id}?last={contact.Id}#details");
    }

    public async Task<IActionResult> OnPostDetailsAsync(Guid id, Guid contactId, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        var contact = await db.Set<OutreachContact>().FirstOrDefaultAsync(c => c.Id == contactId && c.SessionId == session.Id, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }

        if ((Gender is { } g && !Enum.IsDefined(g)) || (Age is { } a && !Enum.IsDefined(a)) || (Language is { } l && !Enum.IsDefined(l)))
        {
            ModelState.AddModelError(string.Empty, t["Form_InvalidChoice"]);
        }

        Client? client = null;
        if (!string.IsNullOrWhiteSpace(ClientCode))
        {
            // A code that does not exist and one this worker may not open get the same answer.
            client = Clients.ClientCode.Normalise(ClientCode) is { } code
                ? await clientAccess.Openable(User).FirstOrDefaultAsync(c => c.Code == code, cancellationToken)
                : null;
            if (client is null)
            {
                ModelState.AddModelError(nameof(ClientCode), t["Outreach_UnknownCode"]);
            }
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, contactId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }

        var (oldGender, oldAge) = (contact.GenderIdentity, contact.AgeBand);
        if (client is not null)
        {
            // A known client: keep only the link; their details are in their own (encrypted) file.
            contact.ClientId = client.Id;
            contact.GenderIdentity = null;
            contact.AgeBand = AgeBand.Unknown;
            contact.Language = ContactLanguage.Unknown;
            processingLog.Record(ProcessingActivities.CaseManagement, "OutreachContactLinked", client.Id);
        }
        else
        {
            contact.GenderIdentity = Gender;
            contact.AgeBand = Age ?? AgeBand.Unknown;
            contact.Language = Language ?? ContactLanguage.Unknown;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await facts.ContactDetailsChangedAsync(session.OrganisationId, contact.AtUtc, contact.IsNew, (oldGender, oldAge), (contact.GenderIdentity, contact.AgeBand), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/Outreach/{id}#tally");
    }

    public async Task<IActionResult> OnPostWrapUpAsync(Guid id, bool end, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        foreach (var (value, field) in new[] { (Materials, nameof(Materials)), (Referrals, nameof(Referrals)), (FollowUps, nameof(FollowUps)) })
        {
            if (value is < 0 or > 9999)
            {
                ModelState.AddModelError(field, t["Outreach_CountRange"]);
            }
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }

        session.Topics = Topics.Where(topic => Enum.IsDefined(topic)).Aggregate(OutreachTopics.None, (all, topic) => all | topic);
        session.MaterialsHandedOut = Materials ?? 0;
        session.ReferralsMade = Referrals ?? 0;
        session.FollowUpAgreements = FollowUps ?? 0;
        if (end)
        {
            session.EndedAtUtc ??= timeProvider.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return end ? Redirect("/Outreach") : Redirect($"/Outreach/{id}#wrap-up");
    }

    private Task<OutreachSession?> EditableAsync(Guid id, CancellationToken cancellationToken) =>
        access.Editable(User).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    private async Task<bool> LoadAsync(Guid id, Guid? last, CancellationToken cancellationToken)
    {
        var session = await access.Visible(User).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return false;
        }

        Session = session;
        CanEdit = await access.Editable(User).AnyAsync(s => s.Id == id, cancellationToken);
        Location = await db.Set<OutreachLocation>().Where(l => l.Id == session.LocationId).Select(l => l.Name).SingleAsync(cancellationToken);
        // A linked client's code only for those who may open that client (and then the read is logged); for
        // everyone else the contact is just "known": a code with a place and a time says where someone works.
        var openable = clientAccess.Openable(User);
        var rows = await db.Set<OutreachContact>().AsNoTracking()
            .Where(c => c.SessionId == id)
            .OrderByDescending(c => c.AtUtc)
            .Select(c => new
            {
                Row = new ContactRow(c.Id, c.IsNew, c.GenderIdentity, c.AgeBand, c.Language,
                    openable.Where(x => x.Id == c.ClientId).Select(x => x.Code).FirstOrDefault(), c.AtUtc),
                c.ClientId,
            })
            .ToListAsync(cancellationToken);
        foreach (var clientId in rows.Where(r => r.Row.ClientCode is not null).Select(r => r.ClientId!.Value).Distinct())
        {
            processingLog.Record(ProcessingActivities.CaseManagement, "OutreachRoundViewed", clientId);
        }

        Contacts = [.. rows.Select(r => r.Row)];
        Last = last is { } lastId ? Contacts.FirstOrDefault(c => c.Id == lastId) : null;
        Materials ??= session.MaterialsHandedOut;
        Referrals ??= session.ReferralsMade;
        FollowUps ??= session.FollowUpAgreements;
        return true;
    }
}
