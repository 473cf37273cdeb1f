using System.Net;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Outreach;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Outreach;

public sealed class OutreachTests(SharedApps apps)
{
    private static async Task<Guid> StartRoundAsync(BakenClient client)
    {
        var started = await client.SubmitAsync("/Outreach", new Dictionary<string, string> { ["LocationId"] = OutreachDefaults.Locations[0].Id.ToString() });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static Task<HttpResponseMessage> TapAsync(BakenClient client, Guid round, bool isNew) =>
        client.SubmitAsync($"/Outreach/{round}", new Dictionary<string, string>(), $"form[action*='isNew={(isNew ? "true" : "false")}']");

    [Theory]
    [Databases]
    public async Task A_worker_tallies_contacts_adds_details_links_a_known_client_and_wraps_up(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var worker = await app.CreateUserAsync(Roles.Veldwerker);
        var organisation = (await app.FindUserAsync(worker.Id)).OrganisationId;
        var (knownClient, knownCode) = await app.CreateClientAsync(organisation, teamMember: worker.Id);
        using var client = app.NewClient();
        await client.SignInAsync(worker);

        var noPlace = await BakenClient.ReadAsync(await client.SubmitAsync("/Outreach", new Dictionary<string, string> { ["LocationId"] = string.Empty }));
        noPlace.QuerySelector("#LocationId-error").ShouldNotBeNull();
        var round = await StartRoundAsync(client);

        var added = await TapAsync(client, round, isNew: true);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, details) = await client.GetPageAsync(added.Headers.Location!.OriginalString.Split('#')[0]);
        var detailsForm = (AngleSharp.Html.Dom.IHtmlFormElement)details.QuerySelector("#details form")!;
        (await client.SubmitAsync(detailsForm, $"/Outreach/{round}", new Dictionary<string, string>
        {
            ["Gender"] = "Woman",
            ["Age"] = "From25To34",
            ["Language"] = "Romanian",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TapAsync(client, round, isNew: true)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var known = await TapAsync(client, round, isNew: false);
        var (_, knownDetails) = await client.GetPageAsync(known.Headers.Location!.OriginalString.Split('#')[0]);
        var knownForm = (AngleSharp.Html.Dom.IHtmlFormElement)knownDetails.QuerySelector("#details form")!;
        var wrong = await BakenClient.ReadAsync(await client.SubmitAsync(knownForm, $"/Outreach/{round}", new Dictionary<string, string> { ["ClientCode"] = "BK-AAAA-AA" }));
        wrong.QuerySelector("#ClientCode-error")!.TextContent.ShouldContain("niet bij een cliënt");
        (await client.SubmitAsync(knownForm, $"/Outreach/{round}", new Dictionary<string, string> { ["ClientCode"] = knownCode.ToLowerInvariant(), ["Gender"] = "Man" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var contacts = await app.QueryAsync(db => db.Set<OutreachContact>().Where(c => c.SessionId == round).ToListAsync());
        contacts.Count.ShouldBe(3);
        contacts.Count(c => c.IsNew).ShouldBe(2);
        contacts.ShouldContain(c => c.GenderIdentity == Baken.Features.Trajectories.GenderIdentity.Woman && c.AgeBand == AgeBand.From25To34 && c.Language == ContactLanguage.Romanian);
        var linked = contacts.Single(c => c.ClientId == knownClient);
        linked.GenderIdentity.ShouldBeNull("a known client's details stay in their own file");
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == knownClient && e.Action == "OutreachContactLinked"))).ShouldBeTrue();

        var wrapUp = await BakenClient.ReadAsync(await client.SubmitAsync($"/Outreach/{round}", new Dictionary<string, string> { ["Materials"] = "-3", ["end"] = "true" }, "#wrap-up form"));
        wrapUp.QuerySelector("#Materials-error").ShouldNotBeNull();
        (await client.SubmitAsync($"/Outreach/{round}", new Dictionary<string, string>
        {
            ["Topics"] = "Health",
            ["Materials"] = "12",
            ["Referrals"] = "2",
            ["FollowUps"] = "1",
            ["end"] = "true",
        }, "#wrap-up form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = await app.QueryAsync(db => db.Set<OutreachSession>().SingleAsync(s => s.Id == round));
        session.EndedAtUtc.ShouldNotBeNull();
        session.MaterialsHandedOut.ShouldBe(12);
        session.Topics.ShouldBe(OutreachTopics.Health);

        using var otherWorker = app.NewClient();
        await otherWorker.SignInAsync(await app.CreateUserAsync(Roles.Veldwerker, organisationId: organisation));
        (await otherWorker.GetAsync($"/Outreach/{round}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var lead = app.NewClient();
        await lead.SignInAsync(await app.CreateUserAsync(Roles.Teamleider, organisationId: organisation));
        var (response, leadView) = await lead.GetPageAsync($"/Outreach/{round}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        leadView.QuerySelector("#tally-count")!.TextContent.ShouldContain("3 contacten");
        leadView.QuerySelector("#wrap-up").ShouldBeNull("the team lead reads, the workers write");
        leadView.QuerySelector("#contacts")!.TextContent.ShouldNotContain(knownCode, Case.Insensitive, "a client code only for those who may open the client");
        var (_, workerView) = await client.GetPageAsync($"/Outreach/{round}");
        workerView.QuerySelector("#contacts")!.TextContent.ShouldContain(knownCode);
    }

    [Theory]
    [Databases]
    public async Task A_contact_becomes_a_client_only_with_consent_and_the_tally_keeps_the_link(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var worker = await app.CreateUserAsync(Roles.Veldwerker);
        using var client = app.NewClient();
        await client.SignInAsync(worker);
        var round = await StartRoundAsync(client);
        await TapAsync(client, round, isNew: true);
        var contactId = await app.QueryAsync(db => db.Set<OutreachContact>().Where(c => c.SessionId == round).Select(c => c.Id).SingleAsync());
        var page = $"/Outreach/{round}/Contacts/{contactId}/Client";

        var refused = await BakenClient.ReadAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["Level"] = "Pseudonymous", ["Alias"] = "Kwikstaart" }));
        refused.QuerySelector("#Consent-error").ShouldNotBeNull();
        (await app.QueryAsync(db => db.Set<OutreachContact>().SingleAsync(c => c.Id == contactId))).ClientId.ShouldBeNull();

        var made = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Level"] = "Pseudonymous",
            ["Alias"] = "Kwikstaart",
            ["ContactChannel"] = "messenger",
            ["ContactValue"] = "@kwik-demo",
            ["Consent"] = "true",
        });
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var clientId = (await app.QueryAsync(db => db.Set<OutreachContact>().SingleAsync(c => c.Id == contactId))).ClientId!.Value;
        (await app.QueryAsync(db => db.Set<Consent>().AnyAsync(c => c.ClientId == clientId && c.Purpose == ConsentPurpose.CaseManagement))).ShouldBeTrue();
        var (response, file) = await client.GetPageAsync(made.Headers.Location!.OriginalString);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the worker is on the new client's team");
        file.QuerySelector("main")!.TextContent.ShouldContain("@kwik-demo");

        var again = await BakenClient.ReadAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["Level"] = "Anonymous", ["Consent"] = "true" }));
        again.QuerySelector("#error-summary")!.TextContent.ShouldContain("al een cliënt");
    }

    [Theory]
    [Databases]
    public async Task An_ad_is_recognised_by_its_keyed_hash_and_its_reference_is_stored_nowhere(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var worker = await app.CreateUserAsync(Roles.Veldwerker);
        using var client = app.NewClient();
        await client.SignInAsync(worker);
        var reference = $"https://ads.example/kanarie-{Guid.NewGuid():N}";
        var platform = OutreachDefaults.Locations.First(l => l.Kind == LocationKind.AdSite).Id.ToString();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var invalid = await BakenClient.ReadAsync(await client.SubmitAsync("/Outreach/Ads", new Dictionary<string, string> { ["AdReference"] = reference }, "#ad-form"));
        invalid.QuerySelector("#LocationId-error").ShouldNotBeNull();
        invalid.QuerySelector("#AdReference")!.GetAttribute("value").ShouldBe(reference, "what was typed is kept");

        var nothingToHash = await BakenClient.ReadAsync(await client.SubmitAsync("/Outreach/Ads", new Dictionary<string, string>
        {
            ["LocationId"] = platform,
            ["ReviewedOn"] = today,
            ["AdReference"] = "https://www./",
            ["Outcome"] = "Nothing",
        }, "#ad-form"));
        nothingToHash.QuerySelector("#AdReference-error").ShouldNotBeNull("a reference with nothing in it is refused, not a 500");

        var first = await client.SubmitAsync("/Outreach/Ads", new Dictionary<string, string>
        {
            ["LocationId"] = platform,
            ["ReviewedOn"] = today,
            ["AdReference"] = reference,
            ["Indicators"] = "SignsOfMinor",
            ["Outcome"] = "Signal",
        }, "#ad-form");
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Headers.Location!.OriginalString.ShouldNotContain("kanarie");
        var (_, afterFirst) = await client.GetPageAsync(first.Headers.Location!.OriginalString);
        afterFirst.QuerySelector("#seen-before")!.TextContent.ShouldContain("nog niet eerder");

        var second = await client.SubmitAsync("/Outreach/Ads", new Dictionary<string, string>
        {
            ["LocationId"] = platform,
            ["ReviewedOn"] = today,
            ["AdReference"] = "  WWW." + reference["https://".Length..].ToUpperInvariant() + "/ ",
            ["Outcome"] = "Nothing",
        }, "#ad-form");
        var (_, afterSecond) = await client.GetPageAsync(second.Headers.Location!.OriginalString);
        afterSecond.QuerySelector("#seen-before")!.TextContent.ShouldContain("1 keer eerder", customMessage: "the same ad, written differently, is recognised");

        var stored = await app.QueryAsync(db => db.Set<AdReview>().Select(r => r.AdHash).ToListAsync());
        stored.ShouldAllBe(hash => !System.Text.Encoding.UTF8.GetString(hash).Contains("kanarie", StringComparison.Ordinal));
        app.Logs.All.ShouldNotContain("kanarie");
    }
}
