using System.Collections.Concurrent;

namespace Baken.BrowserTests.Infrastructure;

/// <summary>
/// Every URL a browser context requested. Baken fetches nothing from a third party: no fonts, scripts, images or
/// analytics from anywhere but its own origin (inline <c>data:</c> images never leave the page).
/// </summary>
public sealed class RequestLog(Uri origin)
{
    private readonly ConcurrentQueue<string> _urls = new();

    public void Add(string url) => _urls.Enqueue(url);

    public void ShouldAllBeFromTheApp(Uri? leftTo = null)
    {
        _urls.ShouldNotBeEmpty("the browser should have requested at least one page");
        var elsewhere = _urls.Where(url => !IsFromTheApp(url) && !(leftTo is not null && IsFrom(url, leftTo))).Distinct().ToList();
        elsewhere.ShouldBeEmpty($"requests to another origin than {origin}:\n{string.Join('\n', elsewhere)}");
    }

    private bool IsFromTheApp(string url) => new Uri(url).Scheme == "data" || IsFrom(url, origin);

    private static bool IsFrom(string url, Uri site) =>
        Uri.Compare(new Uri(url), site, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
