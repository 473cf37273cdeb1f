using Baken.Features.Retention;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;

namespace Baken.Infrastructure;

/// <summary>Runs the chosen subcommand: serve (default), <c>migrate</c>, <c>verify-log</c>, <c>keys rotate</c> or <c>retention run</c>.</summary>
public static class BakenCommands
{
    public static async Task<int> RunAsync(WebApplication app, BakenCommandLine commandLine)
    {
        try
        {
            switch (commandLine.Command)
            {
                case BakenCommand.Migrate:
                    await using (var scope = app.Services.CreateAsyncScope())
                    {
                        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                    }

                    await Console.Out.WriteLineAsync("Database is up to date.");
                    return 0;
                case BakenCommand.VerifyLog:
                    return await VerifyLogAsync(app.Services, Console.Out);
                case BakenCommand.KeysRotate:
                    return await RotateKeysAsync(app.Services, Console.Out);
                case BakenCommand.RetentionRun:
                    return await RunRetentionAsync(app.Services, Console.Out);
                default:
                    await app.RunAsync();
                    return 0;
            }
        }
        catch (StartupRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 2;
        }
    }

    /// <summary>Creates a new key-encryption key and rewraps every stored key under it.</summary>
    public static async Task<int> RotateKeysAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            var (version, rewrapped) = await scope.ServiceProvider.GetRequiredService<KeyRotation>().RotateAsync(CancellationToken.None);
            await output.WriteLineAsync($"Key-encryption key version {version} is current; {rewrapped} keys rewrapped. Restart running instances to wrap new keys with it.");
            return 0;
        }
        catch (InvalidOperationException refused)
        {
            await output.WriteLineAsync(refused.Message);
            return 2;
        }
    }

    /// <summary>Runs the daily retention job now; exit code 0 when every expired file was erased, 1 when some failed.</summary>
    public static async Task<int> RunRetentionAsync(IServiceProvider services, TextWriter output)
    {
        var result = await services.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None);
        await output.WriteLineAsync($"{result.Erased} expired client files and {result.RecordsErased} reports and signals erased, {result.Failed} failed.");
        return result.Failed == 0 ? 0 : 1;
    }

    /// <summary>Checks the processing log; exit code 0 when intact, 1 naming the first bad entry otherwise.</summary>
    public static async Task<int> VerifyLogAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
        await output.WriteLineAsync(result.Message);
        return result.Intact ? 0 : 1;
    }
}
