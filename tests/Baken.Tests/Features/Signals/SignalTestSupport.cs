using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Baken.Features.Admin;
using Baken.Features.Signals;
using Baken.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Signals;

/// <summary>Helpers the signal tests share: an organisation of their own, forms with repeated fields, raw table bytes.</summary>
internal static class SignalTestSupport
{
    public const string Token = "__RequestVerificationToken";

    /// <summary>
    /// A care provider of its own, so a queue shows only what the test put in it. Named to sort after the demo
    /// organisations, which other tests pick by name.
    /// </summary>
    public static Task<Guid> NewOrganisationAsync(this BakenAppFactory app, OrganisationKind kind = OrganisationKind.CareProvider) =>
        app.QueryAsync(async db =>
        {
            var organisation = new Organisation { Name = $"Zz signalen {Guid.NewGuid():N}", Kind = kind };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    /// <summary>Signs this client in as a new user of <paramref name="role"/> in <paramref name="organisation"/>.</summary>
    public static async Task<StaffBuilder.CreatedUser> SignInAsNewAsync(this BakenClient client, string role, Guid organisation)
    {
        var user = await client.App.CreateUserAsync(role, organisationId: organisation);
        await client.SignInAsync(user);
        return user;
    }

    public static Task<Signal> SignalAsync(this BakenAppFactory app, Guid id) =>
        app.QueryAsync(db => db.Set<Signal>().AsNoTracking().SingleAsync(s => s.Id == id));

    public static Task<List<SignalEvent>> EventsAsync(this BakenAppFactory app, Guid id) =>
        app.QueryAsync(db => db.Set<SignalEvent>().AsNoTracking().Where(e => e.SignalId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync());

    public static Task<List<SignalHandover>> HandoversAsync(this BakenAppFactory app, Guid id) =>
        app.QueryAsync(db => db.Set<SignalHandover>().AsNoTracking().Where(h => h.SignalId == id).OrderBy(h => h.RequestedAtUtc).ToListAsync());

    public static Task<int> LogCountAsync(this BakenAppFactory app, Guid subject, string action) =>
        app.QueryAsync(db => db.ProcessingLog.CountAsync(e => e.SubjectId == subject && e.Action == action));

    /// <summary>Decrypts a value with the signal's own data key, as the application does.</summary>
    public static async Task<string?> DecryptAsync(this BakenAppFactory app, Guid signalId, string table, string column, Guid rowId, byte[]? ciphertext)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClientCrypto>().DecryptAsync(signalId, table, column, rowId, ciphertext);
    }

    /// <summary>Every value of every row of <paramref name="table"/>, as the database hands it out (bytes as they are stored).</summary>
    public static async Task<byte[]> TableBytesAsync(this BakenAppFactory app, string table)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        var all = new List<byte>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                all.AddRange(reader.GetValue(i) switch
                {
                    byte[] bytes => bytes,
                    DBNull => [],
                    var value => Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
                });
            }
        }

        all.Count.ShouldBeGreaterThan(0, $"{table} holds rows");
        return [.. all];
    }

    public static bool Holds(this byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>The signal a "raised" redirect leads to (<c>/Signals/{id}?raised=true</c>).</summary>
    public static Guid RaisedSignal(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a signal that is stored redirects to its page");
        var location = response.Headers.Location!.OriginalString;
        location.ShouldEndWith("?raised=true");
        return Guid.Parse(location["/Signals/".Length..location.IndexOf('?', StringComparison.Ordinal)]);
    }

    /// <summary>
    /// Submits the form found by <paramref name="formSelector"/> on <paramref name="pageUrl"/> with fields that may repeat
    /// (checkbox groups); hidden fields of the form are sent unless a field of the same name is given.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitManyAsync(this BakenClient client, string pageUrl, string formSelector, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (response, document) = await client.GetPageAsync(pageUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {pageUrl} before submitting");
        var form = (IHtmlFormElement?)document.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {pageUrl}");
        var given = fields.ToList();
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => given.All(g => g.Key != i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(given)
            .ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await client.Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Posts to a handler the page does not offer this user (a forged or replayed request), with a valid antiforgery
    /// token taken from <paramref name="tokenPage"/>: the server must refuse it on its own.
    /// </summary>
    public static async Task<HttpResponseMessage> PostDirectAsync(this BakenClient client, string tokenPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (response, document) = await client.GetPageAsync(tokenPage);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {tokenPage} for a token");
        var token = document.QuerySelector($"input[name={Token}]")?.GetAttribute("value") ?? throw new InvalidOperationException($"No token on {tokenPage}");
        return await client.Http.PostAsync(new Uri(action, UriKind.Relative),
            new FormUrlEncodedContent([.. fields, new KeyValuePair<string, string>(Token, token)]));
    }

    /// <summary>The refusal a page shows after a post: the error summary's text (fails when there is none).</summary>
    public static async Task<(IHtmlDocument Page, string Errors)> RefusedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "a refused post shows the page again with the reason");
        var page = await BakenClient.ReadAsync(response);
        var summary = page.QuerySelector("#error-summary");
        summary.ShouldNotBeNull("a refusal is explained in the error summary");
        return (page, summary.TextContent);
    }

    public static string Text(this IDocument document, string selector) => document.QuerySelector(selector)?.TextContent ?? string.Empty;

    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}
