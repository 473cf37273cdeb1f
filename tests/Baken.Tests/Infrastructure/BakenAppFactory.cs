using Baken.Features.Admin;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Baken.Tests.Infrastructure;

/// <summary>
/// Hosts the real application on a database of its own. Options say what differs from a normal start:
/// the environment, demo mode, extra settings and a controllable clock.
/// </summary>
public sealed class BakenAppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly string _environment;
    private readonly bool _demo;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BakenAppFactory(DatabaseProvider provider, bool demo = true, string environment = "Testing",
        IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, TestDatabase? database = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        // A database handed in belongs to the caller (a test that restarts the app on the same data).
        _database = database ?? TestDatabase.Create(provider);
        _ownsDatabase = database is null;
        _demo = demo;
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string?>();
        Time = time;
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public DatabaseProvider Provider => _database.Provider;

    public TestDatabase Database => _database;

    public CapturedLogs Logs { get; } = new();

    public FakeTimeProvider? Time { get; }

    public RecordingPasswordHasher PasswordHasher { get; } = new();

    public BakenClient NewClient() => new(CreateClient(), this);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Baken", _database.ConnectionString ?? string.Empty);
        builder.UseSetting("Baken:DataDirectory", _database.DataDirectory);
        builder.UseSetting("Baken:Demo", _demo ? "true" : "false");

        // The daily retention job would erase data behind a test's back when a fake clock passes 03:00.
        builder.UseSetting("Baken:Retention:Enabled", "false");

        // Receipt codes of the anonymous channel: the lowest hash cost allowed, so tests stay fast.
        builder.UseSetting("Baken:AnonymousChannel:HashIterations", "10000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(Logs);
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IPasswordHasher<StaffUser>>(PasswordHasher);
            if (Time is not null)
            {
                services.AddSingleton<TimeProvider>(Time);
            }

            _services?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
