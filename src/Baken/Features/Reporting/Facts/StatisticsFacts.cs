using System.Globalization;
using Baken.Features.Clients;
using Baken.Features.Intake;
using Baken.Features.Outreach;
using Baken.Features.Referrals;
using Baken.Features.Signals;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Reporting.Facts;

/// <summary>
/// Writes the statistical facts (ADR 20) as work happens. The record services call it inside their own unit of
/// work, so a fact is saved in the same transaction as the step it counts, or not at all. Days are local dates.
/// </summary>
public sealed class StatisticsFacts(BakenDbContext db, ClientCrypto crypto, TimeProvider timeProvider)
{
    private readonly Dictionary<Guid, Guid> _subjectKeys = [];

    private DateOnly Today => DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime);

    /// <summary>A new episode for a trajectory that starts (or is reopened), with the categories of its intake.</summary>
    public async Task TrajectoryStartedAsync(Client client, Trajectory trajectory, TrajectoryIntake intake, bool reopened, CancellationToken cancellationToken)
    {
        var today = Today;
        db.Add(new TrajectoryFact
        {
            SubjectKey = await SubjectKeyAsync(client.Id, cancellationToken),
            OrganisationId = trajectory.OrganisationId,
            Type = trajectory.Type,
            StartedOn = today,
            Reopened = reopened,
            Route = intake.ReferralRoute,
            Gender = intake.GenderIdentity,
            Victim = intake.VictimStatus,
            AgeBand = await AgeBandAsync(client, today, cancellationToken),
        });
    }

    /// <summary>A corrected intake changes the categories of the open episode; a closed one keeps what was published.</summary>
    public async Task TrajectoryIntakeChangedAsync(Trajectory trajectory, TrajectoryIntake intake, CancellationToken cancellationToken)
    {
        if (await OpenEpisodeAsync(trajectory, cancellationToken) is { } episode)
        {
            episode.Route = intake.ReferralRoute;
            episode.Gender = intake.GenderIdentity;
            episode.Victim = intake.VictimStatus;
        }
    }

    public async Task TrajectoryEndedAsync(Trajectory trajectory, CancellationToken cancellationToken)
    {
        if (await OpenEpisodeAsync(trajectory, cancellationToken) is { } episode)
        {
            episode.EndedOn = Today;
            episode.EndState = trajectory.State;
            episode.Outcome = trajectory.Outcome;
        }
    }

    /// <summary>
    /// The direction of every domain scored now against the episode's first assessment. The first assessment
    /// itself gives no trend; an assessment dated before the first becomes the new first and gives none either.
    /// Keeps <see cref="DomainTrendFact.SupersededOn"/> right for the person's trends from this day on.
    /// </summary>
    public async Task AssessmentRecordedAsync(Trajectory trajectory, DateOnly assessedOn, IReadOnlyDictionary<Guid, int> scores, IReadOnlyDictionary<Guid, int>? firstScores, CancellationToken cancellationToken)
    {
        if (firstScores is null || await OpenEpisodeAsync(trajectory, cancellationToken) is not { } episode)
        {
            return;
        }

        // The person's trends that an assessment on this day can change: those from this day on, and the latest
        // before it (the one fact before the day not superseded before it).
        var (key, type) = (episode.SubjectKey, episode.Type);
        var affected = db.Set<DomainTrendFact>().Local.Where(f => f.SubjectKey == key && f.Type == type && (f.SupersededOn == null || f.SupersededOn >= assessedOn)).ToList();
        affected.AddRange(await db.Set<DomainTrendFact>()
            .Where(f => f.SubjectKey == key && f.Type == type && (f.SupersededOn == null || f.SupersededOn >= assessedOn))
            .ToListAsync(cancellationToken));
        affected = [.. affected.Distinct().Where(f => f.SupersededOn == null || f.SupersededOn >= assessedOn)];

        var sameDay = affected.Where(f => f.EpisodeId == episode.Id && f.On == assessedOn).ToList();
        db.RemoveRange(sameDay);
        affected.RemoveAll(sameDay.Contains);
        foreach (var (domain, score) in scores)
        {
            if (firstScores.TryGetValue(domain, out var first))
            {
                var fact = new DomainTrendFact
                {
                    EpisodeId = episode.Id,
                    SubjectKey = episode.SubjectKey,
                    OrganisationId = episode.OrganisationId,
                    Type = episode.Type,
                    DomainId = domain,
                    On = assessedOn,
                    Trend = score > first ? Trend.Improving : score < first ? Trend.Declining : Trend.Stable,
                };
                db.Add(fact);
                affected.Add(fact);
            }
        }

        foreach (var chain in affected.GroupBy(f => f.DomainId))
        {
            var ordered = chain.OrderBy(f => f.On).ThenBy(f => f.Id).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var next = i + 1 < ordered.Count ? ordered[i + 1].On : (DateOnly?)null;
                if (ordered[i].SupersededOn != next)
                {
                    ordered[i].SupersededOn = next;
                }
            }
        }
    }

    public void SignalRaised(Signal signal) =>
        db.Add(new EventFact { Kind = EventFactKind.SignalRaised, On = Today, OrganisationId = signal.OrganisationId, Category = (int)signal.Category, Detail = (int)signal.Source });

    /// <summary>Called when a signal is triaged for the first time; the hours from raising to triage give the median.</summary>
    public void SignalTriaged(Signal signal, DateTime triagedAtUtc) =>
        db.Add(new EventFact
        {
            Kind = EventFactKind.SignalTriaged,
            On = Today,
            OrganisationId = signal.OrganisationId,
            Category = (int)signal.Category,
            Hours = (int)Math.Max(0, Math.Round((triagedAtUtc - signal.RaisedAtUtc).TotalHours)),
        });

    public void SignalHandedOver(Signal signal) =>
        db.Add(new EventFact { Kind = EventFactKind.SignalHandedOver, On = Today, OrganisationId = signal.OrganisationId, Category = (int)signal.Category });

    public void ReferralSent(Referral referral) =>
        db.Add(new EventFact
        {
            Kind = EventFactKind.ReferralOut,
            On = Today,
            OrganisationId = referral.OrganisationId,
            Category = (int)referral.RecipientType,
            Detail = (int)referral.Status,
            SourceId = referral.Id,
        });

    public async Task ReferralStatusChangedAsync(Referral referral, CancellationToken cancellationToken)
    {
        var fact = db.Set<EventFact>().Local.FirstOrDefault(f => f.SourceId == referral.Id)
            ?? await db.Set<EventFact>().FirstOrDefaultAsync(f => f.SourceId == referral.Id && f.Kind == EventFactKind.ReferralOut, cancellationToken);
        fact?.Detail = (int)referral.Status;
    }

    public void IntakeReceived(IntakeRequest request) =>
        db.Add(new EventFact { Kind = EventFactKind.ReferralIn, On = Today, OrganisationId = request.OrganisationId, Category = (int)request.Source });

    /// <summary>
    /// Adds <paramref name="delta"/> to the tally of a contact with these details: +1 when a contact is
    /// tallied; -1 and +1 when its details change (<see cref="ContactDetailsChangedAsync"/>, ADR 20). Written at once, as an upsert
    /// that adds to the stored count, so two workers counting in the same month never overwrite each other: call it
    /// inside the command's transaction.
    /// </summary>
    public async Task ContactTalliedAsync(Guid organisationId, DateTime atUtc, GenderIdentity? gender, AgeBand ageBand, bool isNew, int delta, CancellationToken cancellationToken)
    {
        var month = OutreachTally.MonthOf(atUtc);
        var genderCode = (int?)gender ?? 0;
        var age = (int)ageBand;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "OutreachTallies" ("Month", "OrganisationId", "Gender", "AgeBand", "IsNew", "Count")
            VALUES ({month}, {organisationId}, {genderCode}, {age}, {isNew}, {delta})
            ON CONFLICT ("Month", "OrganisationId", "Gender", "AgeBand", "IsNew")
            DO UPDATE SET "Count" = "OutreachTallies"."Count" + excluded."Count"
            """, cancellationToken);
    }

    /// <summary>
    /// Moves a contact between tallies when its details change (corrected, or cleared when the person becomes a
    /// client): -1 from the old details and +1 to the new; nothing when they are the same.
    /// </summary>
    public async Task ContactDetailsChangedAsync(Guid organisationId, DateTime atUtc, bool isNew, (GenderIdentity? Gender, AgeBand AgeBand) from, (GenderIdentity? Gender, AgeBand AgeBand) to, CancellationToken cancellationToken)
    {
        if (from == to)
        {
            return;
        }

        await ContactTalliedAsync(organisationId, atUtc, from.Gender, from.AgeBand, isNew, -1, cancellationToken);
        await ContactTalliedAsync(organisationId, atUtc, to.Gender, to.AgeBand, isNew, +1, cancellationToken);
    }

    /// <summary>The open episode of a trajectory (the demo seed moves its dates into the past with the trajectory's).</summary>
    public async Task<TrajectoryFact?> OpenEpisodeAsync(Trajectory trajectory, CancellationToken cancellationToken)
    {
        var key = await SubjectKeyAsync(trajectory.ClientId, cancellationToken);
        return db.Set<TrajectoryFact>().Local.FirstOrDefault(f => f.SubjectKey == key && f.Type == trajectory.Type && f.EndedOn == null)
            ?? await db.Set<TrajectoryFact>().OrderByDescending(f => f.StartedOn)
                .FirstOrDefaultAsync(f => f.SubjectKey == key && f.Type == trajectory.Type && f.EndedOn == null, cancellationToken);
    }

    /// <summary>The client's statistics key: read (and decrypted) once per unit of work, or made on first use.</summary>
    private async Task<Guid> SubjectKeyAsync(Guid clientId, CancellationToken cancellationToken)
    {
        if (_subjectKeys.TryGetValue(clientId, out var known))
        {
            return known;
        }

        var stored = db.Set<ClientStatisticsKey>().Local.FirstOrDefault(k => k.ClientId == clientId)
            ?? await db.Set<ClientStatisticsKey>().FirstOrDefaultAsync(k => k.ClientId == clientId, cancellationToken);
        Guid key;
        if (stored is not null
            && Guid.TryParse(await crypto.DecryptAsync(clientId, ClientStatisticsKey.Table, nameof(ClientStatisticsKey.Key), stored.Id, stored.Key, cancellationToken), out var read))
        {
            key = read;
        }
        else
        {
            key = Guid.NewGuid();
            var row = new ClientStatisticsKey { ClientId = clientId, Key = [] };
            row.Key = (await crypto.EncryptAsync(clientId, ClientStatisticsKey.Table, nameof(ClientStatisticsKey.Key), row.Id, key.ToString("N"), cancellationToken))!;
            db.Add(row);
        }

        _subjectKeys[clientId] = key;
        return key;
    }

    private async Task<AgeBand> AgeBandAsync(Client client, DateOnly on, CancellationToken cancellationToken)
    {
        var text = await crypto.DecryptAsync(client.Id, Client.Table, nameof(Client.DateOfBirth), client.Id, client.DateOfBirth, cancellationToken);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            return AgeBand.Unknown;
        }

        var age = on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);
        return age switch
        {
            < 18 => AgeBand.Under18,
            < 25 => AgeBand.From18To24,
            < 35 => AgeBand.From25To34,
            < 45 => AgeBand.From35To44,
            _ => AgeBand.From45,
        };
    }
}
