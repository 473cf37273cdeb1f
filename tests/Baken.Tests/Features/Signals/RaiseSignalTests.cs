using System.Net;
using Baken.Features.Admin;
using Baken.Features.Signals;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Signals;

/// <summary>Raising a signal through <c>/Signals/New</c>: what is stored, how, and what is refused.</summary>
public sealed class RaiseSignalTests(SharedApps apps)
{
    private static readonly Guid NoPassport = SignalDefaults.Indicators[0].Id;
    private static readonly Guid LooksMinor = SignalDefaults.Indicators[7].Id;

    private static List<KeyValuePair<string, string>> Form(string description, string urgency = "Normal", string category = "Exploitation",
        string source = "Outreach", string respondBy = "", string clientCode = "", params Guid[] indicators) =>
    [
        SignalTestSupport.Field("Source", source),
        SignalTestSupport.Field("Category", category),
        SignalTestSupport.Field("Urgency", urgency),
        SignalTestSupport.Field("Description", description),
        SignalTestSupport.Field("RespondBy", respondBy),
        SignalTestSupport.Field("ClientCode", clientCode),
        .. indicators.Select(i => SignalTestSupport.Field("Indicators", i.ToString())),
    ];

    private static Task<HttpResponseMessage> RaiseAsync(BakenClient client, List<KeyValuePair<string, string>> form) =>
        client.SubmitManyAsync("/Signals/New", "#signal-form", form);

    private static Task<int> RaisedByAsync(BakenAppFactory app, Guid userId) =>
        app.QueryAsync(db => db.Set<Signal>().CountAsync(s => s.RaisedByUserId == userId));

    [Theory]
    [Databases]
    public async Task A_field_worker_raises_a_signal_whose_description_is_encrypted_under_its_own_key_and_logged(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        using var client = app.NewClient();
        var worker = await client.SignInAsNewAsync(Roles.Veldwerker, organisation);
        var (clientId, clientCode) = await app.CreateClientAsync(organisation, teamMember: worker.Id);
        var canary = $"kanarie{Guid.NewGuid():N}";
        var description = $"Jonge vrouw achter het raam, {canary}, <b>paspoort</b> bij de eigenaar";

        var form = await BakenClient.ReadAsync(await client.GetAsync("/Signals/New"));
        form.QuerySelector($"#indicator-{NoPassport}").ShouldNotBeNull("the managed indicators are offered");
        var raised = await RaiseAsync(client, Form(description, urgency: "Immediate", clientCode: clientCode.ToLowerInvariant(), indicators: [NoPassport, LooksMinor, NoPassport]));
        var id = SignalTestSupport.RaisedSignal(raised);

        var signal = await app.SignalAsync(id);
        signal.OrganisationId.ShouldBe(organisation);
        signal.RaisedByUserId.ShouldBe(worker.Id);
        signal.Source.ShouldBe(SignalSource.Outreach);
        signal.Category.ShouldBe(SignalCategory.Exploitation);
        signal.Urgency.ShouldBe(SignalUrgency.Immediate);
        signal.Status.ShouldBe(SignalStatus.New);
        signal.ClientId.ShouldBe(clientId, "a client code the worker may open links the client");
        (await app.QueryAsync(db => db.Set<SignalIndicatorMark>().Where(m => m.SignalId == id).Select(m => m.IndicatorId).ToListAsync()))
            .ShouldBe([NoPassport, LooksMinor], ignoreOrder: true);

        // Encrypted with the signal's own data key: the plaintext is in no column of the table, the key row belongs to the signal.
        signal.Description.Holds(canary).ShouldBeFalse();
        (await app.TableBytesAsync(Signal.Table)).Holds(canary).ShouldBeFalse("the description is nowhere in the Signals table");
        (await app.QueryAsync(db => db.Set<ClientKey>().CountAsync(k => k.ClientId == id))).ShouldBe(1, "the signal has a data key of its own");
        (await app.DecryptAsync(id, Signal.Table, nameof(Signal.Description), id, signal.Description)).ShouldBe(description);
        app.Logs.All.ShouldNotContain(canary);

        (await app.LogCountAsync(id, "SignalRaised")).ShouldBe(1);
        (await app.LogCountAsync(clientId, "SignalLinkedToClient")).ShouldBe(1);
        var events = await app.EventsAsync(id);
        events.ShouldHaveSingleItem().Kind.ShouldBe(SignalEventKind.Raised);
        events[0].ByUserId.ShouldBe(worker.Id);

        var (response, page) = await client.GetPageAsync(raised.Headers.Location!.OriginalString);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "whoever raised a signal follows it");
        page.QuerySelector(".utrecht-alert--ok").ShouldNotBeNull("the raiser is told it is stored");
        page.Text("#signal-description").ShouldBe(description, "shown decrypted, as text");
        page.QuerySelector("#signal-description b").ShouldBeNull("what was typed is never rendered as HTML");
        page.Text("#signal-indicators").ShouldContain(SignalDefaults.Indicators[0].Name);
        page.Text("#signal-facts").ShouldContain(clientCode);
        page.QuerySelector("#signal-actions").ShouldBeNull("the raiser follows the signal, read only");
        page.QuerySelectorAll("main form[method=post]").ShouldBeEmpty();
    }

    [Theory]
    [Databases]
    public async Task The_deadline_follows_the_urgency_unless_one_is_given(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        using var client = app.NewClient();
        await client.SignInAsNewAsync(Roles.Veldwerker, organisation);

        foreach (var (urgency, expected) in new[] { ("Immediate", TimeSpan.FromHours(24)), ("High", TimeSpan.FromDays(3)), ("Normal", TimeSpan.FromDays(10)) })
        {
            var signal = await app.SignalAsync(SignalTestSupport.RaisedSignal(await RaiseAsync(client, Form("Deadline " + urgency, urgency: urgency))));
            (signal.RespondByUtc - signal.RaisedAtUtc).ShouldBe(expected, TimeSpan.FromSeconds(5), $"urgency {urgency}");
        }

        var chosen = DisplayTime.LocalInput(DateTime.UtcNow.AddDays(2));
        var given = await app.SignalAsync(SignalTestSupport.RaisedSignal(await RaiseAsync(client, Form("Eigen termijn", urgency: "Normal", respondBy: chosen))));
        given.RespondByUtc.ShouldBe(DisplayTime.ParseLocalInput(chosen)!.Value, TimeSpan.FromSeconds(1), "a chosen deadline is Dutch local time, stored in UTC");
    }

    [Theory]
    [Databases]
    public async Task Bad_input_is_refused_with_a_message_keeps_what_was_typed_and_stores_nothing(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        using var client = app.NewClient();
        var worker = await client.SignInAsNewAsync(Roles.Veldwerker, organisation);
        var otherOrganisation = await app.NewOrganisationAsync();
        var stranger = await app.CreateUserAsync(Roles.Casemanager, organisationId: otherOrganisation);
        var (_, foreignCode) = await app.CreateClientAsync(otherOrganisation, teamMember: stranger.Id);
        var colleague = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisation);
        var (_, teamCode) = await app.CreateClientAsync(organisation, teamMember: colleague.Id);
        const string typed = "Wat ik zag: een man die het woord deed";

        var missing = await SignalTestSupport.RefusedAsync(await RaiseAsync(client, [SignalTestSupport.Field("Source", "Outreach"), SignalTestSupport.Field("Description", "   ")]));
        missing.Errors.ShouldContain("Kies de soort signaal.");
        missing.Errors.ShouldContain("Kies de urgentie.");
        missing.Errors.ShouldContain("Beschrijf wat er gezien of gehoord is.");
        missing.Page.QuerySelector("#Description-error").ShouldNotBeNull();

        var nonsense = await SignalTestSupport.RefusedAsync(await RaiseAsync(client, Form(typed, urgency: "99", category: "Nonsense", source: "0")));
        nonsense.Errors.ShouldContain("Kies de soort signaal.");
        nonsense.Errors.ShouldContain("Kies de urgentie.");
        nonsense.Errors.ShouldContain("Kies de bron van het signaal.");
        nonsense.Page.Text("#Description").ShouldBe(typed, "what was typed is kept");

        var tooLong = await SignalTestSupport.RefusedAsync(await RaiseAsync(client, Form(new string('x', NewModel.MaxDescription + 1), urgency: "High", category: "Violence")));
        tooLong.Page.Text("#Description-error").ShouldContain("hoogstens 4000 tekens");
        tooLong.Page.Text("#Description").Length.ShouldBe(NewModel.MaxDescription + 1, "the text is kept, not cut");
        tooLong.Page.QuerySelector("#category-Violence")!.HasAttribute("checked").ShouldBeTrue("the chosen category stays chosen");
        tooLong.Page.QuerySelector("#urgency-High")!.HasAttribute("checked").ShouldBeTrue();
        tooLong.Page.QuerySelector("#Source option[selected]")!.GetAttribute("value").ShouldBe("Outreach", "the chosen source stays chosen");

        var past = DisplayTime.LocalInput(DateTime.UtcNow.AddHours(-2));
        var inThePast = await SignalTestSupport.RefusedAsync(await RaiseAsync(client, Form(typed, respondBy: past, indicators: [LooksMinor])));
        inThePast.Page.QuerySelector("#RespondBy-error").ShouldNotBeNull();
        inThePast.Page.QuerySelector("#RespondBy")!.GetAttribute("value").ShouldBe(past);
        inThePast.Page.QuerySelector($"#indicator-{LooksMinor}")!.HasAttribute("checked").ShouldBeTrue("ticked indicators stay ticked");
        (await SignalTestSupport.RefusedAsync(await RaiseAsync(client, Form(typed, respondBy: DisplayTime.LocalInput(DateTime.UtcNow.AddDays(91))))))
            .Page.QuerySelector("#RespondBy-error").ShouldNotBeNull("a deadline more than 90 days away is refused");
        (await SignalTestSupport.RefusedAsync(await RaiseAsync(client, Form(typed, respondBy: "morgen"))))
            .Page.QuerySelector("#RespondBy-error").ShouldNotBeNull();

        var unknown = await SignalTestSupport.RefusedAsync(await RaiseAsync(client, Form(typed, indicators: [Guid.NewGuid()])));
        unknown.Errors.ShouldContain("Een gekozen indicator bestaat niet meer");
        unknown.Page.Text("#Description").ShouldBe(typed);
        (await SignalTestSupport.RefusedAsync(await RaiseAsync(client, [.. Form(typed), SignalTestSupport.Field("Indicators", "geen-guid")])))
            .Errors.ShouldNotBeEmpty("an indicator that is not an id is refused, not a 500");

        foreach (var code in new[] { foreignCode, teamCode, "BK-AAAA-AA", "onzin" })
        {
            var refused = await SignalTestSupport.RefusedAsync(await RaiseAsync(client, Form(typed, clientCode: code)));
            refused.Page.Text("#ClientCode-error").ShouldContain("Geen cliënt gevonden", customMessage: $"client code {code}");
            refused.Page.QuerySelector("#ClientCode")!.GetAttribute("value").ShouldBe(code);
        }

        (await RaisedByAsync(app, worker.Id)).ShouldBe(0, "nothing refused is stored");
        (await app.QueryAsync(db => db.ProcessingLog.CountAsync(e => e.Actor.UserId == worker.Id && e.Action == "SignalRaised"))).ShouldBe(0);

        var withoutToken = await client.Http.PostAsync(new Uri("/Signals/New", UriKind.Relative), new FormUrlEncodedContent(Form(typed)));
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a post without antiforgery token is refused");
        (await RaisedByAsync(app, worker.Id)).ShouldBe(0);

        var longest = await RaiseAsync(client, Form(new string('y', NewModel.MaxDescription)));
        SignalTestSupport.RaisedSignal(longest);
        (await RaisedByAsync(app, worker.Id)).ShouldBe(1, "exactly 4000 characters is allowed");
    }

    [Theory]
    [Databases]
    public async Task Roles_without_signal_work_cannot_reach_the_pages(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        foreach (var role in new[] { Roles.Beleidsmedewerker, Roles.Voorlichter, Roles.Verwijzer, Roles.Beheerder })
        {
            using var client = app.NewClient();
            await client.SignInAsNewAsync(role, organisation);
            (await client.GetAsync("/Signals")).StatusCode.ShouldBe(HttpStatusCode.NotFound, role);
            (await client.GetAsync("/Signals/New")).StatusCode.ShouldBe(HttpStatusCode.NotFound, role);
        }

        (await app.QueryAsync(db => db.Set<Signal>().CountAsync(s => s.OrganisationId == organisation))).ShouldBe(0);
    }
}
