using System.Globalization;
using System.Net;
using Baken.Features.Clients;
using Baken.Features.Demo;
using Baken.Features.Referrals;
using Baken.Features.ServiceDirectory;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Web;
using Baken.Tests.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Referrals;

/// <summary>A referral's status after sending: valid moves only, dated, with feedback, guarded against stale edits; and the demo referrals.</summary>
public sealed class ReferralStatusTests(SharedApps apps)
{
    private static DateOnly Today => DisplayTime.LocalDate(DateTime.UtcNow);

    private static string Url(ReferralTestSupport.Case @case, Guid referral) => $"/Trajectories/{@case.Trajectory}/Referrals/{referral}";

    private static Task<HttpResponseMessage> MoveAsync(BakenClient client, string url, string to, DateOnly on, string feedback = "", int? version = null)
    {
        var fields = new Dictionary<string, string> { ["To"] = to, ["On"] = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Feedback"] = feedback };
        if (version is { } v)
        {
            fields["Version"] = v.ToString(CultureInfo.InvariantCulture);
        }

        return client.SubmitAsync(url, fields, "#status-form");
    }

    /// <summary>A status change posted without the page offering it (a final status, a stale tab).</summary>
    private static Task<HttpResponseMessage> ForceMoveAsync(BakenClient client, string url, string to, int version) =>
        client.PostDirectAsync(url, url,
        [
            SignalTestSupport.Field("To", to),
            SignalTestSupport.Field("On", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            SignalTestSupport.Field("Version", version.ToString(CultureInfo.InvariantCulture)),
        ]);

    private static Task<Referral> LoadAsync(BakenAppFactory app, Guid id) =>
        app.QueryAsync(db => db.Set<Referral>().AsNoTracking().SingleAsync(r => r.Id == id));

    [Theory]
    [Databases]
    public async Task A_referral_moves_on_with_a_date_and_feedback_and_a_final_status_stays(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync();
        var referral = await app.SendReferralAsync(@case, partner);
        using var client = app.NewClient();
        await client.SignInAsync(@case.Manager);
        var url = Url(@case, referral);
        var viewed = await app.ClientLogCountAsync(@case.Client, "ReferralViewed");

        var (_, page) = await client.GetPageAsync(url);
        page.Text("#referral-status").ShouldBe("Verstuurd");
        page.Text("#referral-letter").ShouldContain(@case.Alias);
        page.Text("#referral-shared").ShouldContain("Zelfgekozen naam");
        page.QuerySelectorAll("#To option[value]").Select(o => o.GetAttribute("value")).Where(v => v != string.Empty)
            .ShouldBe(["Accepted", "Declined", "Completed"]);
        (await app.ClientLogCountAsync(@case.Client, "ReferralViewed")).ShouldBe(viewed + 1, "reading the referral is logged");

        var future = await SignalTestSupport.RefusedAsync(await MoveAsync(client, url, "Accepted", Today.AddDays(1)));
        future.Page.Text("#On-error").ShouldContain("toekomst");
        var early = await SignalTestSupport.RefusedAsync(await MoveAsync(client, url, "Accepted", Today.AddDays(-1)));
        early.Page.Text("#On-error").ShouldContain("versturen");
        var stale = await SignalTestSupport.RefusedAsync(await MoveAsync(client, url, "Accepted", Today, version: 41));
        stale.Errors.ShouldContain("intussen");
        var nothing = await SignalTestSupport.RefusedAsync(await MoveAsync(client, url, string.Empty, Today));
        nothing.Page.QuerySelector("#To-error").ShouldNotBeNull();
        (await LoadAsync(app, referral)).Status.ShouldBe(ReferralStatus.Sent, "nothing refused changed the referral");

        var feedback = $"Intake gepland {Guid.NewGuid():N}";
        (await MoveAsync(client, url, "Accepted", Today, feedback)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var accepted = await LoadAsync(app, referral);
        accepted.Status.ShouldBe(ReferralStatus.Accepted);
        accepted.Version.ShouldBe(1);
        var change = (await app.StatusChangesAsync(referral)).Last();
        change.To.ShouldBe(ReferralStatus.Accepted);
        change.On.ShouldBe(Today);
        change.ByUserId.ShouldBe(@case.Manager.Id);
        change.Feedback!.Holds(feedback).ShouldBeFalse("feedback is encrypted");
        (await app.DecryptAsync(@case.Client, ReferralStatusChange.Table, nameof(ReferralStatusChange.Feedback), change.Id, change.Feedback)).ShouldBe(feedback);

        var declined = await SignalTestSupport.RefusedAsync(await ForceMoveAsync(client, url, "Declined", accepted.Version));
        declined.Errors.ShouldContain("kan niet volgen");
        (await MoveAsync(client, url, "Completed", Today)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, done) = await client.GetPageAsync(url);
        done.Text("#referral-status").ShouldBe("Afgerond");
        done.Text("#referral-history").ShouldContain(feedback);
        done.QuerySelector("#status-form").ShouldBeNull("completed is final");
        done.QuerySelector("#referral-final").ShouldNotBeNull();
        var final = await SignalTestSupport.RefusedAsync(await ForceMoveAsync(client, url, "Accepted", 2));
        final.Errors.ShouldContain("kan niet volgen");
        (await LoadAsync(app, referral)).Status.ShouldBe(ReferralStatus.Completed);
        (await app.StatusChangesAsync(referral)).Select(c => c.To).ShouldBe([ReferralStatus.Sent, ReferralStatus.Accepted, ReferralStatus.Completed]);
        (await app.ClientLogCountAsync(@case.Client, "ReferralMovedToCompleted")).ShouldBe(1);
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(a => a.TargetId == referral && a.Action == "ReferralStatusChanged"))).ShouldBe(2);
    }

    [Theory]
    [Databases]
    public async Task A_closed_trajectory_takes_no_new_referral_but_its_referrals_still_move_on(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync();
        var referral = await app.SendReferralAsync(@case, partner);
        await app.QueryAsync(db => db.Set<Trajectory>().Where(t => t.Id == @case.Trajectory)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.State, TrajectoryState.DroppedOut).SetProperty(x => x.ClosedAtUtc, DateTime.UtcNow)));
        using var client = app.NewClient();
        await client.SignInAsync(@case.Manager);

        var (_, page) = await client.GetPageAsync($"/Trajectories/{@case.Trajectory}/Referrals/New?serviceId={partner.Service}");
        page.Text("#referral-closed").ShouldContain("afgesloten");
        page.QuerySelector("#referral-form").ShouldBeNull();
        var refused = await SignalTestSupport.RefusedAsync(await client.PostReferralAsync(@case.Trajectory, partner.Service, confirm: false, "Nog een vraag", null, "Alias"));
        refused.Errors.ShouldContain("afgesloten");
        (await app.ReferralsAsync(@case.Trajectory)).Count.ShouldBe(1);

        var (_, trajectory) = await client.GetPageAsync($"/Trajectories/{@case.Trajectory}");
        trajectory.QuerySelector($"#referrals-section a[href='/Trajectories/{@case.Trajectory}/Referrals/New']").ShouldBeNull();
        trajectory.Text("#referrals-section").ShouldContain("afgesloten");

        (await MoveAsync(client, Url(@case, referral), "Completed", Today, "Afgerond na sluiten")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoadAsync(app, referral)).Status.ShouldBe(ReferralStatus.Completed);
    }

    [Theory]
    [Databases]
    public async Task The_demo_links_IOM_and_the_public_health_service_and_holds_referrals_and_a_client_without_consent(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var iom = await app.QueryAsync(db => db.Set<DirectoryOrganization>().SingleAsync(o => o.Name == "IOM (voorbeeld)"));
        iom.PartnerType.ShouldBe(PartnerType.ReturnMigration);
        (await app.QueryAsync(db => db.Organisations.Where(o => o.Id == iom.OrganisationId).Select(o => o.Name).SingleAsync())).ShouldBe(DemoReferrals.Iom);
        var health = await app.QueryAsync(db => db.Set<DirectoryOrganization>().SingleAsync(o => o.Name == "GGD (voorbeeld)"));
        health.PartnerType.ShouldBe(PartnerType.PublicHealth);
        health.OrganisationId.ShouldNotBeNull();

        var statuses = await app.QueryAsync(db => db.Set<Referral>().Where(r => r.RecipientOrganisationId == iom.OrganisationId || r.RecipientOrganisationId == health.OrganisationId)
            .Select(r => r.Status).ToListAsync());
        statuses.ShouldContain(ReferralStatus.Sent);
        statuses.ShouldContain(ReferralStatus.Completed);

        await using var scope = app.Services.CreateAsyncScope();
        var withoutConsent = (await scope.ServiceProvider.GetRequiredService<ClientRecords>().SearchAsync(DemoReferrals.WithoutConsent, CancellationToken.None)).ShouldHaveSingleItem();
        (await app.QueryAsync(db => db.Set<Trajectory>().AnyAsync(t => t.ClientId == withoutConsent && TrajectoryStates.Open.Contains(t.State))))
            .ShouldBeTrue("the browser test refers this client from an open trajectory");
        (await scope.ServiceProvider.GetRequiredService<ConsentCheck>().CheckAsync(withoutConsent, ConsentPurpose.Referral, iom.OrganisationId, CancellationToken.None))
            .Allowed.ShouldBeFalse("the browser test first meets the refusal");
    }
}
