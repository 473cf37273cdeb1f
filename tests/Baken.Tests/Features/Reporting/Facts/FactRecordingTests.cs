using System.Net;
using System.Text;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Outreach;
using Baken.Features.Referrals;
using Baken.Features.Reporting.Facts;
using Baken.Features.ServiceDirectory;
using Baken.Features.Signals;
using Baken.Features.Trajectories;
using Baken.Tests.Features.Referrals;
using Baken.Tests.Features.Signals;

namespace Baken.Tests.Features.Reporting.Facts;

/// <summary>
/// The statistical facts (ADR 20) are written by the record services as the work happens, in the same unit of
/// work: a trajectory's start, closure and reopening, a signal raised and a referral sent. Every test works in an
/// organisation of its own, so the facts it reads are only the ones it caused.
/// </summary>
public sealed class FactRecordingTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task Starting_a_trajectory_writes_an_episode_with_the_coarse_categories_of_its_intake(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var manager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisation);
        var (clientId, _) = await app.CreateClientAsync(organisation,
            new ClientIdentity { Alias = "Feit", LegalName = $"Naam{Guid.NewGuid():N}", DateOfBirth = FactTestSupport.BornYearsAgo(30) },
            IdentityLevel.Identified, teamMember: manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(manager);

        var started = await client.SubmitAsync($"/Clients/{clientId}/Trajectories/Start", new Dictionary<string, string>
        {
            ["Type"] = "Exit",
            ["JoinAsCaseManager"] = "true",
            ["Input.ReferralRoute"] = "PoliceEscortCheck",
            ["Input.VictimStatus"] = "Suspected",
            ["Input.GenderIdentity"] = "Woman",
            ["Input.Languages"] = "Roemeens",
        });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var trajectoryId = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[^1]);

        var episode = (await app.EpisodesAsync(organisation)).ShouldHaveSingleItem("one start, one episode");
        episode.Type.ShouldBe(TrajectoryType.Exit);
        episode.StartedOn.ShouldBe(FactTestSupport.Today);
        episode.Reopened.ShouldBeFalse();
        episode.Route.ShouldBe(ReferralRoute.PoliceEscortCheck);
        episode.Gender.ShouldBe(GenderIdentity.Woman);
        episode.Victim.ShouldBe(VictimStatus.Suspected);
        episode.AgeBand.ShouldBe(AgeBand.From25To34, "an age band from the date of birth, never the date itself");
        episode.EndedOn.ShouldBeNull();
        episode.EndState.ShouldBeNull();
        episode.Outcome.ShouldBeNull();
        episode.SubjectKey.ShouldNotBe(Guid.Empty);
        episode.SubjectKey.ShouldNotBe(clientId, "the fact does not name the client");
        episode.SubjectKey.ShouldNotBe(trajectoryId);

        var row = (await app.StatisticsKeyRowAsync(clientId)).ShouldNotBeNull("the link from client to facts is kept");
        row.Key.ShouldNotBeEmpty();
        var stored = Encoding.UTF8.GetString(row.Key);
        foreach (var format in new[] { "N", "D", "B" })
        {
            stored.ShouldNotContain(episode.SubjectKey.ToString(format), customMessage: "the key is not stored readable");
        }

        ContainsBytes(row.Key, episode.SubjectKey.ToByteArray()).ShouldBeFalse("the key is not stored as raw bytes either");
        (await app.SubjectKeyAsync(clientId)).ShouldBe(episode.SubjectKey, "with the client's data key the link reads back");
    }

    [Theory]
    [Databases]
    public async Task Closing_ends_the_episode_and_reopening_starts_a_new_one(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        var manager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisation);
        var (clientId, _) = await app.CreateClientAsync(organisation, teamMember: manager.Id);
        var trajectoryId = await app.StartTrajectoryAsync(clientId, manager.Id, intake: new TrajectoryIntake
        {
            ReferralRoute = ReferralRoute.SelfReferralWebsite,
            GenderIdentity = GenderIdentity.NonBinary,
            VictimStatus = VictimStatus.No,
        });
        using var client = app.NewClient();
        await client.SignInAsync(manager);

        (await client.TransitionAsync(trajectoryId, "Intake")).ShouldBeNull();
        (await client.TransitionAsync(trajectoryId, "Active")).ShouldBeNull();
        (await app.EpisodesAsync(organisation)).ShouldHaveSingleItem().EndedOn.ShouldBeNull("moving between open states ends nothing");
        (await client.TransitionAsync(trajectoryId, "Closed", new() { ["Input.Outcome"] = "Education", ["Input.Evaluation"] = "Volgt een opleiding" })).ShouldBeNull();

        var first = (await app.EpisodesAsync(organisation)).ShouldHaveSingleItem("closing writes no second episode");
        first.EndedOn.ShouldBe(FactTestSupport.Today);
        first.EndState.ShouldBe(TrajectoryState.Closed);
        first.Outcome.ShouldBe(ClosureOutcome.Education);
        first.Reopened.ShouldBeFalse();

        (await client.TransitionAsync(trajectoryId, "Active", new() { ["Input.Note"] = "Wil opnieuw begeleiding" })).ShouldBeNull();

        var episodes = await app.EpisodesAsync(organisation);
        episodes.Count.ShouldBe(2, "a reopening is a new episode, so the closure stays counted where it was published");
        var closed = episodes.Single(e => e.Id == first.Id);
        closed.ShouldBeEquivalentTo(first);
        var reopened = episodes.Single(e => e.Id != first.Id);
        reopened.Reopened.ShouldBeTrue();
        reopened.SubjectKey.ShouldBe(first.SubjectKey, "the same person");
        reopened.StartedOn.ShouldBe(FactTestSupport.Today);
        reopened.EndedOn.ShouldBeNull();
        reopened.EndState.ShouldBeNull();
        reopened.Outcome.ShouldBeNull();
        reopened.Route.ShouldBe(ReferralRoute.SelfReferralWebsite, "the categories come from the trajectory's intake");
        reopened.Gender.ShouldBe(GenderIdentity.NonBinary);
        reopened.Victim.ShouldBe(VictimStatus.No);

        (await client.TransitionAsync(trajectoryId, "DroppedOut")).ShouldBeNull();
        var dropped = (await app.EpisodesAsync(organisation)).Single(e => e.Id == reopened.Id);
        dropped.EndedOn.ShouldBe(FactTestSupport.Today);
        dropped.EndState.ShouldBe(TrajectoryState.DroppedOut);
        dropped.Outcome.ShouldBeNull("dropping out has no outcome");
        (await app.EpisodesAsync(organisation)).Single(e => e.Id == first.Id).ShouldBeEquivalentTo(first, "the first episode is never touched again");
    }

    [Theory]
    [Databases]
    public async Task Raising_a_signal_writes_an_event_with_its_category_and_source(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.NewOrganisationAsync();
        (await app.EventsAsync(organisation, EventFactKind.SignalRaised)).ShouldBeEmpty();

        await app.RaiseSignalAsync(organisation);

        var fact = (await app.EventsAsync(organisation, EventFactKind.SignalRaised)).ShouldHaveSingleItem();
        fact.Category.ShouldBe((int)SignalCategory.Exploitation);
        fact.Detail.ShouldBe((int)SignalSource.Outreach);
        fact.On.ShouldBe(FactTestSupport.Today);
        fact.SourceId.ShouldBeNull("a signal's event does not point at the signal");
        fact.Hours.ShouldBeNull();
    }

    [Theory]
    [Databases]
    public async Task Sending_a_referral_writes_an_event_with_the_recipient_type_and_status(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var @case = await app.NewCaseAsync();
        var partner = await app.NewPartnerAsync(PartnerType.ReturnMigration);
        (await app.EventsAsync(@case.Organisation, EventFactKind.ReferralOut)).ShouldBeEmpty();

        var referral = await app.SendReferralAsync(@case, partner);

        var fact = (await app.EventsAsync(@case.Organisation, EventFactKind.ReferralOut)).ShouldHaveSingleItem();
        fact.SourceId.ShouldBe(referral);
        fact.Category.ShouldBe((int)PartnerType.ReturnMigration);
        fact.Detail.ShouldBe((int)ReferralStatus.Sent);
        fact.On.ShouldBe(FactTestSupport.Today);
    }

    private static bool ContainsBytes(byte[] haystack, byte[] needle) =>
        Enumerable.Range(0, Math.Max(0, haystack.Length - needle.Length + 1)).Any(i => haystack.AsSpan(i, needle.Length).SequenceEqual(needle));
}
