using System.Net;
using System.Security.Cryptography;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Clients;

public sealed class CorrectionTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task Going_down_a_level_asks_first_then_erases_the_fields_above_and_updates_search(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var alias = $"Iris{Guid.NewGuid():N}"[..16];
        var (clientId, _) = await app.CreateClientAsync((await app.FindUserAsync(manager.Id)).OrganisationId,
            new ClientIdentity { Alias = alias, LegalName = "Iris Voorbeeld", Phone = "0611112222" }, IdentityLevel.Identified, manager.Id);
        using var client = app.NewClient();
        await client.SignInAsync(manager);
        var edit = $"/Clients/{clientId}/Edit";

        (await client.SubmitAsync($"/Clients/{clientId}/Consents", new Dictionary<string, string>
        {
            ["Input.Purpose"] = "Statistics",
            ["Input.LegalBasis"] = "Consent",
            ["Input.Note"] = "Akkoord gegeven op het spreekuur",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var erasedCiphertext = await app.QueryAsync(db => db.Set<Client>().Where(c => c.Id == clientId).Select(c => c.LegalName).SingleAsync());

        var (_, form) = await client.GetPageAsync(edit);
        form.QuerySelector("#Input_LegalName")!.GetAttribute("value").ShouldBe("Iris Voorbeeld");

        var fields = new Dictionary<string, string> { ["Input.Level"] = "Pseudonymous", ["Input.Alias"] = alias + "x", ["Input.LegalName"] = "Iris Voorbeeld", ["Input.Phone"] = "0611112222" };
        var asked = await client.SubmitAsync(edit, fields);
        asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BakenClient.ReadAsync(asked)).QuerySelector("#confirm-erase").ShouldNotBeNull();
        (await app.QueryAsync(db => db.Set<Client>().Where(c => c.Id == clientId).Select(c => c.Level).SingleAsync())).ShouldBe(IdentityLevel.Identified);

        fields["ConfirmErase"] = "true";
        (await client.SubmitAsync(edit, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.QueryAsync(db => db.Set<Client>().AsNoTracking().SingleAsync(c => c.Id == clientId));
        stored.Level.ShouldBe(IdentityLevel.Pseudonymous);
        stored.LegalName.ShouldBeNull();
        stored.Phone.ShouldBeNull();

        // Crypto-shredded: the client has a new data key, so the erased ciphertext (which may survive in free pages,
        // the WAL or a backup) no longer decrypts, while what remains was re-encrypted and still reads.
        (await app.QueryAsync(db => db.Set<ClientKey>().Where(k => k.ClientId == clientId).Select(k => k.KeyVersion).SingleAsync())).ShouldBe(2);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var crypto = scope.ServiceProvider.GetRequiredService<ClientCrypto>();
            await Should.ThrowAsync<CryptographicException>(() =>
                crypto.DecryptAsync(clientId, Client.Table, nameof(Client.LegalName), clientId, erasedCiphertext));
            (await crypto.DecryptAsync(clientId, Client.Table, nameof(Client.Alias), clientId, stored.Alias)).ShouldBe(alias + "x");
        }

        var (_, consents) = await client.GetPageAsync($"/Clients/{clientId}/Consents");
        consents.QuerySelector("tbody")!.TextContent.ShouldContain("Akkoord gegeven op het spreekuur");

        var byOldAlias = await BakenClient.ReadAsync(await client.SubmitAsync("/Clients", new Dictionary<string, string> { ["q"] = alias }, "form[role=search]"));
        byOldAlias.QuerySelectorAll("tbody tr").Length.ShouldBe(0);
        var byNewAlias = await BakenClient.ReadAsync(await client.SubmitAsync("/Clients", new Dictionary<string, string> { ["q"] = alias + "x" }, "form[role=search]"));
        byNewAlias.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        var audit = await app.QueryAsync(db => db.AuditEvents.SingleAsync(a => a.TargetId == clientId && a.Action == "ClientCorrected"));
        audit.Details!.ShouldContain("LegalName");
        audit.Details!.ShouldNotContain("Iris");
    }
}
