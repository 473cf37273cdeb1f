using System.Net;
using System.Text;
using Baken.Features.Admin;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Baken.Tests.Features.Clients;

/// <summary>A client registered with a canary in every personal field and free text leaves the canary nowhere but in ciphertext.</summary>
public sealed class ClientCanaryTests
{
    [Theory]
    [Databases]
    public async Task Every_personal_field_is_stored_encrypted_and_never_logged(DatabaseProvider provider)
    {
        await using var app = new BakenAppFactory(provider, demo: false);
        app.StartServer();
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        using var client = app.NewClient();
        await client.SignInAsync(manager);

        var canary = $"kanarie{Guid.NewGuid():N}";
        var form = new Dictionary<string, string>
        {
            ["Input.Level"] = "Identified",
            ["Input.Alias"] = canary + "alias",
            ["Input.LegalName"] = canary + "naam",
            ["Input.DateOfBirth"] = "1990-05-31",
            ["Input.Bsn"] = "111222333",
            ["Input.Nationality"] = canary + "nat",
            ["Input.Address"] = canary + "adres",
            ["Input.Phone"] = "+31 6 1234 5678",
            ["Input.Email"] = canary + "@example.org",
            ["Input.Languages"] = canary + "taal",
            ["Input.GenderIdentity"] = canary + "gender",
        };
        var created = await client.SubmitAsync("/Clients/Create", form);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, file) = await client.GetPageAsync(created.Headers.Location!.OriginalString);
        file.QuerySelector("main")!.TextContent.ShouldContain(canary + "adres", customMessage: "the file shows the decrypted data");

        // Free text of the client file: a consent note and a reason to keep the file longer.
        var clientUrl = created.Headers.Location!.OriginalString.Split('?')[0];
        (await client.SubmitAsync(clientUrl + "/Consents", new Dictionary<string, string>
        {
            ["Input.Purpose"] = "Contact",
            ["Input.Channel"] = "phone",
            ["Input.LegalBasis"] = "Consent",
            ["Input.Note"] = canary + "notitie",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SubmitAsync(clientUrl + "/KeepLonger", new Dictionary<string, string>
        {
            ["Input.Until"] = DateTime.UtcNow.AddMonths(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Reason"] = canary + "bewaarreden",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, consents) = await client.GetPageAsync(clientUrl + "/Consents");
        consents.QuerySelector("main")!.TextContent.ShouldContain(canary + "notitie");

        app.Logs.All.ShouldNotContain(canary);
        app.Logs.All.ShouldNotContain("111222333");
        var stored = provider == DatabaseProvider.Sqlite ? SqliteBytes(app) : await PostgresTextAsync(app);
        stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)).ShouldBe(-1);
        stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes("111222333")).ShouldBe(-1);
    }

    private static byte[] SqliteBytes(BakenAppFactory app)
    {
        SqliteConnection.ClearAllPools();
        return [.. Directory.EnumerateFiles(app.Database.DataDirectory, "baken.db*").SelectMany(File.ReadAllBytes)];
    }

    /// <summary>Every text and bytea value in every table of the test database.</summary>
    private static async Task<byte[]> PostgresTextAsync(BakenAppFactory app)
    {
        var all = new List<byte>();
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'bytea', 'character varying')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in columns)
        {
            await using var select = new NpgsqlCommand($"SELECT \"{column}\"::bytea FROM \"{table}\" WHERE \"{column}\" IS NOT NULL", connection);
            try
            {
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    all.AddRange((byte[])reader[0]);
                }
            }
            catch (PostgresException)
            {
                await using var text = new NpgsqlCommand($"SELECT convert_to(\"{column}\"::text, 'UTF8') FROM \"{table}\" WHERE \"{column}\" IS NOT NULL", connection);
                await using var reader = await text.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    all.AddRange((byte[])reader[0]);
                }
            }
        }

        all.Count.ShouldBeGreaterThan(0);
        return [.. all];
    }
}
