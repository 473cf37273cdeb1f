using System.Net;
using Baken.Features.Admin;
using Baken.Features.Outreach;
using Baken.Features.Reporting;
using Baken.Features.Reporting.Facts;
using Baken.Features.Reporting.Figures;
using Baken.Features.Trajectories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Reporting.Facts;

/// <summary>
/// The monthly outreach tallies: kept by the session pages as contacts are tallied, corrected and turned into
/// clients; equal to a recount from the contacts; safe under workers counting at once; and the recount's SQL
/// puts a contact in the same local month as the application does, on both sides of every kind of month start.
/// </summary>
public sealed class OutreachTallyTests(SharedApps apps)
{
    private sealed record Cell(DateOnly Month, int Gender, AgeBand AgeBand, bool IsNew, int Count);

    [Theory]
    [Databases]
    public async Task Tallying_correcting_and_making_a_client_keep_the_tallies_equal_to_the_contacts(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await NewOrganisationAsync(app);
        var worker = await app.CreateUserAsync(Roles.Veldwerker, organisationId: organisation);
        using var client = app.NewClient();
        await client.SignInAsync(worker);
        var started = await client.SubmitAsync("/Outreach", new Dictionary<string, string> { ["LocationId"] = OutreachDefaults.Locations[0].Id.ToString() });
        var round = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[^1]);

        var first = await TapAsync(client, round, isNew: true);
        await TapAsync(client, round, isNew: true);
        var known = await TapAsync(client, round, isNew: false);
        var month = OutreachTally.MonthOf(DateTime.UtcNow);
        (await TalliesAsync(app, organisation)).ShouldBe([new Cell(month, 0, AgeBand.Unknown, true, 2), new Cell(month, 0, AgeBand.Unknown, false, 1)], ignoreOrder: true);

        await DetailsAsync(client, round, first, new() { ["Gender"] = "Woman", ["Age"] = "From25To34" });
        await DetailsAsync(client, round, known, new() { ["Gender"] = "Man", ["Age"] = "From18To24" });
        await DetailsAsync(client, round, first, new() { ["Gender"] = "NonBinary", ["Age"] = "From25To34" });
        await DetailsAsync(client, round, first, new() { ["Gender"] = "NonBinary", ["Age"] = "From25To34", ["Language"] = "Dutch" });
        var tallies = await TalliesAsync(app, organisation);
        tallies.ShouldBe(await ContactsAsync(app, organisation), ignoreOrder: true);
        tallies.ShouldContain(t => t.Gender == (int)GenderIdentity.NonBinary && t.AgeBand == AgeBand.From25To34 && t.IsNew && t.Count == 1);
        tallies.ShouldNotContain(t => t.Gender == (int)GenderIdentity.Woman, "a corrected contact leaves its old tally");

        var made = await client.SubmitAsync($"/Outreach/{round}/Contacts/{known}/Client", new Dictionary<string, string>
        {
            ["Level"] = "Anonymous",
            ["Consent"] = "true",
        });
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        tallies = await TalliesAsync(app, organisation);
        tallies.ShouldBe(await ContactsAsync(app, organisation), ignoreOrder: true);
        tallies.ShouldNotContain(t => t.Gender == (int)GenderIdentity.Man, "a contact that became a client keeps no details in the tally");

        await app.QueryAsync(db => OutreachTallyRebuild.RecountAsync(db, CancellationToken.None));
        (await TalliesAsync(app, organisation)).ShouldBe(tallies, ignoreOrder: true);
    }

    [Theory]
    [Databases]
    public async Task Workers_counting_at_once_lose_no_contact(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await NewOrganisationAsync(app);
        var at = DateTime.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var facts = scope.ServiceProvider.GetRequiredService<StatisticsFacts>();
            await facts.ContactTalliedAsync(organisation, at, GenderIdentity.Woman, AgeBand.From45, isNew: false, +1, CancellationToken.None);
        }));

        var tally = (await TalliesAsync(app, organisation)).ShouldHaveSingleItem();
        tally.Count.ShouldBe(12);
        tally.Month.ShouldBe(OutreachTally.MonthOf(at));
    }

    [Theory]
    [Databases]
    public async Task The_recount_puts_a_contact_in_the_local_month_the_application_does(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await NewOrganisationAsync(app);
        var worker = await app.CreateUserAsync(Roles.Veldwerker, organisationId: organisation);
        DateTime[] moments =
        [
            Utc(2025, 9, 30, 21, 59, 59), Utc(2025, 9, 30, 22, 0, 0), // October starts in summer time (UTC+2)
            Utc(2025, 10, 31, 22, 30, 0), Utc(2025, 10, 31, 23, 0, 0), // November in winter time (UTC+1)
            Utc(2025, 3, 31, 21, 30, 0), Utc(2025, 3, 31, 22, 0, 0), // April: the clocks went forward the day before
            Utc(2025, 2, 28, 22, 59, 59).AddTicks(5_000_000), Utc(2025, 2, 28, 23, 0, 0),
            Utc(2025, 12, 31, 22, 59, 59), Utc(2025, 12, 31, 23, 0, 0), // a new year
            Utc(2025, 3, 30, 0, 30, 0), Utc(2025, 10, 26, 1, 30, 0), // the nights the clocks change
        ];
        await app.QueryAsync(async db =>
        {
            var session = new OutreachSession
            {
                OrganisationId = organisation,
                Mode = OutreachMode.Offline,
                LocationId = OutreachDefaults.Locations[0].Id,
                StartedAtUtc = moments[0],
                CreatedByUserId = worker.Id,
            };
            db.Add(session);
            db.AddRange(moments.Select(m => new OutreachContact { SessionId = session.Id, IsNew = true, AtUtc = m }));
            await db.SaveChangesAsync();
            await OutreachTallyRebuild.RecountAsync(db, CancellationToken.None);
            return 0;
        });

        var expected = moments.GroupBy(OutreachTally.MonthOf).Select(g => new Cell(g.Key, 0, AgeBand.Unknown, true, g.Count()));
        (await TalliesAsync(app, organisation)).ShouldBe(expected, ignoreOrder: true);
    }

    [Theory]
    [Databases]
    public async Task The_outreach_figures_count_the_sessions_and_the_tallied_contacts_of_the_period(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await NewOrganisationAsync(app);
        var worker = await app.CreateUserAsync(Roles.Veldwerker, organisationId: organisation);
        var now = DateTime.UtcNow;
        await app.QueryAsync(async db =>
        {
            foreach (var (mode, topics, referrals, count) in new[] { (OutreachMode.Offline, OutreachTopics.Health | OutreachTopics.Housing, 1, 12), (OutreachMode.Online, OutreachTopics.Health, 2, 3) })
            {
                db.AddRange(Enumerable.Range(0, count).Select(_ => new OutreachSession
                {
                    OrganisationId = organisation,
                    Mode = mode,
                    LocationId = OutreachDefaults.Locations.First(l => l.Mode == mode).Id,
                    StartedAtUtc = now,
                    CreatedByUserId = worker.Id,
                    Topics = topics,
                    ReferralsMade = referrals,
                }));
            }

            return await db.SaveChangesAsync();
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var facts = scope.ServiceProvider.GetRequiredService<StatisticsFacts>();
            for (var i = 0; i < 11; i++)
            {
                await facts.ContactTalliedAsync(organisation, now, GenderIdentity.Woman, AgeBand.From25To34, isNew: true, +1, CancellationToken.None);
            }

            await facts.ContactTalliedAsync(organisation, now, null, AgeBand.Unknown, isNew: false, +12, CancellationToken.None);
        }

        var today = FactTestSupport.Today;
        Report report;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<ReportFigures>()
                .ReportAsync(ReportTableKind.Outreach, ReportPeriod.OfMonth(today.Year, today.Month), organisation, CancellationToken.None);
        }

        decimal?[] Row(string table, int row) => [.. report.Tables.Single(t => t.Id == table).Rows[row].Values.Select(v => v.Number)];
        Row("outreach-sessions", 0).ShouldBe([12m, 12m], "offline: sessions and referrals made");
        Row("outreach-sessions", 1).ShouldBe([3m, 6m], "online");
        var topics = Enum.GetValues<OutreachTopics>().Where(t => t != OutreachTopics.None).ToList();
        Row("outreach-topics", topics.IndexOf(OutreachTopics.Health)).ShouldBe([15m]);
        Row("outreach-topics", topics.IndexOf(OutreachTopics.Housing)).ShouldBe([12m]);
        var genders = Enum.GetValues<GenderIdentity>();
        Row("outreach-contacts-gender", Array.IndexOf(genders, GenderIdentity.Woman)).ShouldBe([11m, 0m, 11m], "new, known, total");
        Row("outreach-contacts-gender", genders.Length).ShouldBe([0m, 12m, 12m], "gender not recorded");
        Row("outreach-contacts-age", (int)AgeBand.From25To34).ShouldBe([11m, 0m, 11m]);
        Row("outreach-contacts-age", (int)AgeBand.Unknown).ShouldBe([0m, 12m, 12m]);
        report.Series[^1].Value.Number.ShouldBe(15, "the chart counts the period's sessions");
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    private static async Task<Guid> TapAsync(BakenClient client, Guid round, bool isNew)
    {
        var response = await client.SubmitAsync($"/Outreach/{round}", new Dictionary<string, string>(), $"form[action*='isNew={(isNew ? "true" : "false")}']");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split("last=")[1].Split('#')[0]);
    }

    private static async Task DetailsAsync(BakenClient client, Guid round, Guid contact, Dictionary<string, string> fields)
    {
        var (_, page) = await client.GetPageAsync($"/Outreach/{round}?last={contact}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#details form")!;
        (await client.SubmitAsync(form, $"/Outreach/{round}", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static Task<Guid> NewOrganisationAsync(BakenAppFactory app) =>
        app.QueryAsync(async db =>
        {
            var organisation = new Organisation { Name = $"Veldwerk {Guid.NewGuid():N}"[..20], Kind = OrganisationKind.InfoCentre };
            db.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    private static Task<List<Cell>> TalliesAsync(BakenAppFactory app, Guid organisation) =>
        app.QueryAsync(db => db.Set<OutreachTally>().Where(t => t.OrganisationId == organisation && t.Count != 0)
            .Select(t => new Cell(t.Month, t.Gender, t.AgeBand, t.IsNew, t.Count)).ToListAsync());

    /// <summary>The tallies as they should be: the organisation's contacts grouped by month and details.</summary>
    private static async Task<List<Cell>> ContactsAsync(BakenAppFactory app, Guid organisation)
    {
        var contacts = await app.QueryAsync(db => db.Set<OutreachContact>()
            .Where(c => db.Set<OutreachSession>().Any(s => s.Id == c.SessionId && s.OrganisationId == organisation))
            .Select(c => new { c.AtUtc, c.GenderIdentity, c.AgeBand, c.IsNew }).ToListAsync());
        return [.. contacts.GroupBy(c => new { Month = OutreachTally.MonthOf(c.AtUtc), Gender = (int?)c.GenderIdentity ?? 0, c.AgeBand, c.IsNew })
            .Select(g => new Cell(g.Key.Month, g.Key.Gender, g.Key.AgeBand, g.Key.IsNew, g.Count()))];
    }
}
