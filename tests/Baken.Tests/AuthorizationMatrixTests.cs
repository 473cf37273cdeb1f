using System.Net;
using Baken.Features.Admin;
using Baken.Features.ServiceDirectory;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests;

/// <summary>
/// Every endpoint of the app, and what each kind of visitor gets from it. An endpoint without a row fails the
/// test, so nobody can add a page without deciding who may see it. "No access" must answer 404.
/// </summary>
public sealed class AuthorizationMatrixTests(SharedApps apps)
{
    private enum Outcome
    {
        Ok,
        NotFound,
        ToLogin,
        ToHome,
        ServerError,
        Unauthorized,
    }

    private const string Anonymous = "anonymous";

    private static readonly string[] Visitors = [Anonymous, .. Roles.All];

    private static readonly string[] ClientWorkers =
        [Roles.Teamleider, Roles.Casemanager, Roles.Jobcoach, Roles.Woonbegeleider, Roles.Zorgcoordinator, Roles.Veldwerker];

    private static readonly string[] ChannelStaff = [Roles.Veldwerker, Roles.Zorgcoordinator, Roles.Teamleider];

    private static readonly string[] SignalRaisers =
        [Roles.Veldwerker, Roles.Zorgcoordinator, Roles.Teamleider, Roles.Casemanager, Roles.Jobcoach, Roles.Woonbegeleider];

    /// <summary>The same outcome for every signed-in role.</summary>
    private static Func<string, Outcome> Everyone(Outcome anonymous, Outcome signedIn) =>
        visitor => visitor == Anonymous ? anonymous : signedIn;

    /// <summary>Anonymous visitors are sent to sign in; the named roles get <paramref name="allowed"/>, all others 404.</summary>
    private static Func<string, Outcome> Only(string[] roles, Outcome allowed = Outcome.Ok) =>
        visitor => visitor == Anonymous ? Outcome.ToLogin : roles.Contains(visitor) ? allowed : Outcome.NotFound;

    /// <summary>
    /// Expected outcome per endpoint and visitor, for a fresh user of the organisation whose intake queue holds
    /// the client in the URLs. Users of another organisation are checked too (see the test).
    /// </summary>
    private static readonly Dictionary<string, Func<string, Outcome>> Matrix = new()
    {
        [""] = Everyone(Outcome.ToLogin, Outcome.Ok),
        ["Account/Login"] = Everyone(Outcome.Ok, Outcome.ToHome),
        ["Account/LoginWith2fa"] = Everyone(Outcome.ToLogin, Outcome.ToLogin),
        ["Account/LoginWithRecoveryCode"] = Everyone(Outcome.ToLogin, Outcome.ToLogin),
        ["Account/EnrolAuthenticator"] = Everyone(Outcome.ToLogin, Outcome.ToHome),
        ["Account/Reauthenticate"] = Everyone(Outcome.ToLogin, Outcome.Ok),
        ["Account/Passkeys"] = Everyone(Outcome.ToLogin, Outcome.Ok),
        ["Account/Logout"] = Everyone(Outcome.ToLogin, Outcome.Ok),
        ["Account/Language"] = Everyone(Outcome.ToHome, Outcome.ToHome),
        ["Setup/{token}"] = Everyone(Outcome.NotFound, Outcome.NotFound),
        ["Error/{code:int?}"] = Everyone(Outcome.ServerError, Outcome.ServerError),
        ["health/live"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["health/ready"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["Admin/Users"] = Only([Roles.Beheerder]),
        ["Admin/Users/Index"] = Only([Roles.Beheerder]),
        ["Admin/Users/Create"] = Only([Roles.Beheerder]),
        ["Admin/Users/Edit/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Users/Deactivate/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Users/ResetSecondFactor/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Organisations"] = Only([Roles.Beheerder]),
        ["Admin/Organisations/Index"] = Only([Roles.Beheerder]),
        ["Admin/Organisations/Create"] = Only([Roles.Beheerder]),
        ["Admin/Organisations/Edit/{id:guid}"] = Only([Roles.Beheerder]),
        // The help-service directory is managed by the Beheerder; the URLs carry a demo directory organisation,
        // service or place (see DirectoryEntryFor).
        ["Admin/Directory"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Index"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Create"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Import"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Edit/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Delete/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Directory/ContactPoints/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Translations/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Services/Create/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Services/Edit/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Services/Hours/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Services/Delete/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Locations/Create/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Locations/Edit/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Directory/Locations/Delete/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/Audit"] = Only([Roles.Beheerder]),
        ["Admin/Audit/Index"] = Only([Roles.Beheerder]),
        ["Admin/ProcessingActivities"] = Only([Roles.Beheerder]),
        ["Admin/ProcessingActivities/Index"] = Only([Roles.Beheerder]),
        ["Clients"] = Only(ClientWorkers),
        ["Clients/Index"] = Only(ClientWorkers),
        ["Clients/Create"] = Only(ClientWorkers),
        ["Clients/{id:guid}"] = Only(ClientWorkers),
        ["Clients/{id:guid}/Consents"] = Only(ClientWorkers),
        ["Clients/{id:guid}/Export"] = Only(ClientWorkers),
        ["Clients/{id:guid}/Edit"] = Only(ClientWorkers),
        ["Clients/{id:guid}/Restrict"] = Only([Roles.Casemanager]),
        ["Clients/{id:guid}/Erase"] = Only([Roles.Casemanager, Roles.Teamleider]),
        ["Clients/{id:guid}/Sharing"] = Only(ClientWorkers),
        ["Clients/{id:guid}/KeepLonger"] = Only(ClientWorkers),
        ["Clients/{id:guid}/Trajectories/Start"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Intake"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Team"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Plan"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Assessments/New"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Goals/New"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Goals/{goalId:guid}"] = Only(ClientWorkers),
        ["Admin/LifeDomains"] = Only([Roles.Beheerder]),
        ["Admin/LifeDomains/Index"] = Only([Roles.Beheerder]),
        ["Admin/LifeDomains/Edit/{id:guid}"] = Only([Roles.Beheerder]),
        ["Admin/LifeDomains/Scale"] = Only([Roles.Beheerder]),
        ["Trajectories/{id:guid}/Journal"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Journal/{entryId:guid}"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Agenda"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Referrals"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Referrals/New"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Referrals/{referralId:guid}"] = Only(ClientWorkers),
        ["Trajectories/{id:guid}/Referrals/{referralId:guid}/Letter"] = Only(ClientWorkers),
        ["Outreach"] = Only([Roles.Veldwerker, Roles.Teamleider]),
        ["Outreach/Index"] = Only([Roles.Veldwerker, Roles.Teamleider]),
        ["Outreach/{id:guid}"] = Only([Roles.Teamleider]),
        ["Outreach/Ads"] = Only([Roles.Veldwerker, Roles.Teamleider]),
        ["Outreach/{id:guid}/Contacts/{contactId:guid}/Client"] = Everyone(Outcome.ToLogin, Outcome.NotFound),
        ["Admin/OutreachLocations"] = Only([Roles.Beheerder]),
        ["Admin/OutreachLocations/Index"] = Only([Roles.Beheerder]),
        ["Signals"] = Only(SignalRaisers),
        ["Signals/Index"] = Only(SignalRaisers),
        ["Signals/New"] = Only(SignalRaisers),
        // A fresh user sees only signals they raised or were given; the queue is for the coordinator and the lead.
        ["Signals/{id:guid}"] = Only([Roles.Zorgcoordinator, Roles.Teamleider]),
        ["Signals/{id:guid}/Handover"] = Only([Roles.Zorgcoordinator, Roles.Teamleider]),
        // The anonymous channel is public; its staff inbox is for the receiving organisation's answering roles.
        ["Contact"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["Contact/Index"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["Contact/Open"] = Everyone(Outcome.Ok, Outcome.Ok),

        // The quick exit redirects to the neutral site, whose path is "/" (so it classifies as ToHome).
        ["Contact/Leave"] = Everyone(Outcome.ToHome, Outcome.ToHome),
        ["Inbox"] = Only(ChannelStaff),
        ["Inbox/Index"] = Only(ChannelStaff),
        ["Inbox/{id:guid}"] = Only(ChannelStaff),
        // The intake queue of the receiving organisation; referrals in and partner tokens for the Verwijzer (a fresh
        // one owns no token, so the revoke row answers 404). The self-referral form is public. The partner API takes
        // only a bearer token: 401 without one, whoever is signed in.
        ["Intake"] = Only([Roles.Casemanager, Roles.Teamleider, Roles.Zorgcoordinator]),
        ["Intake/Index"] = Only([Roles.Casemanager, Roles.Teamleider, Roles.Zorgcoordinator]),
        ["Intake/{id:guid}"] = Only([Roles.Casemanager, Roles.Teamleider, Roles.Zorgcoordinator]),
        ["Partner/Referrals"] = Only([Roles.Verwijzer]),
        ["Partner/Referrals/New"] = Only([Roles.Verwijzer]),
        ["Partner/Tokens"] = Only([Roles.Verwijzer]),
        ["Partner/Tokens/{id:guid}/Revoke"] = Everyone(Outcome.ToLogin, Outcome.NotFound),
        ["Portal/Help"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["Portal/Help/Index"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["api/partner/referrals"] = Everyone(Outcome.Unauthorized, Outcome.Unauthorized),
        ["api/partner/referrals/{id}"] = Everyone(Outcome.Unauthorized, Outcome.Unauthorized),
        // The public, read-only HSDS API of the help-service directory. The ids in the URL are no directory
        // entries, so the single-item rows answer 404 to everyone (HsdsApiTests read real ones).
        ["Portal"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["Portal/Index"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["Portal/Services"] = Everyone(Outcome.Ok, Outcome.Ok),
        // Rule pages: public ({slug} is a seeded page). Management is for the Beheerder.
        ["Portal/Rules"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["Portal/Rules/Index"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["Portal/Rules/Check"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["Portal/Rules/{slug}"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["Admin/RulePages"] = Only([Roles.Beheerder]),
        ["Admin/RulePages/Index"] = Only([Roles.Beheerder]),
        ["Admin/RulePages/Create"] = Only([Roles.Beheerder]),
        ["Admin/RulePages/Details/{slug}"] = Only([Roles.Beheerder]),
        ["Admin/RulePages/Edit/{slug}/{language}"] = Only([Roles.Beheerder]),
        ["Admin/RulePages/Version/{id:guid}"] = Only([Roles.Beheerder], Outcome.NotFound),
        ["api/hsds"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["api/hsds/services"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["api/hsds/services/{id}"] = Everyone(Outcome.NotFound, Outcome.NotFound),
        ["api/hsds/organizations"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["api/hsds/organizations/{id}"] = Everyone(Outcome.NotFound, Outcome.NotFound),
        ["api/{documentName}/openapi.json"] = Everyone(Outcome.Ok, Outcome.Ok),
        ["Admin/SignalIndicators"] = Only([Roles.Beheerder]),
        ["Admin/SignalIndicators/Index"] = Only([Roles.Beheerder]),
        ["Caseload"] = Only(ClientWorkers),
        ["Caseload/Index"] = Only(ClientWorkers),
        ["Retention"] = Only([Roles.Casemanager, Roles.Teamleider]),
        ["Retention/Index"] = Only([Roles.Casemanager, Roles.Teamleider]),
        // The client in the URL is already openable for a team lead of its organisation: no glass to break.
        ["Clients/{id:guid}/BreakGlass"] = Everyone(Outcome.ToLogin, Outcome.NotFound),
        // The register of council commitments is the Beleidsmedewerker's, for the whole municipality (no organisation).
        ["Reporting/Commitments"] = Only([Roles.Beleidsmedewerker]),
        ["Reporting/Commitments/Index"] = Only([Roles.Beleidsmedewerker]),
        ["Reporting/Commitments/New"] = Only([Roles.Beleidsmedewerker]),
        ["Reporting/Commitments/{id:guid}"] = Only([Roles.Beleidsmedewerker]),
        ["Reporting/Commitments/{id:guid}/Edit"] = Only([Roles.Beleidsmedewerker]),
        // Suppressed figures only: the region and every organisation for the Beleidsmedewerker, the own organisation for a team lead.
        ["Reporting/Figures"] = Only([Roles.Beleidsmedewerker, Roles.Teamleider]),
    };

    [Fact]
    public void Every_endpoint_has_a_row_and_every_row_an_endpoint()
    {
        var patterns = EndpointPatterns(apps.For(DatabaseProvider.Sqlite));
        patterns.Except(Matrix.Keys).ShouldBeEmpty("endpoints without a row in the authorization matrix");
        Matrix.Keys.Except(patterns).ShouldBeEmpty("matrix rows for endpoints that no longer exist");
    }

    [Theory]
    [Databases]
    public async Task Every_endpoint_answers_every_visitor_as_the_matrix_says(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var someUser = await app.QueryAsync(db => db.Users.Select(u => u.Id).FirstAsync());
        var organisations = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).Take(2).ToListAsync());
        var (intakeClient, _) = await app.CreateClientAsync(organisations[0]);
        var intakeTrajectory = await app.StartTrajectoryAsync(intakeClient);
        var goal = await app.AddGoalAsync(intakeTrajectory, "Een eigen kamer vinden");
        var domain = Baken.Features.Plan.PlanDefaults.Domains[0].Id;
        var entry = await app.AddJournalEntryAsync(intakeTrajectory, "Kennismaking op het spreekuur");
        var referral = await Baken.Tests.Features.Referrals.ReferralTestSupport.SendReferralAsync(app, intakeTrajectory);
        var (round, roundContact) = await app.StartOutreachAsync(organisations[0]);
        var (signal, _) = await app.RaiseSignalAsync(organisations[0]);
        var report = await app.ReceiveReportAsync(organisations[0]);
        var commitment = await Baken.Tests.Features.Reporting.Commitments.CommitmentTestSupport.CreateCommitmentAsync(app);
        var intakeRequest = await Baken.Tests.Features.Intake.IntakeBuilder.ReceiveIntakeRequestAsync(app, organisations[0]);
        var directory = await app.QueryAsync(db => db.Set<DirectoryLocation>().OrderBy(l => l.Id)
            .Select(l => new { l.OrganizationId, Service = db.Set<DirectoryService>().Where(x => x.OrganizationId == l.OrganizationId).Select(x => (Guid?)x.Id).FirstOrDefault(), Location = l.Id })
            .FirstAsync(l => l.Service != null));
        var failures = new List<string>();
        foreach (var visitor in Visitors)
        {
            // Each role twice: a user of the client's organisation, and a user of another organisation.
            foreach (var organisation in visitor == Anonymous ? organisations.Take(1) : organisations)
            {
                var sameOrganisation = organisation == organisations[0];
                using var client = app.NewClient();
                if (visitor != Anonymous)
                {
                    await client.SignInAsync(await app.CreateUserAsync(visitor, organisationId: organisation));
                }

                foreach (var (pattern, expected) in Matrix)
                {
                    var aboutAClient = pattern.StartsWith("Clients/{id", StringComparison.Ordinal) || pattern.StartsWith("Trajectories/{id", StringComparison.Ordinal)
                        || pattern.StartsWith("Outreach/{id", StringComparison.Ordinal) || pattern.StartsWith("Signals/{id", StringComparison.Ordinal)
                        || pattern.StartsWith("Inbox/{id", StringComparison.Ordinal) || pattern.StartsWith("Intake/{id", StringComparison.Ordinal);
                    var id = pattern.StartsWith("Clients/{id", StringComparison.Ordinal) ? intakeClient
                        : pattern.StartsWith("Trajectories/{id", StringComparison.Ordinal) ? intakeTrajectory
                        : pattern.StartsWith("Outreach/{id", StringComparison.Ordinal) ? round
                        : pattern.StartsWith("Signals/{id", StringComparison.Ordinal) ? signal
                        : pattern.StartsWith("Inbox/{id", StringComparison.Ordinal) ? report
                        : pattern.StartsWith("Intake/{id", StringComparison.Ordinal) ? intakeRequest
                        : pattern.StartsWith("Reporting/Commitments/{id", StringComparison.Ordinal) ? commitment
                        : pattern.StartsWith("Admin/Directory/Services/Create", StringComparison.Ordinal) ? directory.OrganizationId
                        : pattern.StartsWith("Admin/Directory/Services/", StringComparison.Ordinal) ? directory.Service!.Value
                        : pattern.StartsWith("Admin/Directory/Locations/Create", StringComparison.Ordinal) ? directory.OrganizationId
                        : pattern.StartsWith("Admin/Directory/Locations/", StringComparison.Ordinal) ? directory.Location
                        : pattern.StartsWith("Admin/Directory/", StringComparison.Ordinal) ? directory.OrganizationId
                        : pattern.Contains("Organisations", StringComparison.Ordinal) ? organisations[0]
                        : pattern.Contains("LifeDomains", StringComparison.Ordinal) ? domain : someUser;
                    var url = "/" + pattern
                        .Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
                        .Replace("{goalId:guid}", goal.ToString(), StringComparison.Ordinal)
                        .Replace("{entryId:guid}", entry.ToString(), StringComparison.Ordinal)
                        .Replace("{referralId:guid}", referral.ToString(), StringComparison.Ordinal)
                        .Replace("{contactId:guid}", roundContact.ToString(), StringComparison.Ordinal)
                        .Replace("{slug}", "thuiswerken", StringComparison.Ordinal)
                        .Replace("{language}", "nl", StringComparison.Ordinal)
                        .Replace("{token}", "no-such-token", StringComparison.Ordinal)
                        .Replace("{documentName}", "hsds", StringComparison.Ordinal)
                        .Replace("{code:int?}", string.Empty, StringComparison.Ordinal);

                    // Another organisation's client is out of reach for everyone signed in: 404, never 403.
                    var want = !sameOrganisation && aboutAClient ? Outcome.NotFound : expected(visitor);
                    var got = Classify(await client.GetAsync(url));
                    if (got != want)
                    {
                        failures.Add($"{visitor} ({(sameOrganisation ? "same" : "other")} organisation) GET {url}: expected {want}, got {got}");
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    private static Outcome? Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        var path = location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Ok,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.InternalServerError => Outcome.ServerError,
            HttpStatusCode.Unauthorized => Outcome.Unauthorized,
            HttpStatusCode.Redirect when path == "/Account/Login" => Outcome.ToLogin,
            HttpStatusCode.Redirect when path == "/" => Outcome.ToHome,
            _ => null,
        };
    }

    private static List<string> EndpointPatterns(BakenAppFactory app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.Trim('/'))
            .Distinct()];
}
