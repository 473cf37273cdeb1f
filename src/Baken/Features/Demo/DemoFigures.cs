using Baken.Features.Outreach;
using Baken.Features.Plan;
using Baken.Features.Referrals;
using Baken.Features.Reporting.Facts;
using Baken.Features.ServiceDirectory;
using Baken.Features.Signals;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;

namespace Baken.Features.Demo;

/// <summary>
/// Three years of statistical history at the demo's scale (about 150 people a year in an exit trajectory in one
/// region), so the figures pages have something to show. These are facts of people who are no longer in the demo's
/// files, as after retention or erasure (ADR 20): facts with statistics keys that belong to no client. The few
/// demo clients with a real file add their own facts through the record services. Fixed seed, dates relative to
/// today.
/// </summary>
public sealed class DemoFigures(BakenDbContext db, TimeProvider timeProvider)
{
    private const int IntakesPerYear = 75;

    public async Task SeedAsync(Guid careProviderId, Guid infoCentreId, CancellationToken cancellationToken)
    {
        var random = new Random(150);
        var today = DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime);
        var first = new DateOnly(today.Year - 3, 1, 1);
        var days = today.DayNumber - first.DayNumber;
        var domains = PlanDefaults.Domains.Select(d => d.Id).ToArray();
        for (var i = 0; i < IntakesPerYear * 3.9; i++)
        {
            var started = first.AddDays(random.Next(days));
            var length = random.Next(60, 720);
            var ended = started.AddDays(length) is var end && end < today ? end : (DateOnly?)null;
            var dropped = ended is not null && random.Next(5) == 0;
            var episode = new TrajectoryFact
            {
                SubjectKey = Guid.NewGuid(),
                OrganisationId = careProviderId,
                Type = TrajectoryType.Exit,
                StartedOn = started,
                Route = Pick(random, [ReferralRoute.OutreachOffline, ReferralRoute.OutreachOffline, ReferralRoute.OutreachOnline, ReferralRoute.SelfReferralWebsite,
                    ReferralRoute.SelfReferralInfoCentre, ReferralRoute.PublicHealthService, ReferralRoute.Police, ReferralRoute.TraffickingCentre, ReferralRoute.RegionalOrganisation]),
                Gender = Pick<GenderIdentity?>(random, [.. Enumerable.Repeat<GenderIdentity?>(GenderIdentity.Woman, 16), GenderIdentity.Man, GenderIdentity.Man,
                    GenderIdentity.Transgender, i % 40 == 0 ? GenderIdentity.NonBinary : null]),
                AgeBand = Pick(random, [AgeBand.From18To24, AgeBand.From25To34, AgeBand.From25To34, AgeBand.From35To44, AgeBand.From35To44, AgeBand.From45]),
                Victim = Pick<VictimStatus?>(random, [VictimStatus.No, VictimStatus.No, VictimStatus.No, VictimStatus.Suspected, VictimStatus.Yes, null]),
                EndedOn = ended,
                EndState = ended is null ? null : dropped ? TrajectoryState.DroppedOut : TrajectoryState.Closed,
                Outcome = ended is null || dropped ? null : Pick(random, [ClosureOutcome.PaidWork, ClosureOutcome.PaidWork, ClosureOutcome.Education,
                    ClosureOutcome.DaytimeActivity, ClosureOutcome.BenefitsArranged, ClosureOutcome.ReturnedWithIom, ClosureOutcome.MovedOutOfRegion]),
            };
            db.Add(episode);
            var previous = new List<DomainTrendFact>();
            for (var on = started.AddDays(random.Next(60, 90)); on < (ended ?? today); on = on.AddDays(random.Next(42, 85)))
            {
                previous.ForEach(f => f.SupersededOn = on);
                previous.Clear();
                foreach (var domain in domains)
                {
                    previous.Add(new DomainTrendFact
                    {
                        EpisodeId = episode.Id,
                        SubjectKey = episode.SubjectKey,
                        OrganisationId = careProviderId,
                        Type = TrajectoryType.Exit,
                        DomainId = domain,
                        On = on,
                        Trend = random.Next(10) switch { < 5 => Trend.Improving, < 8 => Trend.Stable, _ => Trend.Declining },
                    });
                }

                db.AddRange(previous);
            }
        }

        for (var i = 0; i < 3.9 * 70; i++)
        {
            var on = first.AddDays(random.Next(days));
            var category = Pick(random, [SignalCategory.Exploitation, SignalCategory.Exploitation, SignalCategory.Violence, SignalCategory.HealthRisk, SignalCategory.Other,
                SignalCategory.MinorOrGrooming]);
            db.Add(new EventFact
            {
                Kind = EventFactKind.SignalRaised,
                On = on,
                OrganisationId = infoCentreId,
                Category = (int)category,
                Detail = (int)Pick(random, [SignalSource.Outreach, SignalSource.Outreach, SignalSource.AdReview, SignalSource.Partner, SignalSource.AnonymousReport, SignalSource.Staff])
            });
            db.Add(new EventFact { Kind = EventFactKind.SignalTriaged, On = on.AddDays(1), OrganisationId = infoCentreId, Category = (int)category, Hours = random.Next(1, 72) });
            if (random.Next(4) == 0)
            {
                db.Add(new EventFact { Kind = EventFactKind.SignalHandedOver, On = on.AddDays(random.Next(2, 20)), OrganisationId = infoCentreId, Category = (int)category });
            }
        }

        for (var i = 0; i < 3.9 * 80; i++)
        {
            db.Add(new EventFact
            {
                Kind = EventFactKind.ReferralOut,
                On = first.AddDays(random.Next(days)),
                OrganisationId = careProviderId,
                Category = (int)Pick(random, [PartnerType.JobCoaching, PartnerType.JobCoaching, PartnerType.PublicHealth, PartnerType.CareProvider, PartnerType.ReturnMigration,
                    PartnerType.SupportPoint, PartnerType.Police]),
                Detail = (int)Pick(random, [ReferralStatus.Completed, ReferralStatus.Completed, ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.Sent]),
            });
        }

        for (var i = 0; i < 3.9 * 45; i++)
        {
            db.Add(new EventFact
            {
                Kind = EventFactKind.ReferralIn,
                On = first.AddDays(random.Next(days)),
                OrganisationId = careProviderId,
                Category = (int)Pick(random, [Intake.IntakeSource.SelfReferral, Intake.IntakeSource.SelfReferral, Intake.IntakeSource.PartnerForm, Intake.IntakeSource.PartnerSystem]),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
