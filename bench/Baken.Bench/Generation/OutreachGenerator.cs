using Baken.Features.Outreach;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;

namespace Baken.Bench.Generation;

/// <summary>
/// Outreach sessions with their workers and tallied contacts, spread over the years and regions: about ten
/// contacts a session, a third online, a third of contacts new. Tallies hold nothing personal (no free text, no
/// client link here), so they go in through <see cref="BulkWriter"/> as the entities the session page saves.
/// </summary>
public sealed class OutreachGenerator(IServiceProvider services, Scale scale, IReadOnlyList<Region> regions, DateTime nowUtc, int seed)
{
    private const int ContactsPerSession = 10;
    private const int SessionsPerFlush = 2_000;

    public async Task<long> GenerateAsync(Progress progress, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var start = nowUtc.AddYears(-scale.Years);
        var span = (nowUtc - start).TotalMinutes;
        var offline = OutreachDefaults.Locations.Where(l => (int)l.Kind < 11).ToArray();
        var online = OutreachDefaults.Locations.Where(l => (int)l.Kind >= 11).ToArray();
        var topics = Enum.GetValues<OutreachTopics>().Where(t => t != OutreachTopics.None).ToArray();
        var genders = Enum.GetValues<GenderIdentity>();
        var ages = Enum.GetValues<AgeBand>();
        var languages = Enum.GetValues<ContactLanguage>();
        var sessions = scale.OutreachContacts / ContactsPerSession;
        long rows = 0;
        for (var done = 0; done < sessions;)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var writer = new BulkWriter(db);
            var batch = Math.Min(SessionsPerFlush, sessions - done);
            for (var i = 0; i < batch; i++)
            {
                var region = regions[random.Next(regions.Count)];
                var isOnline = random.NextDouble() < 0.35;
                var startedAt = start.AddMinutes(random.NextDouble() * span);
                var workers = region.OutreachWorkers.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
                var session = new OutreachSession
                {
                    OrganisationId = region.InfoCentreId,
                    Mode = isOnline ? OutreachMode.Online : OutreachMode.Offline,
                    LocationId = (isOnline ? online : offline)[random.Next(isOnline ? online.Length : offline.Length)].Id,
                    StartedAtUtc = startedAt,
                    EndedAtUtc = startedAt.AddMinutes(random.Next(60, 240)),
                    Topics = topics[random.Next(topics.Length)] | topics[random.Next(topics.Length)],
                    MaterialsHandedOut = random.Next(0, 30),
                    ReferralsMade = random.Next(0, 3),
                    FollowUpAgreements = random.Next(0, 3),
                    CreatedByUserId = workers[0],
                };
                db.Add(session);
                foreach (var worker in workers)
                {
                    db.Add(new OutreachWorker { SessionId = session.Id, UserId = worker });
                }

                for (var c = 0; c < ContactsPerSession; c++)
                {
                    db.Add(new OutreachContact
                    {
                        SessionId = session.Id,
                        IsNew = random.NextDouble() < 0.33,
                        GenderIdentity = random.NextDouble() < 0.1 ? null : genders[random.Next(genders.Length)],
                        AgeBand = ages[random.Next(ages.Length)],
                        Language = languages[random.Next(languages.Length)],
                        AtUtc = startedAt.AddMinutes(random.Next(0, 60)),
                    });
                }
            }

            await writer.FlushAsync(db, cancellationToken);
            rows += writer.RowsWritten;
            done += batch;
            progress.Report(done * ContactsPerSession, writer.RowsWritten);
        }

        return rows;
    }
}
