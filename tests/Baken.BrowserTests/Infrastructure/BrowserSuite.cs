[assembly: AssemblyFixture(typeof(Baken.BrowserTests.Infrastructure.BrowserSuite))]

namespace Baken.BrowserTests.Infrastructure;

/// <summary>
/// One app and one headless Chromium for the whole assembly, started on first use (a skipped suite starts neither).
/// Every test gets a fresh browser context: its own cookies, language and requests.
/// </summary>
public sealed class BrowserSuite : IAsyncDisposable
{
    private const float DefaultTimeoutMs = 15_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private BrowserApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _origin;

    /// <summary>
    /// Runs <paramref name="scenario"/> on a new page in a new context, then asserts that nothing was fetched from
    /// another origin than the app. A failing scenario leaves a screenshot in the output folder.
    /// </summary>
    /// <param name="scenario">What the test does on the page.</param>
    /// <param name="viaLocalhost">
    /// Browse to <c>localhost</c> instead of <c>127.0.0.1</c> (same server): WebAuthn accepts a host name as relying
    /// party, never an IP address.
    /// </param>
    /// <param name="leavesTo">
    /// A site the scenario deliberately navigates to (the quick exit): allowed in the request check. The test must
    /// answer it with a route, since these machines have no network.
    /// </param>
    public async Task RunAsync(Func<IPage, Task> scenario, bool viaLocalhost = false, Uri? leavesTo = null)
    {
        var (browser, origin) = await StartAsync();
        if (viaLocalhost)
        {
            origin = new UriBuilder(origin) { Host = "localhost" }.Uri;
        }

        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = origin.ToString(),
            Locale = "nl-NL",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(DefaultTimeoutMs);
        var requests = new RequestLog(origin);
        context.Request += (_, request) => requests.Add(request.Url);

        var page = await context.NewPageAsync();
        try
        {
            await scenario(page);
        }
        catch
        {
            await Screenshots.SaveFailureAsync(page);
            throw;
        }

        requests.ShouldAllBeFromTheApp(leavesTo);
    }

    private async Task<(IBrowser Browser, Uri Origin)> StartAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_browser is null || _origin is null)
            {
                if (!Chromium.IsInstalled)
                {
                    throw new InvalidOperationException(
                        $"{Chromium.NotFound}. The browser suite fails instead of skipping because CI=true: install Chromium on the runner.");
                }

                SetDefaultExpectTimeout(DefaultTimeoutMs);
                Screenshots.DeleteOldFailures();
                _app ??= new BrowserApp();
                _origin = _app.Start();
                _playwright ??= await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new()
                {
                    ExecutablePath = Chromium.ExecutablePath,
                    Headless = true,
                    Args = Chromium.Args,
                });
            }

            return (_browser, _origin);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _gate.Dispose();
    }
}
