using System.Net;
using Baken.Features.Admin;
using Baken.Features.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Signals;

/// <summary>
/// Need to know: the Zorgcoordinator and the team lead of the signal's organisation see and handle it; whoever
/// raised it follows it read-only; colleagues who did not raise it and everyone of another organisation get 404.
/// </summary>
public sealed class SignalAccessTests(SharedApps apps)
{
    private static async Task<bool> ListedAsync(BakenClient client, Guid signal, string view = "Open")
    {
        var (response, page) = await client.GetPageAsync($"/Signals?show={view}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return page.QuerySelector($"a[href='/Signals/{signal}']") is not null;
    }

    [Theory]
    [Databases]
    public async Task Managers_of_the_organisation_see_and_handle_a_signal_the_raiser_follows_it_and_everyone_else_gets_404(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var otherOrganisation = await app.NewOrganisationAsync();
        using var raiser = app.NewClient();
        await raiser.SignInAsNewAsync(Roles.Veldwerker, organisation);
        var signal = SignalTestSupport.RaisedSignal(await raiser.SubmitManyAsync("/Signals/New", "#signal-form",
        [
            SignalTestSupport.Field("Source", "Staff"),
            SignalTestSupport.Field("Category", "MinorOrGrooming"),
            SignalTestSupport.Field("Urgency", "High"),
            SignalTestSupport.Field("Description", "Meisje van een jaar of vijftien bij de snackbar"),
        ]));
        var url = $"/Signals/{signal}";

        foreach (var role in new[] { Roles.Zorgcoordinator, Roles.Teamleider })
        {
            using var manager = app.NewClient();
            var user = await manager.SignInAsNewAsync(role, organisation);
            (await ListedAsync(manager, signal)).ShouldBeTrue($"{role} sees the organisation's queue");
            var reads = await app.LogCountAsync(signal, "SignalRead");
            var (response, page) = await manager.GetPageAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, role);
            page.Text("#signal-description").ShouldContain("snackbar");
            page.QuerySelector("#signal-actions").ShouldNotBeNull($"{role} handles the signal");
            page.QuerySelector("form[action*='handler=Status']").ShouldNotBeNull();
            (await app.LogCountAsync(signal, "SignalRead")).ShouldBe(reads + 1, "opening a signal is a logged read");
            (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == signal && e.Action == "SignalRead" && e.Actor.UserId == user.Id))).ShouldBeTrue("the reader is named");
        }

        var (ownResponse, ownPage) = await raiser.GetPageAsync(url);
        ownResponse.StatusCode.ShouldBe(HttpStatusCode.OK, "the raiser follows the signal");
        ownPage.QuerySelector("#signal-actions").ShouldBeNull("read only");
        ownPage.QuerySelectorAll("main form[method=post]").ShouldBeEmpty();
        (await ListedAsync(raiser, signal)).ShouldBeTrue();
        (await ListedAsync(raiser, signal, "Mine")).ShouldBeTrue();
        (await raiser.GetAsync(url + "/Handover")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the raiser does not hand over");
        var version = (await app.SignalAsync(signal)).Version;
        var forged = await raiser.PostDirectAsync(url, url + "?handler=Status",
            [SignalTestSupport.Field("status", "InTriage"), SignalTestSupport.Field("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        forged.StatusCode.ShouldBe(HttpStatusCode.NotFound, "a forged status change by the raiser is refused");
        (await app.SignalAsync(signal)).Status.ShouldBe(SignalStatus.New);

        var outsiders = new (string Role, Guid Organisation)[]
        {
            (Roles.Casemanager, organisation),
            (Roles.Veldwerker, organisation),
            (Roles.Jobcoach, organisation),
            (Roles.Zorgcoordinator, otherOrganisation),
            (Roles.Teamleider, otherOrganisation),
            (Roles.Veldwerker, otherOrganisation),
        };
        foreach (var (role, of) in outsiders)
        {
            using var outsider = app.NewClient();
            await outsider.SignInAsNewAsync(role, of);
            var because = $"{role} of {(of == organisation ? "the same" : "another")} organisation";
            (await outsider.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, because);
            (await outsider.GetAsync(url + "/Handover")).StatusCode.ShouldBe(HttpStatusCode.NotFound, because);
            (await ListedAsync(outsider, signal, "All")).ShouldBeFalse(because);
            (await outsider.PostDirectAsync("/Signals", url + "?handler=Status",
                [SignalTestSupport.Field("status", "InTriage"), SignalTestSupport.Field("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))]))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound, because);
        }

        using var policy = app.NewClient();
        await policy.SignInAsNewAsync(Roles.Beleidsmedewerker, organisation);
        (await policy.GetAsync("/Signals")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "policy officers see figures only");
        (await policy.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var stored = await app.SignalAsync(signal);
        stored.Status.ShouldBe(SignalStatus.New, "nobody without access changed anything");
        stored.Version.ShouldBe(version);
    }
}
