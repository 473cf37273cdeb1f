using Baken.Features.Reporting;
using Baken.Features.Reporting.Facts;
using Baken.Features.Reporting.Figures;
using Baken.Features.Trajectories;
using Baken.Tests.Features.Reporting.Facts;
using Baken.Tests.Features.Signals;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Reporting;

/// <summary>
/// The exit report's chart: people in the programme per period for the last five periods, each counted as the
/// table counts them (distinct people whose episode overlaps the period), the earlier ones from one read.
/// </summary>
public sealed class ExitSeriesTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task The_chart_counts_the_people_of_each_of_the_last_five_years(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var year = FactTestSupport.Today.Year - 1;
        await app.QueryAsync(async db =>
        {
            void Episode(Guid person, DateOnly started, DateOnly? ended) => db.Add(new TrajectoryFact
            {
                SubjectKey = person,
                OrganisationId = organisation,
                Type = TrajectoryType.Exit,
                StartedOn = started,
                EndedOn = ended,
                EndState = ended is null ? null : TrajectoryState.Closed,
            });

            for (var i = 0; i < 12; i++)
            {
                Episode(Guid.NewGuid(), new(year - 3, 3, 1), new(year - 2, 6, 1)); // two years
            }

            for (var i = 0; i < 13; i++)
            {
                Episode(Guid.NewGuid(), new(year - 2, 1, 10), new(year - 2, 12, 31)); // the last day counts
            }

            for (var i = 0; i < 11; i++)
            {
                Episode(Guid.NewGuid(), new(year - 1, 2, 1), null); // still open
            }

            var twice = Guid.NewGuid();
            Episode(twice, new(year - 1, 2, 1), new(year - 1, 3, 1));
            Episode(twice, new(year - 1, 4, 1), null); // reopened: one person

            return await db.SaveChangesAsync();
        });

        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ReportFigures>().ReportAsync(ReportTableKind.ExitProgramme, ReportPeriod.OfYear(year), organisation, CancellationToken.None);

        report.Series.Select(p => p.Label).ShouldBe([.. Enumerable.Range(year - 4, 5).Select(y => ReportPeriod.OfYear(y).ToString())]);
        report.Series.Select(p => p.Value.Number).ShouldBe([0m, 12m, 25m, 12m, 12m]);
        report.Tables.Single(t => t.Id == "exit-clients").Rows.Single(r => r.IsTotal).Values[0].Number.ShouldBe(12m, "the chart's last bar is the table's total");

        var earlier = await scope.ServiceProvider.GetRequiredService<ReportFigures>().ReportAsync(ReportTableKind.ExitProgramme, ReportPeriod.OfYear(year - 2), organisation, CancellationToken.None);
        earlier.Series.Select(p => p.Value.Number).ShouldBe([0m, 0m, 0m, 12m, 25m]);
    }
}
