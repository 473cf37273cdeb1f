using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Baken.Features.Bench;

namespace Baken.Bench.Load;

/// <summary>
/// The real application in its own process (<c>dotnet Baken.dll</c>, as deployed), on a free loopback port, against
/// the benchmark's database: measured from outside like a production server, with its CPU time and memory read
/// from /proc. Killed (with its children) on dispose, which the harness reaches on success, error and Ctrl+C.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int KeptLogLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _log = new();

    private AppProcess(Process process, Uri address, string appPath)
    {
        _process = process;
        Address = address;
        AppPath = appPath;
    }

    public Uri Address { get; }

    public string AppPath { get; }

    public int Id => _process.Id;

    public TimeSpan StartToReady { get; private set; }

    /// <summary>Starts the app and waits for <c>/health/ready</c>.</summary>
    public static async Task<AppProcess> StartAsync(BenchDatabase database, string? appPath, CancellationToken cancellationToken)
    {
        var path = appPath ?? FindApp();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        foreach (var (name, value) in Settings(database, port))
        {
            start.Environment[name] = value;
        }

        // A build output has no wwwroot (only a publish does); the page layout versions its style sheets by their
        // content, so serve the sources' wwwroot as a deployment would serve its own.
        if (!Directory.Exists(Path.Combine(start.WorkingDirectory, "wwwroot")) && SourceWebRoot() is { } webRoot)
        {
            start.Environment["ASPNETCORE_WEBROOT"] = webRoot;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), path);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync(cancellationToken);
            app.StartToReady = clock.Elapsed;
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The settings of the app process, as environment variables (configuration keys with <c>__</c>): Production,
    /// plain-HTTP cookies on loopback, no retention job, warnings only in the log, and the baseline endpoints on.
    /// </summary>
    public static IEnumerable<(string Name, string Value)> Settings(BenchDatabase database, int port)
    {
        foreach (var (key, value) in database.Settings())
        {
            yield return (key.Replace(":", "__", StringComparison.Ordinal), value ?? string.Empty);
        }

        yield return ("ASPNETCORE_ENVIRONMENT", "Production");
        yield return ("DOTNET_ENVIRONMENT", "Production");
        yield return ("ASPNETCORE_URLS", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        yield return ("urls", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        yield return ("Baken__Demo", "false");
        yield return ("Baken__Retention__Enabled", "false");
        yield return ("Baken__SecureCookies", "false");
        yield return (BaselineEndpoints.Setting.Replace(":", "__", StringComparison.Ordinal), "true");
        yield return ("Logging__LogLevel__Default", "Warning");
        yield return ("Logging__LogLevel__Microsoft.AspNetCore", "Warning");
        yield return ("Logging__LogLevel__Microsoft.EntityFrameworkCore", "Warning");

        // Tracing and metrics stay on as in production; only nothing is exported from a benchmark.
        yield return ("OTEL_EXPORTER_OTLP_ENDPOINT", string.Empty);
    }

    /// <summary>
    /// Baken.dll next to the harness (the project reference copies it with its runtimeconfig and deps files), or in
    /// the app's own build output beside the harness's (an --artifacts-path layout or the usual bin folders).
    /// </summary>
    public static string FindApp()
    {
        var here = AppContext.BaseDirectory;
        string[] candidates =
        [
            Path.Combine(here, "Baken.dll"),
            Path.GetFullPath(Path.Combine(here, "..", "..", "Baken", new DirectoryInfo(here).Name, "Baken.dll")),
            Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", "..", "src", "Baken", "bin", "Release", new DirectoryInfo(here).Name, "Baken.dll")),
        ];
        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
            ?? throw new FileNotFoundException("Baken.dll (with Baken.runtimeconfig.json) not found next to the harness; build it (dotnet build bench/Baken.Bench -c Release) or pass --app path/to/Baken.dll.");
    }

    /// <summary>src/Baken/wwwroot above the working directory or the harness, if this runs from a clone.</summary>
    private static string? SourceWebRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "src", "Baken", "wwwroot");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The build configuration of the app assembly the harness was built with (Release or Debug).</summary>
    public static string BuildConfiguration =>
        typeof(BaselineEndpoints).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";

    /// <summary>CPU time (user + system) the app has used so far, from /proc; null where there is no /proc.</summary>
    public TimeSpan? CpuTime()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

            // After the name: state is field 3, utime 14 and stime 15 (proc(5)), in clock ticks of 1/100 s.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A memory figure of the app from /proc/&lt;pid&gt;/status in MB: VmHWM (peak resident set) or VmRSS (now).</summary>
    public double? MemoryMb(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : Math.Round(long.Parse(line[(field.Length + 1)..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024.0, 1);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The last lines the app wrote, for the report when something failed.</summary>
    public IReadOnlyList<string> LogTail()
    {
        lock (_log)
        {
            return [.. _log];
        }
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        catch (OperationCanceledException)
        {
            // Did not exit within the timeout after the kill; nothing more to do from here.
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{string.Join(Environment.NewLine, LogTail())}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow first answer; ask again.
            }

            await Task.Delay(25, cancellationToken);
        }

        throw new TimeoutException($"The app was not ready within 5 minutes:{Environment.NewLine}{string.Join(Environment.NewLine, LogTail())}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > KeptLogLines)
            {
                _log.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
