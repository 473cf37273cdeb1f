using System.Net;
using Baken.Features.Demo;

namespace Baken.Bench.Load;

/// <summary>
/// One person's browser: its own connection and cookie jar, redirects not followed (a redirect is an answer the
/// harness checks, such as the sign-in page instead of the caseload).
/// </summary>
public sealed class BrowserSession(Uri address) : IDisposable
{
    public HttpClient Http { get; } = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        UseCookies = true,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<(HttpStatusCode Status, string Body, string? Location)> SendAsync(HttpMethod method, string url, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        using var response = await Http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, body, response.Headers.Location?.OriginalString);
    }

    /// <summary>A page that must answer 200 (set-up steps, not measured).</summary>
    public async Task<string> PageAsync(string url, CancellationToken cancellationToken)
    {
        var (status, body, location) = await SendAsync(HttpMethod.Get, url, null, cancellationToken);
        return status == HttpStatusCode.OK ? body : throw new InvalidOperationException($"GET {url} answered {(int)status} {location}.");
    }

    /// <summary>Posts a form and expects a redirect; returns where to.</summary>
    public async Task<string> PostExpectingRedirectAsync(HtmlForm form, CancellationToken cancellationToken, params (string Name, string Value)[] fields)
    {
        var (status, _, location) = await SendAsync(HttpMethod.Post, form.Action, form.Content(fields), cancellationToken);
        return status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && location is not null
            ? location
            : throw new InvalidOperationException($"POST {form.Action} answered {(int)status}, not a redirect.");
    }

    /// <summary>Signs in as a person does: e-mail and password, then the code of the authenticator app.</summary>
    public async Task SignInAsync(string email, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var login = HtmlForms.FirstPostForm(await PageAsync("/Account/Login", cancellationToken), "/Account/Login");
            var second = await PostExpectingRedirectAsync(login, cancellationToken, ("Input.Email", email), ("Input.Password", DemoSeeder.Password));
            if (!second.StartsWith("/Account/LoginWith2fa", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Signing in as {email} led to {second}, not the code step.");
            }

            var codeForm = HtmlForms.FirstPostForm(await PageAsync(second, cancellationToken), second);
            var (status, _, location) = await SendAsync(HttpMethod.Post, codeForm.Action, codeForm.Content(("Input.Code", Baken.Testing.Totp.Code(DemoSeeder.TotpSecret))), cancellationToken);
            if (status == HttpStatusCode.Redirect && location == "/")
            {
                return;
            }

            // A code computed at the very end of its 30-second step can be a step late; the next one will do.
            if (attempt == 3)
            {
                throw new InvalidOperationException($"The code step for {email} answered {(int)status} {location}.");
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    public void Dispose() => Http.Dispose();
}
