using Baken.Infrastructure.Data;
using Npgsql;

namespace Baken.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test app: a temporary SQLite data directory, or a fresh PostgreSQL database
/// (created by the migrations, dropped on dispose) on the server named in <c>BAKEN_TEST_POSTGRES</c>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "BAKEN_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string dataDirectory, string? connectionString)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string DataDirectory { get; }

    public string? ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static TestDatabase Create(DatabaseProvider provider)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "baken-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, dataDirectory, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException(
            $"The PostgreSQL suite needs a connection string in {PostgresVariable} (CI sets one).");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "baken_test_" + Guid.NewGuid().ToString("N") };
        return new TestDatabase(provider, dataDirectory, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && ConnectionString is not null)
        {
            await DropPostgresDatabaseAsync(new NpgsqlConnectionStringBuilder(ConnectionString).Database!);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// Drops the test database, first <c>WITH (FORCE)</c> for sessions left open. The test role is not a superuser,
    /// so FORCE is refused (42501) when an autovacuum worker is busy in the database; a plain DROP stops autovacuum
    /// and waits for it, but refuses while another session is connected (55006). Each refusal tries the other form.
    /// </summary>
    private static async Task DropPostgresDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(PostgresServer) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        const int attempts = 6;
        for (var attempt = 1; ; attempt++)
        {
            var force = attempt % 2 == 1 ? " WITH (FORCE)" : string.Empty;
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"{force}", connection);
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (attempt < attempts && e.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
            }
        }
    }
}
