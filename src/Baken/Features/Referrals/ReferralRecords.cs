using Baken.Features.Clients;
using Baken.Features.Reporting.Facts;
using Baken.Features.ServiceDirectory;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Baken.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Referrals;

/// <summary>
/// Records referrals out of a trajectory and their status: stores the letter exactly as previewed (encrypted with
/// the client's key), keeps the status history with the recipient's feedback (encrypted), and writes a
/// processing-log entry (activity "referral") for every read and change, and an audit event for every change.
/// Each method is one unit of work the page saves.
/// </summary>
public sealed class ReferralRecords(
    BakenDbContext db,
    ClientCrypto crypto,
    ClientRecords clients,
    TrajectoryRecords trajectories,
    ProcessingLogWriter processingLog,
    AuditLog audit,
    StatisticsFacts facts,
    TimeProvider timeProvider)
{
    public const int MaxFeedback = 2000;

    public const int SectionSize = 5;

    /// <summary>A service someone can be referred to, with its organisation and that organisation's link to Baken.</summary>
    public sealed record Recipient(Guid ServiceId, string Service, string Organisation, PartnerType Type, Guid? OrganisationId);

    public sealed record Row(Guid Id, Guid TrajectoryId, string Service, string Organisation, ReferralStatus Status, DateTime SentAtUtc, DateTime StatusChangedAtUtc);

    public sealed record StatusView(ReferralStatus To, DateOnly On, DateTime AtUtc, string By, string? Feedback);

    /// <summary>What the trajectory page shows of its referrals.</summary>
    public sealed record Section(Guid TrajectoryId, bool Open, IReadOnlyList<Row> Rows, int Total);

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The active services of the directory, each with its organisation: what a worker can refer to. Filtered on a
    /// part of the service's or organisation's name and on a topic; ordered by organisation, then service. An
    /// earlier referral shows its service even when that is no longer active (<paramref name="includeInactive"/>).
    /// </summary>
    public IQueryable<Recipient> Recipients(string? name = null, string? topic = null, Guid? serviceId = null, bool includeInactive = false)
    {
        var services = db.Set<DirectoryService>().AsNoTracking().Where(s => includeInactive || s.Status == ServiceStatus.Active);
        if (serviceId is { } id)
        {
            services = services.Where(s => s.Id == id);
        }

        if (!string.IsNullOrEmpty(topic))
        {
            var termIds = db.Set<TaxonomyTerm>().Where(term => term.Code == topic).Select(term => term.Id);
            services = services.Where(s => db.Set<ServiceTerm>().Any(st => st.ServiceId == s.Id && termIds.Contains(st.TermId)));
        }

        var joined = services.Join(db.Set<DirectoryOrganization>(), s => s.OrganizationId, o => o.Id, (s, o) => new { s, o });
        if (!string.IsNullOrWhiteSpace(name))
        {
            // Lower on both sides: the same, case-insensitive, on SQLite and PostgreSQL.
            var part = name.Trim().ToLowerInvariant();
            joined = joined.Where(x => x.s.Name.ToLower().Contains(part) || x.o.Name.ToLower().Contains(part));
        }

        return joined.OrderBy(x => x.o.Name).ThenBy(x => x.s.Name)
            .Select(x => new Recipient(x.s.Id, x.s.Name, x.o.Name, x.o.PartnerType, x.o.OrganisationId));
    }

    public Task<Recipient?> FindRecipientAsync(Guid serviceId, CancellationToken cancellationToken) =>
        Recipients(serviceId: serviceId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The referral section of the trajectory page: the latest few, and how many there are in all.</summary>
    public async Task<Section> SectionAsync(Trajectory trajectory, CancellationToken cancellationToken)
    {
        var (rows, info) = await ListAsync(trajectory, 1, cancellationToken, SectionSize);
        return new Section(trajectory.Id, trajectory.IsOpen, rows, info.Total);
    }

    /// <summary>A trajectory's referrals, newest first, one page; the read is logged for the client.</summary>
    public async Task<(List<Row> Rows, PageInfo Info)> ListAsync(Trajectory trajectory, int page, CancellationToken cancellationToken, int pageSize = Paging.DefaultPageSize)
    {
        var result = await Rows(db.Set<Referral>().AsNoTracking().Where(r => r.TrajectoryId == trajectory.Id)).ToPageAsync(page, cancellationToken, pageSize);
        processingLog.Record(ProcessingActivities.Referral, "ReferralsListed", trajectory.ClientId);
        return result;
    }

    /// <summary>
    /// Stores a referral with exactly <paramref name="letter"/> as its text and its first status (sent), under the
    /// id the form carried (a double submit then finds it instead of making a second). The trajectory's version is
    /// checked on save, so nothing is added to a trajectory closed meanwhile.
    /// </summary>
    public async Task<Referral> SendAsync(
        Client client, Trajectory trajectory, Recipient recipient, SharedItem shared, string letter, Guid? consentId, Guid id, Guid byUserId,
        CancellationToken cancellationToken)
    {
        var now = Now;
        var referral = new Referral
        {
            Id = id,
            ClientId = client.Id,
            TrajectoryId = trajectory.Id,
            OrganisationId = trajectory.OrganisationId,
            ServiceId = recipient.ServiceId,
            RecipientOrganisationId = recipient.OrganisationId!.Value,
            RecipientType = recipient.Type,
            Shared = shared,
            ConsentId = consentId,
            Status = ReferralStatus.Sent,
            SentAtUtc = now,
            StatusChangedAtUtc = now,
            ByUserId = byUserId,
            Letter = (await crypto.EncryptAsync(client.Id, Referral.Table, nameof(Referral.Letter), id, letter, cancellationToken))!,
        };
        db.Add(referral);
        db.Add(new ReferralStatusChange
        {
            ReferralId = id,
            ClientId = client.Id,
            To = ReferralStatus.Sent,
            On = DisplayTime.LocalDate(now),
            AtUtc = now,
            ByUserId = byUserId,
        });
        trajectories.GuardUnchanged(trajectory);
        clients.MarkActive(client);
        facts.ReferralSent(referral);
        processingLog.Record(ProcessingActivities.Referral, "ReferralSent", client.Id);
        audit.Record("ReferralSent", nameof(Referral), id, $"service={recipient.ServiceId};recipient={recipient.OrganisationId};shared={(int)shared}");
        return referral;
    }

    /// <summary>The letter text in the clear; the read is logged with <paramref name="action"/>.</summary>
    public async Task<string> ReadLetterAsync(Referral referral, string action, CancellationToken cancellationToken)
    {
        processingLog.Record(ProcessingActivities.Referral, action, referral.ClientId);
        return await crypto.DecryptAsync(referral.ClientId, Referral.Table, nameof(Referral.Letter), referral.Id, referral.Letter, cancellationToken) ?? string.Empty;
    }

    /// <summary>The status history, oldest first, feedback decrypted (read together with the letter, whose read is logged).</summary>
    public async Task<List<StatusView>> HistoryAsync(Referral referral, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ReferralStatusChange>().AsNoTracking()
            .Where(c => c.ReferralId == referral.Id)
            .OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.To, c.On, c.AtUtc, c.Feedback, By = db.Users.Where(u => u.Id == c.ByUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var views = new List<StatusView>(rows.Count);
        foreach (var row in rows)
        {
            var feedback = await crypto.DecryptAsync(referral.ClientId, ReferralStatusChange.Table, nameof(ReferralStatusChange.Feedback), row.Id, row.Feedback, cancellationToken);
            views.Add(new StatusView(row.To, row.On, row.AtUtc, row.By ?? "—", feedback));
        }

        return views;
    }

    /// <summary>
    /// Moves a referral on (see <see cref="ReferralStatuses"/>) on the date it happened: not in the future and not
    /// before it was sent. Returns the resource key of the reason when refused, null when done.
    /// </summary>
    public async Task<string?> ChangeStatusAsync(
        Client client, Referral referral, ReferralStatus to, DateOnly on, string? feedback, Guid byUserId, CancellationToken cancellationToken)
    {
        if (!ReferralStatuses.CanGo(referral.Status, to))
        {
            return "Referral_StatusNotAllowed";
        }

        var now = Now;
        if (on > DisplayTime.LocalDate(now))
        {
            return "Referral_DateInFuture";
        }

        if (on < DisplayTime.LocalDate(referral.SentAtUtc))
        {
            return "Referral_DateBeforeSent";
        }

        var id = Guid.CreateVersion7();
        db.Add(new ReferralStatusChange
        {
            Id = id,
            ReferralId = referral.Id,
            ClientId = referral.ClientId,
            To = to,
            On = on,
            AtUtc = now,
            ByUserId = byUserId,
            Feedback = await crypto.EncryptAsync(referral.ClientId, ReferralStatusChange.Table, nameof(ReferralStatusChange.Feedback), id,
                string.IsNullOrWhiteSpace(feedback) ? null : feedback.Trim(), cancellationToken),
        });
        referral.Status = to;
        referral.StatusChangedAtUtc = now;
        referral.Version++;
        clients.MarkActive(client);
        await facts.ReferralStatusChangedAsync(referral, cancellationToken);
        processingLog.Record(ProcessingActivities.Referral, $"ReferralMovedTo{to}", referral.ClientId);
        audit.Record("ReferralStatusChanged", nameof(Referral), referral.Id, $"to={to}");
        return null;
    }

    private IQueryable<Row> Rows(IQueryable<Referral> referrals) =>
        from r in referrals
        join s in db.Set<DirectoryService>() on r.ServiceId equals s.Id
        join o in db.Set<DirectoryOrganization>() on s.OrganizationId equals o.Id
        orderby r.SentAtUtc descending, r.Id descending
        select new Row(r.Id, r.TrajectoryId, s.Name, o.Name, r.Status, r.SentAtUtc, r.StatusChangedAtUtc);
}
