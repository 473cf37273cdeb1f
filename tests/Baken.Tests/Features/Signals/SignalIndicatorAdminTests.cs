using System.Net;
using Baken.Features.Admin;
using Baken.Features.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Signals;

/// <summary>The managed list of indicators: the administrator adds, retires and restores; retired ones are no longer offered.</summary>
public sealed class SignalIndicatorAdminTests(SharedApps apps)
{
    private const string Page = "/Admin/SignalIndicators";

    private static Task<SignalIndicator?> FindAsync(BakenAppFactory app, string name) =>
        app.QueryAsync(db => db.Set<SignalIndicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Name == name));

    [Theory]
    [Databases]
    public async Task An_administrator_adds_retires_and_restores_an_indicator_and_only_indicators_in_use_are_offered(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        using var admin = app.NewClient();
        await admin.SignInAsNewAsync(Roles.Beheerder, organisation);
        using var worker = app.NewClient();
        await worker.SignInAsNewAsync(Roles.Veldwerker, organisation);
        var name = $"Zz draagt kleding van een ander {Guid.NewGuid():N}"[..60];

        (await worker.GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the list is managed by the administrator");
        var tooShort = await SignalTestSupport.RefusedAsync(await admin.SubmitAsync(Page, new Dictionary<string, string> { ["Name"] = " x " }, "#add-indicator-form"));
        tooShort.Page.Text("#Name-error").ShouldContain("2 tot 150 tekens");
        (await SignalTestSupport.RefusedAsync(await admin.SubmitAsync(Page, new Dictionary<string, string> { ["Name"] = new string('z', 151) }, "#add-indicator-form")))
            .Page.QuerySelector("#Name-error").ShouldNotBeNull();

        var added = await admin.SubmitAsync(Page, new Dictionary<string, string> { ["Name"] = $"  {name} " }, "#add-indicator-form");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var indicator = (await FindAsync(app, name)).ShouldNotBeNull("stored trimmed");
        indicator.RetiredAtUtc.ShouldBeNull();
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.TargetId == indicator.Id && a.Action == "SignalIndicatorAdded"))).ShouldBeTrue();

        var duplicate = await SignalTestSupport.RefusedAsync(await admin.SubmitAsync(Page, new Dictionary<string, string> { ["Name"] = name + "  " }, "#add-indicator-form"));
        duplicate.Page.Text("#Name-error").ShouldContain("Er is al een indicator met deze naam.");
        duplicate.Page.QuerySelector("#Name")!.GetAttribute("value").ShouldBe(name + "  ", "what was typed is kept");
        (await app.QueryAsync(db => db.Set<SignalIndicator>().CountAsync(i => i.Name == name))).ShouldBe(1);

        var (_, offered) = await worker.GetPageAsync("/Signals/New");
        offered.QuerySelector($"#indicator-{indicator.Id}").ShouldNotBeNull("a new indicator is offered at once");
        var (signal, _) = await app.RaiseSignalAsync(organisation);
        await app.QueryAsync(async db =>
        {
            db.Add(new SignalIndicatorMark { SignalId = signal, IndicatorId = indicator.Id });
            return await db.SaveChangesAsync();
        });

        var retireForm = $"form[action*='indicatorId={indicator.Id}']";
        (await admin.SubmitAsync(Page, new Dictionary<string, string>(), retireForm)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FindAsync(app, name))!.RetiredAtUtc.ShouldNotBeNull();
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.TargetId == indicator.Id && a.Action == "SignalIndicatorRetired"))).ShouldBeTrue();
        var (_, list) = await admin.GetPageAsync(Page);
        list.QuerySelector(retireForm + " input[name=retire]")!.GetAttribute("value").ShouldBe("false", "a retired indicator can be restored");

        var (_, notOffered) = await worker.GetPageAsync("/Signals/New");
        notOffered.QuerySelector($"#indicator-{indicator.Id}").ShouldBeNull("a retired indicator is no longer offered");
        var refused = await SignalTestSupport.RefusedAsync(await worker.SubmitManyAsync("/Signals/New", "#signal-form",
        [
            SignalTestSupport.Field("Source", "Outreach"),
            SignalTestSupport.Field("Category", "Exploitation"),
            SignalTestSupport.Field("Urgency", "Normal"),
            SignalTestSupport.Field("Description", "Met een oude indicator"),
            SignalTestSupport.Field("Indicators", indicator.Id.ToString()),
        ]));
        refused.Errors.ShouldContain("Een gekozen indicator bestaat niet meer");
        using var coordinator = app.NewClient();
        await coordinator.SignInAsNewAsync(Roles.Zorgcoordinator, organisation);
        var (_, old) = await coordinator.GetPageAsync($"/Signals/{signal}");
        old.Text("#signal-indicators").ShouldContain(name, customMessage: "old signals keep a retired indicator");

        (await admin.SubmitAsync(Page, new Dictionary<string, string>(), retireForm)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FindAsync(app, name))!.RetiredAtUtc.ShouldBeNull("restored");
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.TargetId == indicator.Id && a.Action == "SignalIndicatorRestored"))).ShouldBeTrue();
        var (_, back) = await worker.GetPageAsync("/Signals/New");
        back.QuerySelector($"#indicator-{indicator.Id}").ShouldNotBeNull("a restored indicator is offered again");

        var missing = await admin.PostDirectAsync(Page, $"{Page}?handler=Retire&indicatorId={Guid.NewGuid()}", [SignalTestSupport.Field("retire", "true")]);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound, "an unknown indicator is a 404, not a 500");
    }
}
