using System.Net;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Clients;

public sealed class RestrictionTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task A_restricted_file_is_read_only_for_the_case_manager_hidden_from_others_and_never_shared(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).FirstAsync());
        var manager = await app.CreateUserAsync(Roles.Casemanager, organisationId: organisation);
        var coach = await app.CreateUserAsync(Roles.Jobcoach, organisationId: organisation);
        var (clientId, _) = await app.CreateClientAsync(organisation, teamMember: manager.Id);
        await app.QueryAsync(async db =>
        {
            db.Add(new ClientTeamMember { ClientId = clientId, UserId = coach.Id, FromUtc = DateTime.UtcNow.AddMinutes(-1) });
            db.Add(new Consent { ClientId = clientId, Purpose = ConsentPurpose.Referral, LegalBasis = LegalBasis.Consent, GivenAtUtc = DateTime.UtcNow, RecordedByUserId = manager.Id });
            return await db.SaveChangesAsync();
        });

        using var managerClient = app.NewClient();
        await managerClient.SignInAsync(manager);
        using var coachClient = app.NewClient();
        await coachClient.SignInAsync(coach);
        (await coachClient.GetAsync($"/Clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await managerClient.SubmitAsync($"/Clients/{clientId}/Restrict", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await coachClient.GetAsync($"/Clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "only the case manager reads a restricted file");
        var (fileResponse, file) = await managerClient.GetPageAsync($"/Clients/{clientId}");
        fileResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.QuerySelector("main")!.TextContent.ShouldContain("beperkt");
        var change = await managerClient.SubmitAsync($"/Clients/{clientId}/Edit", new Dictionary<string, string> { ["Input.Level"] = "Pseudonymous", ["Input.Alias"] = "Nieuw" });
        change.StatusCode.ShouldBe(HttpStatusCode.OK);
        BakenClient.TextOf(await BakenClient.ReadAsync(change), "#error-summary").ShouldContain("beperkt");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var decision = await scope.ServiceProvider.GetRequiredService<ConsentCheck>().CheckAsync(clientId, ConsentPurpose.Referral, null, CancellationToken.None);
            decision.ReasonKey.ShouldBe("Consent_RefusedRestricted");
        }

        (await managerClient.SubmitAsync($"/Clients/{clientId}/Restrict", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coachClient.GetAsync($"/Clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.OK, "lifted");
        var actions = await app.QueryAsync(db => db.ProcessingLog.Where(e => e.SubjectId == clientId).Select(e => e.Action).ToListAsync());
        actions.ShouldContain("ClientRestricted");
        actions.ShouldContain("ClientRestrictionLifted");
    }
}
