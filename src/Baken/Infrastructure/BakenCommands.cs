using Baken.Infrastructure.Data;

namespace Baken.Infrastructure;

/// <summary>Runs the chosen subcommand: serve (default) or <c>migrate</c>.</summary>
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
}
