using System.Diagnostics;
using System.Net;

namespace Baken.Bench.Load;

/// <summary>
/// One virtual user of the closed loop: the next request goes out when the previous one has answered. It works as
/// a case manager (caseload, trajectory, journal, search, the caseload baseline), as an outreach worker (the tally
/// post, in a round it started) and as a team lead (the organisation's list and its baseline), each with its own
/// signed-in browser, and visits the public portal anonymously: one request in flight per user whatever the page,
/// so sixteen users are sixteen requests at a time.
/// </summary>
public sealed class VirtualUser(int number, Uri address, BenchAccounts accounts, IReadOnlyList<LoadPage> pages) : IDisposable
{
    private readonly List<BrowserSession> _sessions = [];
    private BrowserSession? _caseManager;
    private BrowserSession? _outreach;
    private BrowserSession? _teamLead;
    private BrowserSession? _anonymous;
    private IReadOnlyList<Guid> _trajectories = [];
    private IReadOnlyList<string> _searchTerms = [];
    private HtmlForm? _searchForm;
    private HtmlForm? _tallyForm;
    private int _step;
    private int _trajectory;
    private int _search;

    public string CaseManager => accounts.CaseManagers[number % accounts.CaseManagers.Count];

    /// <summary>Signs in the people this user needs for the chosen pages and reads what the mix needs (ids, a search form, a round).</summary>
    public async Task SetUpAsync(CancellationToken cancellationToken)
    {
        // Users start at different places in the mix, so they do not all ask for the same page at once.
        _step = number * 2 % Math.Max(1, pages.Count);
        if (pages.Any(p => p.Group is "caseload" or "trajectory" or "search" || p.Name == "baseline-caseload"))
        {
            _caseManager = await SignedInAsync(CaseManager, cancellationToken);
            var caseload = await _caseManager.PageAsync("/Caseload", cancellationToken);
            _trajectories = HtmlForms.TrajectoryIds(caseload);
            var clients = HtmlForms.CaseloadClients(caseload);
            _searchTerms = [.. clients.Select(c => c.Alias ?? c.Code)];
            if (_trajectories.Count == 0 || _searchTerms.Count == 0)
            {
                throw new InvalidOperationException($"The caseload of {CaseManager} shows no trajectories to visit.");
            }

            _searchForm = HtmlForms.FirstPostForm(await _caseManager.PageAsync("/Clients", cancellationToken), "/Clients");
            if (pages.Any(p => p.Name == "baseline-caseload"))
            {
                await SameRowsAsync(_caseManager, "/Caseload", caseload, "/bench/baseline/caseload", cancellationToken);
            }
        }

        if (pages.Any(p => p.Group == "tally"))
        {
            if (accounts.OutreachWorkers.Count == 0)
            {
                throw new InvalidOperationException("The dataset has no outreach workers for the tally.");
            }

            _outreach = await SignedInAsync(accounts.OutreachWorkers[number % accounts.OutreachWorkers.Count], cancellationToken);
            var start = HtmlForms.FirstPostForm(await _outreach.PageAsync("/Outreach", cancellationToken), "/Outreach");
            var location = HtmlForms.OptionValues(start.Inner) is [var first, ..] ? first
                : throw new InvalidOperationException("The outreach page offers no location to start a round.");
            var round = await _outreach.PostExpectingRedirectAsync(start, cancellationToken, ("LocationId", location));
            _tallyForm = HtmlForms.PostForms(await _outreach.PageAsync(round, cancellationToken), round)
                .FirstOrDefault(f => f.Action.Contains("handler=Add", StringComparison.Ordinal) && f.Action.Contains("isNew=true", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"The round {round} has no tally button.");
        }

        if (pages.Any(p => p.Name is "trajectory-list" or "baseline-trajectories"))
        {
            if (accounts.TeamLeads.Count == 0)
            {
                throw new InvalidOperationException("The dataset has no team leads for the trajectory list.");
            }

            _teamLead = await SignedInAsync(accounts.TeamLeads[number % accounts.TeamLeads.Count], cancellationToken);
            if (pages.Any(p => p.Name == "baseline-trajectories"))
            {
                await SameRowsAsync(_teamLead, "/Caseload", await _teamLead.PageAsync("/Caseload", cancellationToken), "/bench/baseline/trajectories", cancellationToken);
            }
        }

        _anonymous = new BrowserSession(address);
        _sessions.Add(_anonymous);
    }

    /// <summary>
    /// Walks the mix (or only <paramref name="only"/>) until <paramref name="until"/>, one request at a time. A mix
    /// phase also finishes the round it is in: every page of the mix is asked at least once, so a short phase on a
    /// slow or busy machine cannot report a page with no samples.
    /// </summary>
    public async Task RunAsync(Recorder recorder, long until, string? only, CancellationToken cancellationToken)
    {
        var minimum = only is null ? pages.Count : 1;
        for (var done = 0; (Stopwatch.GetTimestamp() < until || done < minimum) && !cancellationToken.IsCancellationRequested; done++)
        {
            await RequestAsync(recorder, only ?? NextPage(), cancellationToken);
        }
    }

    private string NextPage()
    {
        var index = _step++ % pages.Count;

        // Every other round a page and its baseline swap places, so neither always goes first.
        var round = (_step - 1) / pages.Count;
        if (round % 2 == 1)
        {
            if (index + 1 < pages.Count && pages[index + 1].BaselineOf == pages[index].Name)
            {
                index++;
            }
            else if (pages[index].BaselineOf is { } of && index > 0 && pages[index - 1].Name == of)
            {
                index--;
            }
        }

        return pages[index].Name;
    }

    private Task RequestAsync(Recorder recorder, string page, CancellationToken cancellationToken) => page switch
    {
        "caseload" => MeasureAsync(recorder, page, _caseManager!, HttpMethod.Get, "/Caseload", null, HttpStatusCode.OK, cancellationToken),
        "baseline-caseload" => MeasureAsync(recorder, page, _caseManager!, HttpMethod.Get, "/bench/baseline/caseload", null, HttpStatusCode.OK, cancellationToken),
        "trajectory" => MeasureAsync(recorder, page, _caseManager!, HttpMethod.Get, $"/Trajectories/{NextTrajectory()}", null, HttpStatusCode.OK, cancellationToken),
        "journal" => MeasureAsync(recorder, page, _caseManager!, HttpMethod.Get, $"/Trajectories/{NextTrajectory()}/Journal", null, HttpStatusCode.OK, cancellationToken),
        "search" => MeasureAsync(recorder, page, _caseManager!, HttpMethod.Post, _searchForm!.Action, _searchForm.Content(("q", _searchTerms[_search++ % _searchTerms.Count])), HttpStatusCode.OK, cancellationToken),
        "tally" => MeasureAsync(recorder, page, _outreach!, HttpMethod.Post, _tallyForm!.Action, _tallyForm.Content(), HttpStatusCode.Redirect, cancellationToken),
        "portal" => MeasureAsync(recorder, page, _anonymous!, HttpMethod.Get, "/Portal", null, HttpStatusCode.OK, cancellationToken),
        "portal-rules" => MeasureAsync(recorder, page, _anonymous!, HttpMethod.Get, "/Portal/Rules", null, HttpStatusCode.OK, cancellationToken),
        "trajectory-list" => MeasureAsync(recorder, page, _teamLead!, HttpMethod.Get, "/Caseload", null, HttpStatusCode.OK, cancellationToken),
        "baseline-trajectories" => MeasureAsync(recorder, page, _teamLead!, HttpMethod.Get, "/bench/baseline/trajectories", null, HttpStatusCode.OK, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(page), page, "Not a page of the mix."),
    };

    private Guid NextTrajectory() => _trajectories[_trajectory++ % _trajectories.Count];

    /// <summary>One request, timed from sending to the last byte of the answer; anything but the expected status is an error.</summary>
    private static async Task MeasureAsync(
        Recorder recorder, string page, BrowserSession session, HttpMethod method, string url, HttpContent? content, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (status, _, location) = await session.SendAsync(method, url, content, cancellationToken);
            var outcome = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
            recorder[page].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome, status == expected,
                $"{method} {url} answered {outcome}{(location is null ? string.Empty : " → " + location)}");
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            recorder[page].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name, ok: false, $"{method} {url}: {exception.Message}");
        }
        finally
        {
            content?.Dispose();
        }
    }

    /// <summary>
    /// A baseline is only a baseline if it returns what the page shows: the same total, and the same clients in
    /// the first page's rows. Both order by the state-change moment alone, so the last row may be any of the rows
    /// tied on that moment (the database picks): a row only the baseline shows must be one of those.
    /// </summary>
    private static async Task SameRowsAsync(BrowserSession session, string pageUrl, string page, string baselineUrl, CancellationToken cancellationToken)
    {
        var shown = HtmlForms.FirstCells(page);
        var (rows, total) = HtmlForms.BaselineRows(await session.PageAsync(baselineUrl, cancellationToken));
        var onlyInBaseline = rows.Where(r => !shown.Contains(r.Code)).ToList();
        if (shown.Count == 0 || shown.Count != rows.Count || HtmlForms.CaptionNumber(page) != total || onlyInBaseline.Any(r => r.Since != rows[^1].Since))
        {
            throw new InvalidOperationException(
                $"{baselineUrl} returns other rows than {pageUrl}: totals {HtmlForms.CaptionNumber(page)} and {total}, {shown.Count} rows on the page and {rows.Count} in the baseline, {onlyInBaseline.Count} only in the baseline.");
        }
    }

    private async Task<BrowserSession> SignedInAsync(string email, CancellationToken cancellationToken)
    {
        var session = new BrowserSession(address);
        _sessions.Add(session);
        await session.SignInAsync(email, cancellationToken);
        return session;
    }

    public void Dispose()
    {
        foreach (var session in _sessions)
        {
            session.Dispose();
        }
    }
}
