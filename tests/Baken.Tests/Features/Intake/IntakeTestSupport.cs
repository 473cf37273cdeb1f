using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Dom;
using Baken.Features.Admin;
using Baken.Features.Intake;
using Baken.Features.ServiceDirectory;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Intake;

/// <summary>
/// Apps for the intake tests, one per database, without demo data: a care provider that runs the exit programme
/// (its directory entry has an active service with the exit topic), an information centre that lists the topic
/// too (the care provider must still win), a police unit that refers, and another care provider. The channel's
/// per-address limits are raised, since every request of a test server comes from the same address.
/// </summary>
public sealed class IntakeApps : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<IntakeApp>>> _apps = new();

    public Task<IntakeApp> ForAsync(DatabaseProvider provider) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<IntakeApp>>(() => StartAsync(p))).Value;

    public static async Task<IntakeApp> StartAsync(
        DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Baken:AnonymousChannel:SendsPerHour"] = "10000",
            ["Baken:AnonymousChannel:OpensPer15Minutes"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new BakenAppFactory(provider, demo: false, settings: all, time: time);
        app.StartServer();
        var ids = await app.QueryAsync(async db =>
        {
            // Named so that the information centre sorts first: the rule must pick the care provider on purpose.
            var info = new Organisation { Name = "A Informatiecentrum (test)", Kind = OrganisationKind.InfoCentre };
            var care = new Organisation { Name = "B Uitstapzorg (test)", Kind = OrganisationKind.CareProvider };
            var police = new Organisation { Name = "C Politie (test)", Kind = OrganisationKind.PartnerReferrer };
            var other = new Organisation { Name = "D Andere zorg (test)", Kind = OrganisationKind.CareProvider };
            db.Organisations.AddRange(info, care, police, other);
            var exit = DirectoryDefaults.Terms.Single(t => t.Code == IntakeRecords.ExitTopic).Id;
            foreach (var (organisation, service) in new[] { (info, "Inloopspreekuur"), (care, "Uitstapprogramma") })
            {
                var entry = new DirectoryOrganization { Name = organisation.Name, Description = "Test", OrganisationId = organisation.Id };
                var offer = new DirectoryService { OrganizationId = entry.Id, Name = service };
                db.AddRange(entry, offer, new ServiceTerm { ServiceId = offer.Id, TermId = exit });
            }

            await db.SaveChangesAsync();
            return (Care: care.Id, Info: info.Id, Police: police.Id, Other: other.Id);
        });
        return new IntakeApp(app, ids.Care, ids.Info, ids.Police, ids.Other);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
        {
            await (await app.Value).App.DisposeAsync();
        }
    }
}

/// <param name="CareProvider">Runs the exit programme: receives self-referrals.</param>
public sealed record IntakeApp(BakenAppFactory App, Guid CareProvider, Guid InfoCentre, Guid Police, Guid OtherCare)
{
    /// <summary>A signed-in client of a new user with the role, in the organisation.</summary>
    public async Task<(BakenClient Client, StaffBuilder.CreatedUser User)> SignInAsync(string role, Guid organisationId)
    {
        var user = await App.CreateUserAsync(role, organisationId: organisationId);
        var client = App.NewClient();
        await client.SignInAsync(user);
        return (client, user);
    }
}

public static class IntakeSteps
{
    /// <summary>Fills and sends the portal's self-referral form; returns the response and the page it rendered.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> ReferSelfAsync(this BakenClient client, IDictionary<string, string> fields)
    {
        var response = await client.SubmitAsync("/Portal/Help", fields, "#help-form");
        return (response, await BakenClient.ReadAsync(response));
    }

    /// <summary>A referral of the police unit's new Verwijzer, straight through the application's records.</summary>
    public static async Task<Guid> ReferAsync(this IntakeApp app, Guid? receiver = null, string reason = "Demo: wil stoppen", string? reference = null,
        Guid? referrer = null)
    {
        referrer ??= (await app.App.CreateUserAsync(Roles.Verwijzer, organisationId: app.Police)).Id;
        await using var scope = app.App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IntakeRecords>().SubmitAsync(new IntakeRecords.Submission(
            receiver ?? app.CareProvider, IntakeSource.PartnerForm, IntakeContactChannel.ViaReferrer, "nl", "Test", null, reason, Guid.NewGuid(),
            referrer, app.Police, reference), CancellationToken.None);
        result.Outcome.ShouldBe(IntakeRecords.Outcome.Stored);
        return result.Id;
    }

    public static async Task<IHtmlDocument> PageOkAsync(this BakenClient client, string url)
    {
        var (response, page) = await client.GetPageAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return page;
    }
}

public static class IntakeBuilder
{
    /// <summary>An application in <paramref name="organisationId"/>'s intake queue, referred by a new Verwijzer of another organisation.</summary>
    public static async Task<Guid> ReceiveIntakeRequestAsync(this BakenAppFactory app, Guid organisationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IntakeRecords>().SubmitAsync(new IntakeRecords.Submission(
            organisationId, IntakeSource.PartnerForm, IntakeContactChannel.ViaReferrer, "nl", "Test", null, "Test: een verwijzing", Guid.NewGuid()),
            CancellationToken.None);
        return result.Id;
    }
}
