using System.Collections.Concurrent;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Baken.Features.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Baken.Tests.Features.Contact;

/// <summary>
/// Apps for the anonymous channel's tests, one per database: no demo data, rate limits out of the way (the
/// channel limits posts per address, and every request of a test server comes from the same one), and every
/// request arriving from <see cref="RemoteAddress"/>, so tests can prove that address is kept nowhere.
/// </summary>
public sealed class ContactApps : IAsyncDisposable
{
    public const string RemoteAddress = "198.51.100.213";

    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<ContactApp>>> _apps = new();

    public Task<ContactApp> ForAsync(DatabaseProvider provider) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<ContactApp>>(() => StartAsync(p))).Value;

    public static BakenAppFactory Create(DatabaseProvider provider, string remoteAddress, IReadOnlyDictionary<string, string?> settings,
        Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null) =>
        new(provider, demo: false, settings: settings, time: time,
            services: services => services.AddSingleton<IStartupFilter>(new FixedRemoteAddress(IPAddress.Parse(remoteAddress))));

    private static async Task<ContactApp> StartAsync(DatabaseProvider provider)
    {
        var app = Create(provider, RemoteAddress, new Dictionary<string, string?>
        {
            ["Baken:AnonymousChannel:SendsPerHour"] = "10000",
            ["Baken:AnonymousChannel:OpensPer15Minutes"] = "10000",

            // Everything the framework has to say, so the log checks see what a debugging operator would.
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
        });
        app.StartServer();

        // The first user brings the first organisation, which answers the channel (a care provider).
        var worker = await app.CreateUserAsync(Roles.Veldwerker);
        var organisation = (await app.FindUserAsync(worker.Id)).OrganisationId;
        return new ContactApp(app, worker, organisation);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
        {
            await (await app.Value).App.DisposeAsync();
        }
    }

    private sealed class FixedRemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(builder);
        };
    }
}

/// <param name="Worker">A Veldwerker of the receiving organisation.</param>
public sealed record ContactApp(BakenAppFactory App, StaffBuilder.CreatedUser Worker, Guid OrganisationId);

public static class ContactSteps
{
    /// <summary>Sends a report through the public form; returns the response and the page it rendered.</summary>
    /// <remarks><paramref name="language"/> puts the visitor's language in front of the address (e.g. /en/Contact).</remarks>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SendReportAsync(this BakenClient client, string message, string kind = "Question", string? language = null)
    {
        var response = await client.SubmitAsync(language is null ? "/Contact" : $"/{language}/Contact", new Dictionary<string, string> { ["Kind"] = kind, ["Message"] = message }, "#contact-form");
        return (response, await BakenClient.ReadAsync(response));
    }

    /// <summary>Sends a report and returns its receipt code, as shown once on the response.</summary>
    public static async Task<string> ReportAsync(this BakenClient client, string message, string kind = "Question", string? language = null)
    {
        var (response, page) = await client.SendReportAsync(message, kind, language);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return page.QuerySelector("#receipt-code")?.TextContent.Trim() ?? throw new ShouldAssertException("no receipt code on the response");
    }

    /// <summary>
    /// Posts the code; a right code starts the reporter's session and redirects to the conversation (a GET), which
    /// this follows, as a browser would. A wrong code answers on the post itself.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> OpenAsync(this BakenClient client, string code)
    {
        // A fresh visit: an earlier session of this client ends first, as with the quick exit.
        var (_, current) = await client.GetPageAsync("/Contact/Open");
        if (current.QuerySelector("#open-form") is null)
        {
            (await client.GetAsync("/Contact/Leave")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var response = await client.SubmitAsync("/Contact/Open", new Dictionary<string, string> { ["Code"] = code }, "#open-form");
        return await FollowAsync(client, response);
    }

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> ReplyAsync(this BakenClient client, IHtmlDocument thread, string message)
    {
        var form = (IHtmlFormElement)thread.QuerySelector("#reply-form")!;
        var response = await client.SubmitAsync(form, "/Contact/Open", new Dictionary<string, string> { ["Message"] = message });
        return await FollowAsync(client, response);
    }

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> FollowAsync(BakenClient client, HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return (response, await BakenClient.ReadAsync(response));
        }

        var location = response.Headers.Location!;
        location.OriginalString.ShouldMatch("^(/[a-z]{2})?/Contact/Open", "the conversation is shown on a GET of the same page");
        return await client.GetPageAsync(location.OriginalString);
    }
}

/// <summary>What the database holds, as bytes: to prove a value is stored nowhere, encrypted columns included.</summary>
public static class StoredData
{
    public static async Task<byte[]> AllAsync(BakenAppFactory app) =>
        app.Provider == DatabaseProvider.Sqlite ? SqliteBytes(app) : await PostgresBytesAsync(app);

    /// <summary>Fails when <paramref name="value"/> (as typed, upper or lower case) is anywhere in <paramref name="stored"/>.</summary>
    public static void ShouldNotHold(this byte[] stored, string value, string what)
    {
        foreach (var form in new[] { value, value.ToUpperInvariant(), value.ToLowerInvariant() }.Distinct())
        {
            stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)).ShouldBe(-1, $"{what} is stored in the database");
        }
    }

    private static byte[] SqliteBytes(BakenAppFactory app)
    {
        SqliteConnection.ClearAllPools();
        return [.. Directory.EnumerateFiles(app.Database.DataDirectory, "baken.db*").SelectMany(File.ReadAllBytes)];
    }

    /// <summary>Every text and bytea value in every table of the test database.</summary>
    private static async Task<byte[]> PostgresBytesAsync(BakenAppFactory app)
    {
        var all = new List<byte>();
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'bytea', 'character varying')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (table, column, type) in columns)
        {
            var value = type == "bytea" ? $"\"{column}\"" : $"convert_to(\"{column}\", 'UTF8')";
            await using var select = new NpgsqlCommand($"SELECT {value} FROM \"{table}\" WHERE \"{column}\" IS NOT NULL", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                all.AddRange((byte[])reader[0]);
            }
        }

        all.Count.ShouldBeGreaterThan(0);
        return [.. all];
    }
}
