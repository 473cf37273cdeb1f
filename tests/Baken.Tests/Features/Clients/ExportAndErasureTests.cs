using System.Net;
using System.Text;
using System.Text.Json;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Infrastructure;
using Baken.Infrastructure.Crypto;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Clients;

public sealed class ExportAndErasureTests
{
    [Theory]
    [Databases]
    public async Task Export_shows_everything_then_erasure_leaves_no_trace_but_the_pseudonymous_log(DatabaseProvider provider)
    {
        await using var app = new BakenAppFactory(provider, demo: false);
        app.StartServer();
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        using var client = app.NewClient();
        await client.SignInAsync(manager);

        var canary = $"kanarie{Guid.NewGuid():N}";
        var created = await client.SubmitAsync("/Clients/Create", new Dictionary<string, string>
        {
            ["Input.Level"] = "Identified",
            ["Input.Alias"] = canary + "alias",
            ["Input.LegalName"] = canary + "naam",
            ["Input.Email"] = canary + "@example.org",
        });
        var fileUrl = created.Headers.Location!.OriginalString;
        var clientId = Guid.Parse(fileUrl.Split('/', '?')[2]);
        var code = await app.QueryAsync(db => db.Set<Client>().Where(c => c.Id == clientId).Select(c => c.Code).SingleAsync());
        var organisation = await app.QueryAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        await client.SubmitAsync($"/Clients/{clientId}/Consents", new Dictionary<string, string>
        {
            ["Input.Purpose"] = "Referral",
            ["Input.RecipientOrganisationId"] = organisation.ToString(),
            ["Input.LegalBasis"] = "Consent",
            ["Input.Note"] = canary + "notitie",
        });

        var (exportResponse, export) = await client.GetPageAsync($"/Clients/{clientId}/Export");
        exportResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = export.QuerySelector("main")!.TextContent;
        text.ShouldContain(canary + "naam");
        text.ShouldContain(canary + "notitie");
        text.ShouldContain("Toestemming vastgelegd");
        text.ShouldNotContain(manager.Email, Case.Insensitive);
        var json = await client.GetAsync($"/Clients/{clientId}/Export?handler=Json");
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using (var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync()))
        {
            document.RootElement.GetProperty("code").GetString().ShouldBe(code);
            document.RootElement.GetProperty("identity").GetProperty("legalName").GetString().ShouldBe(canary + "naam");
            document.RootElement.GetProperty("processing").GetArrayLength().ShouldBeGreaterThan(2);
        }

        var indexHashes = await app.QueryAsync(db => db.Set<BlindIndexEntry>().Where(e => e.ClientId == clientId).Select(e => e.Hash).ToListAsync());
        indexHashes.Count.ShouldBe(3, "alias, name and e-mail are searchable");
        var wrappedKey = await app.QueryAsync(db => db.Set<ClientKey>().Where(k => k.ClientId == clientId).Select(k => k.WrappedKey).SingleAsync());

        var wrongCode = await client.SubmitAsync($"/Clients/{clientId}/Erase", new Dictionary<string, string> { ["ConfirmCode"] = "BK-AAAA-AA" });
        wrongCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Set<Client>().AnyAsync(c => c.Id == clientId))).ShouldBeTrue();

        var erased = await client.SubmitAsync($"/Clients/{clientId}/Erase", new Dictionary<string, string> { ["ConfirmCode"] = code.ToLowerInvariant() });
        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(fileUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.QueryAsync(db => db.Set<ClientKey>().AnyAsync(k => k.ClientId == clientId))).ShouldBeFalse("the wrapped key is gone");
        (await app.QueryAsync(db => db.Set<BlindIndexEntry>().AnyAsync(e => e.ClientId == clientId))).ShouldBeFalse();
        (await app.QueryAsync(db => db.Set<Consent>().AnyAsync(c => c.ClientId == clientId))).ShouldBeFalse();
        (await app.QueryAsync(db => db.ProcessingLog.AnyAsync(e => e.SubjectId == clientId && e.Action == "ClientErased"))).ShouldBeTrue();
        using var output = new StringWriter();
        (await BakenCommands.VerifyLogAsync(app.Services, output)).ShouldBe(0, output.ToString());

        if (provider == DatabaseProvider.Sqlite)
        {
            await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
            await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("VACUUM;"));
            SqliteConnection.ClearAllPools();
            var bytes = Directory.EnumerateFiles(app.Database.DataDirectory, "baken.db*").SelectMany(File.ReadAllBytes).ToArray();
            bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)).ShouldBe(-1);
            foreach (var hash in indexHashes)
            {
                bytes.AsSpan().IndexOf(hash).ShouldBe(-1, "blind-index values are gone too");
            }

            bytes.AsSpan().IndexOf(wrappedKey).ShouldBe(-1, "and so is the wrapped key");
        }
        else
        {
            await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("VACUUM FULL;"));
        }

        app.Logs.All.ShouldNotContain(canary);
    }
}
