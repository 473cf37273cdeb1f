using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Baken.Features.Demo;

namespace Baken.Tests.Infrastructure;

/// <summary>
/// A browser-like client for integration tests: keeps cookies, reads pages with AngleSharp and submits forms
/// the way a user would, hidden fields and antiforgery token included. Redirects are not followed
/// automatically, so tests can assert where they lead.
/// </summary>
public sealed class BakenClient(HttpClient http, BakenAppFactory app) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public BakenAppFactory App => app;

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Opens <paramref name="pageUrl"/>, fills the form (the first one inside main unless a selector is given) and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, IDictionary<string, string> fields, string? formSelector = null)
    {
        var (response, document) = await GetPageAsync(pageUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {pageUrl} before submitting");
        var form = (IHtmlFormElement?)document.QuerySelector(formSelector ?? "main form[method=post]")
            ?? throw new InvalidOperationException($"No form on {pageUrl}");
        return await SubmitAsync(form, pageUrl, fields);
    }

    public Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, string pageUrl, IDictionary<string, string> fields)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            if (!fields.ContainsKey(input.Name ?? string.Empty))
            {
                values.Add(new(input.Name!, input.Value));
            }
        }

        values.AddRange(fields);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>Signs in with password and TOTP code, as the demo accounts do; fails the test if any step does not.</summary>
    public async Task SignInAsync(string email, string password = DemoSeeder.Password, string secret = DemoSeeder.TotpSecret)
    {
        var login = await SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"password step for {email}");
        login.Headers.Location!.OriginalString.ShouldStartWith("/Account/LoginWith2fa");
        var code = await SubmitAsync(login.Headers.Location.OriginalString, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(secret) });
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"code step for {email}");
        code.Headers.Location!.OriginalString.ShouldBe("/");
    }

    public static string TextOf(IDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? string.Empty;

    public void Dispose() => http.Dispose();
}
