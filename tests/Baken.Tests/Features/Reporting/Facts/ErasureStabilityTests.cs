using System.Globalization;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Plan;
using Baken.Features.Reporting;
using Baken.Features.Reporting.Facts;
using Baken.Features.Reporting.Figures;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Tests.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Reporting.Facts;

/// <summary>
/// Issue 8's acceptance point "erasing a client does not change last year's published totals" (ADR 20): the
/// figures are computed from facts only, erasure shreds the client's key and deletes the link to the facts, and
/// the facts themselves stay.
/// </summary>
public sealed class ErasureStabilityTests(SharedApps apps)
{
    private const int Clients = 16;

    private static readonly ReferralRoute[] Routes = [ReferralRoute.OutreachOffline, ReferralRoute.Police, ReferralRoute.SelfReferralWebsite];

    private static readonly ClosureOutcome[] Outcomes = [ClosureOutcome.PaidWork, ClosureOutcome.Education, ClosureOutcome.BenefitsArranged];

    [Theory]
    [Databases]
    public async Task Erasing_clients_leaves_every_published_figure_of_last_year_unchanged(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var manager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisation);
        var lastYear = FactTestSupport.Today.Year - 1;
        var clients = new List<Guid>();
        for (var i = 0; i < Clients; i++)
        {
            var (clientId, _) = await app.CreateClientAsync(organisation,
                new ClientIdentity { Alias = $"Wis{i}", LegalName = $"Naam{Guid.NewGuid():N}", DateOfBirth = FactTestSupport.BornYearsAgo(19 + (i * 3)) },
                IdentityLevel.Identified, teamMember: manager.Id);
            var trajectory = await app.StartTrajectoryAsync(clientId, manager.Id, intake: new TrajectoryIntake
            {
                ReferralRoute = Routes[i % Routes.Length],
                GenderIdentity = i % 8 == 7 ? GenderIdentity.Man : GenderIdentity.Woman,
                VictimStatus = i % 2 == 0 ? VictimStatus.No : VictimStatus.Suspected,
            });
            // Two assessments last year: everyone improved in the first domain.
            await app.AssessAsync(trajectory, new DateOnly(lastYear, 2, 1), 2, manager.Id);
            await app.AssessAsync(trajectory, new DateOnly(lastYear, 6, 1), 4, manager.Id);
            switch (i % 4)
            {
                case 0 or 1:
                    await app.MoveAsync(trajectory, manager.Id, (TrajectoryState.Intake, null), (TrajectoryState.Active, null), (TrajectoryState.Closed, Outcomes[i % Outcomes.Length]));
                    break;
                case 2:
                    await app.MoveAsync(trajectory, manager.Id, (TrajectoryState.DroppedOut, null));
                    break;
                default:
                    break; // still open
            }

            clients.Add(clientId);
        }

        await BackdateAsync(app, organisation, lastYear);
        var period = ReportPeriod.OfYear(lastYear);

        var before = await ReportAsync(app, period, organisation);
        var people = before.Tables.Single(t => t.Id == "exit-clients").Rows.Single(r => r.IsTotal).Values[0];
        people.IsSuppressed.ShouldBeFalse("the total is published, so a change would show");
        people.Number.ShouldBe(Clients, "every client of the organisation was in the programme last year");
        before.Tables.Single(t => t.Id == "exit-closures").Rows.Single(r => r.IsTotal).Values[0].Number.ShouldBe(12, "twelve episodes ended last year");
        before.Series[^1].Value.Number.ShouldBe(Clients);
        var domain = before.Tables.Single(t => t.Id == "exit-domains").Rows.Single(r => r.Label == PlanDefaults.Domains[0].Name);
        domain.Values[0].Number.ShouldBe(Clients, "everyone improved in the first life domain");
        var publishedBefore = Published(before);

        var erased = new[] { clients[0], clients[3] }; // one closed last year, one still open
        var erasedKeys = new List<Guid>();
        foreach (var clientId in erased)
        {
            erasedKeys.Add(await app.SubjectKeyAsync(clientId));
        }

        var factsBefore = await app.EpisodesAsync(organisation);
        factsBefore.Count.ShouldBe(Clients);
        foreach (var clientId in erased)
        {
            await EraseAsync(app, clientId);
        }

        var after = await ReportAsync(app, period, organisation);
        Published(after).ShouldBe(publishedBefore, "erasure changes no published figure of a past year");

        foreach (var clientId in erased)
        {
            (await app.QueryAsync(db => db.Set<Client>().AnyAsync(c => c.Id == clientId))).ShouldBeFalse("the client is erased");
            (await app.StatisticsKeyRowAsync(clientId)).ShouldBeNull("the link from the client to the facts is deleted");
            (await app.QueryAsync(db => db.Set<ClientKey>().AnyAsync(k => k.ClientId == clientId))).ShouldBeFalse("the key that could read the link is shredded");
        }

        // The facts stay as they were, their statistics key pointing at nobody now: no remaining link reads to it.
        var factsAfter = await app.EpisodesAsync(organisation);
        factsAfter.OrderBy(f => f.Id).ToList().ShouldBeEquivalentTo(factsBefore.OrderBy(f => f.Id).ToList(), "not one fact is removed or changed");
        foreach (var key in erasedKeys)
        {
            factsAfter.Count(f => f.SubjectKey == key).ShouldBe(1, "the erased person's episode is still counted");
        }

        var remainingKeys = new List<Guid>();
        foreach (var clientId in clients.Except(erased))
        {
            remainingKeys.Add(await app.SubjectKeyAsync(clientId));
        }

        remainingKeys.ShouldNotContain(k => erasedKeys.Contains(k));
        remainingKeys.Concat(erasedKeys).ToHashSet().ShouldBe(factsAfter.Select(f => f.SubjectKey).ToHashSet(), ignoreOrder: true);
    }

    /// <summary>
    /// Moves every episode of the organisation into <paramref name="year"/>, as the demo seed does: started in its
    /// first quarter, ended (where it ended) between 20 and 275 days later, so the durations fall in several bands.
    /// </summary>
    private static Task<int> BackdateAsync(BakenAppFactory app, Guid organisation, int year) =>
        app.QueryAsync(async db =>
        {
            var episodes = await db.Set<TrajectoryFact>().Where(f => f.OrganisationId == organisation).ToListAsync();
            var i = 0;
            foreach (var episode in episodes.OrderBy(e => e.Id))
            {
                var started = new DateOnly(year, 1 + (i % 3), 5 + i);
                db.Entry(episode).Property(e => e.StartedOn).CurrentValue = started;
                if (episode.EndedOn is not null)
                {
                    episode.EndedOn = started.AddDays(20 + (17 * i));
                }

                i++;
            }

            return await db.SaveChangesAsync();
        });

    private static async Task<Report> ReportAsync(BakenAppFactory app, ReportPeriod period, Guid organisation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportFigures>().ReportAsync(ReportTableKind.ExitProgramme, period, organisation, CancellationToken.None);
    }

    private static async Task EraseAsync(BakenAppFactory app, Guid clientId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var client = await db.Set<Client>().SingleAsync(c => c.Id == clientId);
        await scope.ServiceProvider.GetRequiredService<ClientErasure>().EraseAsync(client, ClientErasure.OnRequest, CancellationToken.None);
    }

    /// <summary>Everything the report publishes, cell by cell: titles, the chart's values, every table's labels and values.</summary>
    private static List<string> Published(Report report) =>
    [
        $"report|{report.Kind}|{report.Title}|{report.ChartTitle}",
        .. report.Series.Select(p => $"series|{p.Label}|{Value(p.Value)}"),
        .. report.Tables.SelectMany(t => new[] { $"table|{t.Id}|{t.Title}|{t.RowHeader}|{string.Join(";", t.Columns)}|{t.Protected}|{t.Withheld}" }
            .Concat(t.Rows.Select(r => $"{t.Id}|{r.Label}|{r.IsTotal}|{string.Join(";", r.Values.Select(Value))}"))),
    ];

    private static string Value(PublishedValue value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Text}={value.Number}/{value.Status}");
}
