using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Baken.Bench;
using Baken.Bench.Generation;
using Baken.Bench.Load;
using Baken.Features.Admin;
using Baken.Features.Bench;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Bench;

/// <summary>
/// The load harness at the tiny scale for a few seconds, so CI proves it still drives every page of the mix
/// (sign-in with a code, antiforgery, the tally post, the baselines) without errors and writes its report; the
/// figures themselves are only measured by the documented benchmark runs (docs/performance.md). Both databases:
/// the raw baseline has SQL and parameters per provider, and this is where they are checked to run.
/// </summary>
public sealed class LoadHarnessSmokeTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task The_harness_drives_every_page_against_the_real_app_without_errors_and_stops_it(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Create(provider);
        await DataGenerator.RunAsync(new BenchDatabase(provider, database.ConnectionString, database.DataDirectory), Scale.Tiny, TextWriter.Null);
        var outPath = Path.Combine(database.DataDirectory, "load.json");
        string[] args =
        [
            "load", "--data", database.DataDirectory, "--provider", provider.ToString(),
            "--users", "2", "--warmup", "1", "--duration", "2", "--ab", "1", "--slice", "0.5", "--out", outPath,
            .. database.ConnectionString is { } connection ? ["--connection", connection] : Array.Empty<string>(),
        ];
        var output = new StringWriter();

        var exitCode = await LoadCommand.RunAsync(BenchArguments.Parse(args), output);

        exitCode.ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("| caseload |");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(outPath));
        var root = report.RootElement;
        root.GetProperty("errors").GetInt32().ShouldBe(0);
        root.GetProperty("provider").GetString().ShouldBe(provider.ToString());
        var pages = root.GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("page").GetString()!);
        pages.Keys.ShouldBe(LoadPages.All.Select(p => p.Name), ignoreOrder: true);
        foreach (var (name, page) in pages)
        {
            page.GetProperty("count").GetInt32().ShouldBeGreaterThan(0, name);
            page.GetProperty("errors").GetInt32().ShouldBe(0, name);
            page.GetProperty("throughput").GetDouble().ShouldBeGreaterThan(0, name);
            foreach (var figure in new[] { "p50Ms", "p90Ms", "p99Ms", "maxMs" })
            {
                page.GetProperty(figure).GetDouble().ShouldBeGreaterThan(0, $"{name} {figure}");
            }
        }

        var baselines = root.GetProperty("baselines").EnumerateArray().ToList();
        baselines.Select(b => b.GetProperty("page").GetString()).ShouldBe(["caseload", "trajectory-list"]);
        baselines.ShouldAllBe(b => b.GetProperty("mixRatio").GetDouble() > 0 && b.GetProperty("alternatingRatio").GetDouble() > 0);
        root.GetProperty("alternatingPages").GetArrayLength().ShouldBe(4);
        var process = root.GetProperty("process");
        process.GetProperty("measuredSeconds").GetDouble().ShouldBeGreaterThan(1.5);
        process.GetProperty("appCpuPercent").GetDouble().ShouldBeGreaterThan(0);
        process.GetProperty("peakRssMb").GetDouble().ShouldBeGreaterThan(0);
        root.GetProperty("app").GetProperty("startToReadyMs").GetDouble().ShouldBeGreaterThan(0);
        root.GetProperty("trajectories").GetInt64().ShouldBe(Scale.Tiny.Trajectories, "the dataset's size is recorded for the growth table");

        // The growth command reads what the run wrote (here the same run twice: no growth).
        var growth = new StringWriter();
        (await GrowthCommand.RunAsync(BenchArguments.Parse(["growth", "--runs", $"{outPath},{outPath}"]), growth)).ShouldBe(0, growth.ToString());
        growth.ToString().ShouldContain("- caseload: 1.00× from 200 to 200 trajectories");

        // The app process is gone: nothing answers on its port any more.
        var address = new Uri(root.GetProperty("app").GetProperty("address").GetString()!);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Should.ThrowAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, address.Port));
    }

    [Fact]
    public async Task Without_the_benchmark_setting_the_baseline_is_not_there()
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .ShouldNotContain(e => e.RoutePattern.RawText!.Contains("bench", StringComparison.OrdinalIgnoreCase));
        using var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Casemanager));

        (await client.GetAsync("/bench/baseline/caseload")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task With_the_setting_the_baseline_answers_only_signed_in_case_workers()
    {
        await using var app = new BakenAppFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { [BaselineEndpoints.Setting] = "true" });
        using var anonymous = app.NewClient();
        var toLogin = await anonymous.GetAsync("/bench/baseline/caseload");
        toLogin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(new Uri("https://localhost"), toLogin.Headers.Location!).AbsolutePath.ShouldBe("/Account/Login");

        using var policy = app.NewClient();
        await policy.SignInAsync(await app.CreateUserAsync(Roles.Beleidsmedewerker));
        (await policy.GetAsync("/bench/baseline/caseload")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var caseManager = app.NewClient();
        await caseManager.SignInAsync(await app.CreateUserAsync(Roles.Casemanager));
        var own = await caseManager.GetAsync("/bench/baseline/caseload");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsStringAsync()).ShouldContain("<table>");
        (await caseManager.GetAsync("/bench/baseline/trajectories")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the organisation's list is the team lead's");
    }
}
