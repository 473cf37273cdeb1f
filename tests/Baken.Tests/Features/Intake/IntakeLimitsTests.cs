using System.Net;
using Baken.Features.Admin;
using Baken.Features.Contact;
using Baken.Features.Intake;
using Baken.Features.Retention;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Tests.Features.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Baken.Tests.Features.Intake;

/// <summary>The intake's limits, each on an app of its own: the channel's flood limit, retention, and no receiving organisation.</summary>
public sealed class IntakeLimitsTests
{
    [Theory]
    [Databases]
    public async Task Self_referrals_share_the_anonymous_channels_limit_per_address(DatabaseProvider provider)
    {
        var intake = await IntakeApps.StartAsync(provider, new Dictionary<string, string?> { ["Baken:AnonymousChannel:SendsPerHour"] = "2" });
        await using var app = intake.App;
        using var visitor = app.NewClient();
        var fields = new Dictionary<string, string> { ["Channel"] = "InfoCentre", ["Language"] = "nl" };

        (await visitor.ReferSelfAsync(fields)).Page.QuerySelector("#help-sent").ShouldNotBeNull();
        (await visitor.ReferSelfAsync(fields)).Page.QuerySelector("#help-sent").ShouldNotBeNull();
        var (flooded, page) = await visitor.ReferSelfAsync(fields);

        flooded.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        page.QuerySelector("#too-many").ShouldNotBeNull("the friendly public page");
        (await visitor.SendReportAsync("Een vraag")).Response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "one budget with the contact form");
        (await app.QueryAsync(db => db.Set<IntakeRequest>().CountAsync())).ShouldBe(2);
        (await visitor.GetAsync("/Portal/Help")).StatusCode.ShouldBe(HttpStatusCode.OK, "the page itself is never limited");
    }

    [Theory]
    [Databases]
    public async Task Retention_erases_a_request_not_taken_on_90_days_after_the_decision_and_keeps_the_rest(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var intake = await IntakeApps.StartAsync(provider, time: time);
        await using var app = intake.App;
        // Through the records, not the pages: a staff session would not outlive the fake clock's months.
        var manager = await app.CreateUserAsync(Roles.Casemanager, organisationId: intake.CareProvider);

        async Task DecideAsync(Guid id, bool accept)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            var records = scope.ServiceProvider.GetRequiredService<IntakeRecords>();
            var request = await db.Set<IntakeRequest>().SingleAsync(r => r.Id == id);
            var refusal = accept
                ? (await records.AcceptAsync(request, new IntakeRecords.Acceptance(request.Version, TrajectoryType.Exit, null, "Uit de verwijzing:", true), manager.Id,
                    CancellationToken.None)).Refusal
                : await records.DeclineAsync(request, request.Version, "Past niet.", manager.Id, CancellationToken.None);
            refusal.ShouldBeNull();
        }

        var old = await intake.ReferAsync();
        var waiting = await intake.ReferAsync();
        var accepted = await intake.ReferAsync();
        await DecideAsync(old, accept: false);
        await DecideAsync(accepted, accept: true);
        time.Advance(TimeSpan.FromDays(80));
        var recent = await intake.ReferAsync();
        await DecideAsync(recent, accept: false);
        time.Advance(TimeSpan.FromDays(11));

        await using var scope = app.Services.CreateAsyncScope();
        var erasure = scope.ServiceProvider.GetRequiredService<RecordErasure>();
        var expired = await erasure.ExpiredIntakeRequests().ToListAsync();
        expired.ShouldBe([old], "only the request not taken on more than 90 days ago");
        (await erasure.EraseIfExpiredAsync(old, CancellationToken.None)).ShouldBeTrue();
        (await erasure.EraseIfExpiredAsync(recent, CancellationToken.None)).ShouldBeFalse("decided 11 days ago");

        (await app.QueryAsync(db => db.Set<IntakeRequest>().AnyAsync(r => r.Id == old))).ShouldBeFalse();
        (await app.QueryAsync(db => db.Set<ClientKey>().AnyAsync(k => k.ClientId == old))).ShouldBeFalse("the request's key is shredded");
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == old && e.Action == RecordErasure.RetentionExpired))).ShouldBeTrue();
        (await app.QueryAsync(db => db.Set<IntakeRequest>().CountAsync(r => r.Id == waiting || r.Id == accepted || r.Id == recent))).ShouldBe(3,
            "work still to do is never erased; one taken on keeps only its link");
    }

    [Theory]
    [Databases]
    public async Task Without_a_receiving_organisation_the_form_is_not_offered_and_points_to_the_contact_form(DatabaseProvider provider)
    {
        var intake = await IntakeApps.StartAsync(provider, new Dictionary<string, string?> { ["Baken:Intake:SelfReferralOrganisationId"] = Guid.NewGuid().ToString() });
        await using var app = intake.App;
        using var visitor = app.NewClient();

        var (response, page) = await visitor.GetPageAsync("/Portal/Help");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#help-unavailable").ShouldNotBeNull();
        page.QuerySelector("#help-form").ShouldBeNull();
        page.QuerySelector("#contact-link")!.GetAttribute("href").ShouldBe("/Contact");
    }
}
