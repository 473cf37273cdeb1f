using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.BrowserTests.Infrastructure;

/// <summary>
/// The real application on Kestrel at a free port on 127.0.0.1, with a fresh SQLite database and the demo accounts,
/// so a real browser can reach it. Plain HTTP on loopback, hence cookies without the <c>__Host-</c> prefix.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "baken-browser-tests", Guid.NewGuid().ToString("N"));

    public BrowserApp()
    {
        Directory.CreateDirectory(_dataDirectory);
        UseKestrel(0);
    }

    /// <summary>Starts the server and answers the address it actually listens on.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = new Uri(addresses.Single());
        address.Host.ShouldBe("127.0.0.1", "the browser suite serves on loopback only");
        return address;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Baken", string.Empty);
        builder.UseSetting("Baken:DataDirectory", _dataDirectory);
        builder.UseSetting("Baken:Demo", "true");
        builder.UseSetting("Baken:SecureCookies", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the OS.
        }
    }
}
