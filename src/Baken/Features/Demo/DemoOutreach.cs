using Baken.Features.Outreach;
using Baken.Features.Reporting.Facts;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Demo;

/// <summary>
/// A year of demo outreach from a fixed seed: a round most weeks, on the street or online, with anonymous
/// tallies, topics and counts, and ad reviews in which some ads come back (their references are synthetic and
/// only ever hashed, as in real use).
/// </summary>
public sealed class DemoOutreach(BakenDbContext db, BlindIndex keyedHash, TimeProvider timeProvider)
{
    public async Task SeedAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var random = new Random(2027);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var worker = await db.Users.Where(u => u.Email == "veldwerker@baken.example").Select(u => u.Id).SingleAsync(cancellationToken);
        var offline = OutreachDefaults.Locations.Where(l => l.Mode == OutreachMode.Offline).ToArray();
        var online = OutreachDefaults.Locations.Where(l => l.Mode == OutreachMode.Online).ToArray();
        for (var week = 52; week >= 1; week--)
        {
            if (random.Next(6) == 0)
            {
                continue;
            }

            var location = week % 3 == 0 ? online[random.Next(online.Length)] : offline[random.Next(offline.Length)];
            var start = now.Date.AddDays(-7 * week + random.Next(0, 5)).AddHours(random.Next(10, 21));
            var session = new OutreachSession
            {
                OrganisationId = organisationId,
                Mode = location.Mode,
                LocationId = location.Id,
                StartedAtUtc = start,
                EndedAtUtc = start.AddMinutes(random.Next(60, 180)),
                CreatedByUserId = worker,
                Topics = (OutreachTopics)random.Next(1, 512),
                MaterialsHandedOut = random.Next(0, 30),
                ReferralsMade = random.Next(0, 4),
                FollowUpAgreements = random.Next(0, 3),
            };
            db.Add(session);
            db.Add(new OutreachWorker { SessionId = session.Id, UserId = worker });
            for (var n = random.Next(3, 16); n > 0; n--)
            {
                db.Add(new OutreachContact
                {
                    SessionId = session.Id,
                    IsNew = random.Next(3) == 0,
                    GenderIdentity = random.Next(10) switch { < 6 => GenderIdentity.Woman, < 8 => GenderIdentity.Man, 8 => GenderIdentity.Transgender, _ => null },
                    AgeBand = (AgeBand)random.Next(0, 6),
                    Language = (ContactLanguage)random.Next(0, 10),
                    AtUtc = start.AddMinutes(random.Next(0, 60)),
                });
            }
        }

        var adSites = online.Where(l => l.Kind == LocationKind.AdSite).ToArray();
        for (var n = 0; n < 40; n++)
        {
            var ad = $"https://advertenties.example/demo-{random.Next(0, 25)}";
            db.Add(new AdReview
            {
                OrganisationId = organisationId,
                ReviewedByUserId = worker,
                ReviewedOn = DateOnly.FromDateTime(now.AddDays(-random.Next(1, 360))),
                LocationId = adSites[random.Next(adSites.Length)].Id,
                AdHash = (await keyedHash.KeyedHashAsync(Infrastructure.Crypto.BlindIndexKind.AdReference, ad, cancellationToken))!,
                Indicators = random.Next(4) == 0 ? (AdIndicators)random.Next(1, 64) : AdIndicators.None,
                Outcome = (AdOutcome)random.Next(1, 4),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await OutreachTallyRebuild.RecountAsync(db, cancellationToken);
    }
}
