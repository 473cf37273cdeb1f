using Baken.Features.Admin;
using Baken.Features.Plan;
using Baken.Features.Reporting;
using Baken.Features.Reporting.Facts;
using Baken.Features.Reporting.Figures;
using Baken.Features.Trajectories;
using Baken.Tests.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Reporting.Facts;

/// <summary>
/// Life-domain trends are chained: each fact knows the day the same person's next trend for the domain replaced it
/// (<see cref="DomainTrendFact.SupersededOn"/>), so the domain table takes "each person's latest trend in the
/// period" with a range filter. The chain must stay right when assessments arrive late, are redone on the same
/// day, and across a closed and a reopened episode.
/// </summary>
public sealed class TrendChainTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task Each_trend_is_superseded_on_the_day_of_the_next_whatever_order_assessments_arrive_in(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var manager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisation);
        var (clientId, _) = await app.CreateClientAsync(organisation, teamMember: manager.Id);
        var trajectory = await app.StartTrajectoryAsync(clientId, manager.Id);
        var year = FactTestSupport.Today.Year - 1;
        DateOnly Day(int month) => new(year, month, 10);

        await app.AssessAsync(trajectory, Day(1), 3, manager.Id); // the first: no trend
        await app.AssessAsync(trajectory, Day(2), 4, manager.Id); // improving
        await app.AssessAsync(trajectory, Day(7), 2, manager.Id); // declining
        (await TrendsAsync(app, organisation)).ShouldBe([(Day(2), Trend.Improving, Day(7)), (Day(7), Trend.Declining, null)]);

        await app.AssessAsync(trajectory, Day(4), 3, manager.Id); // late: recorded after July's, dated April
        (await TrendsAsync(app, organisation)).ShouldBe(
            [(Day(2), Trend.Improving, Day(4)), (Day(4), Trend.Stable, Day(7)), (Day(7), Trend.Declining, null)],
            "a late assessment is put between its neighbours");

        await app.AssessAsync(trajectory, Day(4), 5, manager.Id); // redone on the same day
        (await TrendsAsync(app, organisation)).ShouldBe(
            [(Day(2), Trend.Improving, Day(4)), (Day(4), Trend.Improving, Day(7)), (Day(7), Trend.Declining, null)],
            "the same day's trend is replaced, not added");

        await app.MoveAsync(trajectory, manager.Id, (TrajectoryState.DroppedOut, (ClosureOutcome?)null));
        await app.MoveAsync(trajectory, manager.Id, (TrajectoryState.Active, (ClosureOutcome?)null));
        await app.AssessAsync(trajectory, Day(9), 3, manager.Id); // the reopened episode, against the trajectory's first
        await app.AssessAsync(trajectory, Day(11), 1, manager.Id);
        var trends = await TrendsAsync(app, organisation);
        trends.ShouldBe(
            [(Day(2), Trend.Improving, Day(4)), (Day(4), Trend.Improving, Day(7)), (Day(7), Trend.Declining, Day(9)), (Day(9), Trend.Stable, Day(11)), (Day(11), Trend.Declining, null)],
            "the chain is the person's, across their episodes, as the table counts people");
    }

    [Theory]
    [Databases]
    public async Task The_domain_table_counts_each_persons_latest_trend_in_the_period(DatabaseProvider provider)
    {
        const int People = 12;
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var year = FactTestSupport.Today.Year - 1;
        var domain = PlanDefaults.Domains[0].Id;
        await app.QueryAsync(async db =>
        {
            for (var i = 0; i < People; i++)
            {
                var episode = new TrajectoryFact { SubjectKey = Guid.NewGuid(), OrganisationId = organisation, Type = TrajectoryType.Exit, StartedOn = new DateOnly(year - 1, 12, 1) };
                db.Add(episode);

                // Improving in February, stable in May (replacing February's), declining next January (after the year).
                (DateOnly On, Trend Trend)[] chain = [(new(year, 2, 1), Trend.Improving), (new(year, 5, 1), Trend.Stable), (new(year + 1, 1, 15), Trend.Declining)];
                for (var c = 0; c < chain.Length; c++)
                {
                    db.Add(new DomainTrendFact
                    {
                        EpisodeId = episode.Id,
                        SubjectKey = episode.SubjectKey,
                        OrganisationId = organisation,
                        Type = TrajectoryType.Exit,
                        DomainId = domain,
                        On = chain[c].On,
                        Trend = chain[c].Trend,
                        SupersededOn = c + 1 < chain.Length ? chain[c + 1].On : null,
                    });
                }
            }

            return await db.SaveChangesAsync();
        });

        (await DomainRowAsync(app, ReportPeriod.OfQuarter(year, 1), organisation)).ShouldBe([People, 0, 0], "in the first quarter February's trend is the latest");
        (await DomainRowAsync(app, ReportPeriod.OfYear(year), organisation)).ShouldBe([0, People, 0], "over the year May's replaced February's; January's is after it");
        (await DomainRowAsync(app, ReportPeriod.OfYear(year + 1), organisation)).ShouldBe([0, 0, People]);
        (await DomainRowAsync(app, ReportPeriod.OfQuarter(year, 3), organisation)).ShouldBe([0, 0, 0], "no assessment in the third quarter, so no trend");
    }

    private static Task<List<(DateOnly On, Trend Trend, DateOnly? SupersededOn)>> TrendsAsync(BakenAppFactory app, Guid organisation) =>
        app.QueryAsync(async db => (await db.Set<DomainTrendFact>().AsNoTracking()
                .Where(f => f.OrganisationId == organisation && f.DomainId == PlanDefaults.Domains[0].Id)
                .Select(f => new { f.On, f.Trend, f.SupersededOn }).ToListAsync())
            .OrderBy(f => f.On).Select(f => (f.On, f.Trend, f.SupersededOn)).ToList());

    /// <summary>The first domain's row of the exit report: improving, stable, declining (0 where empty), without its total.</summary>
    private static async Task<int[]> DomainRowAsync(BakenAppFactory app, ReportPeriod period, Guid organisation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ReportFigures>().ReportAsync(ReportTableKind.ExitProgramme, period, organisation, CancellationToken.None);
        return [.. report.Tables.Single(t => t.Id == "exit-domains").Rows.Single(r => r.Label == PlanDefaults.Domains[0].Name).Values.Take(3).Select(v => (int)(v.Number ?? 0))];
    }
}
