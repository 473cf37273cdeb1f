using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Baken.Features.Admin;
using Baken.Features.Reporting;
using Baken.Features.Reporting.Commitments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Reporting.Commitments;

/// <summary>Helpers the commitment tests share: unique numbers, commitments made through the service, forms and reads.</summary>
internal static class CommitmentTestSupport
{
    /// <summary>A number no other test uses: letters and digits, stored as typed here (lower-case).</summary>
    public static string NewNumber() => "t" + Guid.NewGuid().ToString("N")[..15];

    /// <summary>A word no other commitment's title holds, so a search finds only what the test made.</summary>
    public static string NewToken() => "Zoekwoord" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<StaffBuilder.CreatedUser> SignInAsPolicyOfficerAsync(this BakenClient client)
    {
        var user = await client.App.CreateUserAsync(Roles.Beleidsmedewerker);
        await client.SignInAsync(user);
        return user;
    }

    /// <summary>Registers a commitment through <see cref="CommitmentRecords"/>, as the new page does, and returns its id.</summary>
    public static async Task<Guid> CreateCommitmentAsync(
        this BakenAppFactory app, string? number = null, string title = "Toezegging uit een test", DateOnly? madeOn = null,
        ReportTableKind? table = null, string? period = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<CommitmentRecords>();
        var officer = await db.Users.Where(u => u.Email == "beleid@baken.example").Select(u => u.Id).SingleAsync();
        var draft = new CommitmentRecords.Draft(
            number ?? NewNumber(), title, madeOn ?? new DateOnly(2024, 3, 14), "Commissie uit een test, 14 maart 2024",
            "Wethouder Testzaken", "Wat er in de test is toegezegd.", table, period);
        var (commitment, refusal) = await records.CreateAsync(draft, officer, TestContext.Current.CancellationToken);
        refusal.ShouldBeNull();
        await db.SaveChangesAsync();
        return commitment!.Id;
    }

    public static Task<CouncilCommitment> CommitmentAsync(this BakenAppFactory app, Guid id) =>
        app.QueryAsync(db => db.Set<CouncilCommitment>().AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task<List<CouncilCommitmentChange>> ChangesAsync(this BakenAppFactory app, Guid id) =>
        app.QueryAsync(db => db.Set<CouncilCommitmentChange>().AsNoTracking().Where(c => c.CommitmentId == id).OrderBy(c => c.AtUtc).ThenBy(c => c.Id).ToListAsync());

    public static Task<int> AuditCountAsync(this BakenAppFactory app, Guid id, string action) =>
        app.QueryAsync(db => db.AuditEvents.CountAsync(a => a.TargetId == id && a.Action == action));

    /// <summary>Every field of the commitment form, valid, with <paramref name="changes"/> on top.</summary>
    public static Dictionary<string, string> Form(string number, string title = "Informatie over het uitstapprogramma", params (string Field, string Value)[] changes)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Number"] = number,
            ["Input.Title"] = title,
            ["Input.MadeOn"] = "2022-12-21",
            ["Input.Meeting"] = "Commissie Zorg, Onderwijs, Cultuur en Sport, 21 december 2022",
            ["Input.PortfolioHolder"] = "Wethouder Zorg, Ouderen en Jeugdzorg",
            ["Input.Description"] = "De commissie krijgt uitleg over\r\nhet uitstapprogramma.",
            ["Input.LinkedTable"] = string.Empty,
            ["Input.LinkedPeriod"] = string.Empty,
        };
        foreach (var (field, value) in changes)
        {
            form["Input." + field] = value;
        }

        return form;
    }

    /// <summary>The id in the address a successful registration redirects to.</summary>
    public static Guid Registered(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a registered commitment leads to its page");
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Reporting/Commitments/");
        return Guid.Parse(location["/Reporting/Commitments/".Length..location.IndexOf('?', StringComparison.Ordinal)]);
    }

    /// <summary>A refused post: the page again, with the error summary (fails when there is none).</summary>
    public static async Task<IHtmlDocument> RefusedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "a refused post shows the page again with the reason");
        var page = await BakenClient.ReadAsync(response);
        page.QuerySelector("#error-summary").ShouldNotBeNull("a refusal is explained in the error summary");
        return page;
    }

    /// <summary>The message shown next to a field (by its generated id, for example <c>Input_Number</c>).</summary>
    public static string FieldError(this IDocument page, string id) => page.QuerySelector($"#{id}-error")?.TextContent.Trim() ?? string.Empty;

    /// <summary>What a text field or text area shows.</summary>
    public static string FieldValue(this IDocument page, string id) => page.QuerySelector($"#{id}") switch
    {
        IHtmlTextAreaElement area => area.Value,
        IHtmlInputElement input => input.Value,
        IHtmlSelectElement select => select.Value ?? string.Empty,
        _ => throw new InvalidOperationException($"No field #{id}"),
    };

    /// <summary>
    /// Submits a form as a browser would with everything it shows filled in (text fields, text areas, selects,
    /// hidden fields), and <paramref name="changes"/> typed over it.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsShownAsync(this BakenClient client, IDocument page, string formSelector, string pageUrl, IDictionary<string, string> changes)
    {
        var form = (IHtmlFormElement?)page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {pageUrl}");
        var values = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            values[name] = element switch
            {
                IHtmlTextAreaElement area => area.Value,
                IHtmlSelectElement select => select.Value ?? string.Empty,
                IHtmlInputElement input => input.Value,
                _ => string.Empty,
            };
        }

        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return client.Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    public static string Text(this IDocument page, string selector) => page.QuerySelector(selector)?.TextContent ?? string.Empty;
}
