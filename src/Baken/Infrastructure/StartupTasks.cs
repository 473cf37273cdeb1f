using Baken.Features.Demo;
using Baken.Features.Setup;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Baken.Infrastructure;

/// <summary>
/// Runs before the server accepts requests: migrations (unless switched off), demo seeding and the first-run link.
/// A hosted service rather than code in Program.cs, so integration tests get exactly the same start.
/// </summary>
internal sealed class StartupTasks(
    IServiceProvider services,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<BakenOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Demo && environment.IsProduction())
        {
            throw new StartupRefusedException(
                "Demo mode refuses to run in the Production environment. Use ASPNETCORE_ENVIRONMENT=Development or another non-production environment.");
        }

        await using var scope = services.CreateAsyncScope();
        if (configuration.GetValue("Database:MigrateOnStart", true))
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        await BlindIndex.EnsureKeyAsync(
            scope.ServiceProvider.GetRequiredService<BakenDbContext>(),
            scope.ServiceProvider.GetRequiredService<IKeyEncryptionKeys>(),
            cancellationToken);

        if (options.Value.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<FirstRunService>().AnnounceSetupLinkIfNeededAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Baken will not start as configured; the message says why and what to do.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
