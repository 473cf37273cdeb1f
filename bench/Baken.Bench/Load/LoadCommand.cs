using System.Diagnostics;
using System.Globalization;

namespace Baken.Bench.Load;

/// <summary>
/// <c>load</c>: drives the real application over HTTP on loopback with a fixed number of signed-in virtual users in
/// a closed loop, and reports per page count, throughput, p50/p90/p99/max latency and errors, the app's CPU and
/// peak memory, and each list page against its raw ADO.NET baseline measured alternately in the same run.
/// <code>
/// load [--scale tiny | --data DIR] [--provider sqlite|postgres --connection "..."] [--users 16] [--warmup 10]
///      [--duration 30] [--ab 10] [--slice 1] [--pages caseload,trajectory,search,tally,portal,baseline]
///      [--out bench-results/NAME.json] [--label NAME] [--app path/to/Baken.dll]
/// </code>
/// The app runs as its own process (Release build, Production environment) and is killed at the end, also on
/// Ctrl+C or an error. The exit code is 0 without errors, 1 when any request failed, 2 when the run could not
/// be done (set-up failed, the app stopped), 130 when cancelled.
/// </summary>
public static class LoadCommand
{
    public static async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        var database = arguments.Database(arguments.Get("scale", "tiny"));
        var users = Number(arguments, "users", 16);
        var warmup = TimeSpan.FromSeconds(Number(arguments, "warmup", 30.0));
        var duration = TimeSpan.FromSeconds(Number(arguments, "duration", 30.0));
        var alternating = TimeSpan.FromSeconds(Number(arguments, "ab", 10.0));
        var slice = TimeSpan.FromSeconds(Number(arguments, "slice", 1.0));
        var pages = LoadPages.Select(arguments.Get("pages"));
        var label = arguments.Get("label") ?? Path.GetFileName(Path.GetFullPath(database.DataDirectory).TrimEnd(Path.DirectorySeparatorChar));
        var outPath = arguments.Get("out") ?? Path.Combine("bench-results", string.Create(CultureInfo.InvariantCulture, $"load-{label}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json"));
        if (users < 1 || duration <= TimeSpan.Zero || slice <= TimeSpan.Zero)
        {
            throw new ArgumentException("--users and --duration must be positive.");
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            var report = await MeasureAsync(database, arguments.Get("app"), label, users, warmup, duration, alternating, slice, pages, outPath, output, cancel.Token);
            var json = report.ToJson();
            await File.WriteAllTextAsync(outPath, json, CancellationToken.None);
            await output.WriteLineAsync();
            await output.WriteLineAsync(report.ToMarkdown());
            await output.WriteLineAsync($"Written to {outPath} (the app's log in {Path.ChangeExtension(outPath, ".app.log")}).");
            return report.Errors == 0 ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await output.WriteLineAsync("Cancelled; the app has been stopped.");
            return 130;
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException or TimeoutException)
        {
            // The app has been stopped by now; say what went wrong without a crash dump.
            await output.WriteLineAsync($"The load run failed: {exception}");
            return 2;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<LoadReport> MeasureAsync(
        BenchDatabase database, string? appPath, string label, int userCount, TimeSpan warmup, TimeSpan duration, TimeSpan alternating, TimeSpan slice,
        IReadOnlyList<LoadPage> pages, string outPath, TextWriter output, CancellationToken cancellationToken)
    {
        var startedAtUtc = DateTime.UtcNow;
        var accounts = await BenchAccounts.ReadAsync(database, cancellationToken);
        var trajectories = await BenchAccounts.CountTrajectoriesAsync(database, cancellationToken);
        await output.WriteLineAsync($"Starting the app on {database.Provider} ({database.DataDirectory}); {accounts.CaseManagers.Count} case managers with open trajectories.");
        await using var app = await AppProcess.StartAsync(database, appPath, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Ready in {app.StartToReady.TotalMilliseconds:0} ms at {app.Address} ({app.AppPath}, {AppProcess.BuildConfiguration} build)."));
        if (AppProcess.BuildConfiguration != "Release")
        {
            await output.WriteLineAsync("Warning: not a Release build; the figures are not comparable.");
        }

        var users = Enumerable.Range(0, userCount).Select(i => new VirtualUser(i, app.Address, accounts, pages)).ToList();
        try
        {
            await output.WriteLineAsync($"Signing in {userCount} virtual users.");
            await Task.WhenAll(users.Select(u => u.SetUpAsync(cancellationToken)));

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Warming up for {warmup.TotalSeconds:0.#} s."));
            await RunPhaseAsync(users, warmup, null, cancellationToken);

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Measuring the mix for {duration.TotalSeconds:0.#} s."));
            var cpuBefore = app.CpuTime();
            var harnessBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (mix, window) = await RunPhaseAsync(users, duration, null, cancellationToken);
            var cpuAfter = app.CpuTime();
            var harnessAfter = Process.GetCurrentProcess().TotalProcessorTime;
            var process = new ProcessFigures(
                PageResult.Round(window.TotalSeconds),
                cpuBefore is { } b && cpuAfter is { } a ? PageResult.Round((a - b) / window * 100) : null,
                PageResult.Round((harnessAfter - harnessBefore) / window * 100),
                app.MemoryMb("VmHWM"),
                app.MemoryMb("VmRSS"),
                ProcessFigures.CurrentLoadAverage());
            var results = pages.Select(p => PageResult.From(p.Name, p.Request, mix[p.Name], window)).ToList();

            var alternatingResults = new List<PageResult>();
            var pairs = pages.Where(p => p.BaselineOf is { } of && pages.Any(a => a.Name == of)).Select(p => (App: LoadPages.Named(p.BaselineOf!), Baseline: p)).ToList();
            if (alternating > TimeSpan.Zero)
            {
                foreach (var (appPage, baseline) in pairs)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Alternating {appPage.Name} and {baseline.Name} for {alternating.TotalSeconds:0.#} s."));
                    var slices = Math.Max(2, (int)Math.Round(alternating / slice));
                    var recorded = new Recorder();
                    var elapsed = new Dictionary<string, TimeSpan> { [appPage.Name] = TimeSpan.Zero, [baseline.Name] = TimeSpan.Zero };
                    for (var i = 0; i < slices; i++)
                    {
                        var page = i % 2 == 0 ? appPage.Name : baseline.Name;
                        var (samples, took) = await RunPhaseAsync(users, slice, page, cancellationToken);
                        recorded[page].AddRange(samples[page]);
                        elapsed[page] += took;
                    }

                    alternatingResults.Add(PageResult.From(appPage.Name, appPage.Request, recorded[appPage.Name], elapsed[appPage.Name]));
                    alternatingResults.Add(PageResult.From(baseline.Name, baseline.Request, recorded[baseline.Name], elapsed[baseline.Name]));
                }
            }

            var comparisons = pairs.Select(pair =>
            {
                var appResult = results.Single(r => r.Page == pair.App.Name);
                var baseResult = results.Single(r => r.Page == pair.Baseline.Name);
                var appAlternating = alternatingResults.FirstOrDefault(r => r.Page == pair.App.Name);
                var baseAlternating = alternatingResults.FirstOrDefault(r => r.Page == pair.Baseline.Name);
                return new BaselineComparison(
                    pair.App.Name,
                    pair.Baseline.Name,
                    appResult.MeanMs,
                    baseResult.MeanMs,
                    appResult.MeanMs > 0 ? PageResult.Round(baseResult.MeanMs / appResult.MeanMs) : 0,
                    appAlternating?.Throughput,
                    baseAlternating?.Throughput,
                    appAlternating is not null && baseAlternating is { Throughput: > 0 } ? PageResult.Round(appAlternating.Throughput / baseAlternating.Throughput) : null);
            }).ToList();

            return new LoadReport(
                label,
                startedAtUtc,
                MachineInfo.Current(),
                database.Provider.ToString(),
                Path.GetFullPath(database.DataDirectory),
                new AppInfo(app.AppPath, app.Address.ToString(), AppProcess.BuildConfiguration, PageResult.Round(app.StartToReady.TotalMilliseconds)),
                new LoadSettings(userCount, warmup.TotalSeconds, duration.TotalSeconds, alternating.TotalSeconds, slice.TotalSeconds, [.. pages.Select(p => p.Name)]),
                process,
                results,
                comparisons,
                alternatingResults,
                results.Concat(alternatingResults).Sum(r => r.Errors),
                trajectories);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"{(app.HasExited ? "The app stopped during the run" : "The run failed")}; the app's last log lines:{Environment.NewLine}{string.Join(Environment.NewLine, app.LogTail())}",
                exception);
        }
        finally
        {
            foreach (var user in users)
            {
                user.Dispose();
            }

            // The app's warnings and errors (an error page's exception, say) beside the report.
            await File.WriteAllLinesAsync(Path.ChangeExtension(Path.GetFullPath(outPath), ".app.log"), app.LogTail(), CancellationToken.None);
        }
    }

    /// <summary>Every user walks the mix (or one page) until the time is up; the phase ends when the last answer is in.</summary>
    private static async Task<(Recorder Samples, TimeSpan Elapsed)> RunPhaseAsync(IReadOnlyList<VirtualUser> users, TimeSpan duration, string? only, CancellationToken cancellationToken)
    {
        var recorders = users.Select(_ => new Recorder()).ToArray();
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(users.Select((user, i) => Task.Run(() => user.RunAsync(recorders[i], until, only, cancellationToken), cancellationToken)));
        cancellationToken.ThrowIfCancellationRequested();
        return (Recorder.Merge(recorders), Stopwatch.GetElapsedTime(started));
    }

    private static T Number<T>(BenchArguments arguments, string name, T fallback)
        where T : IParsable<T> =>
        arguments.Get(name) is { } value ? T.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
