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
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(PostgresServer) { Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
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
}
