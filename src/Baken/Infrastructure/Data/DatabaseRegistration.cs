using Baken.Infrastructure.ProcessingLog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Baken.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Baken";

    public static DatabaseProvider GetProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Database:Provider '{value}' is not supported; use 'Sqlite' or 'Postgres'.");
    }

    public static IServiceCollection AddBakenDatabase(
        this IServiceCollection services, IConfiguration configuration, BakenOptions options)
    {
        var provider = GetProvider(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = SqliteConnectionString(connectionString, options);
            var sqlite = new SqliteConnectionStringBuilder(connectionString);
            var gate = new SqliteWriteGate(sqlite.DataSource, TimeSpan.FromSeconds(sqlite.DefaultTimeout));
            services.AddSingleton(gate);
            services.AddDbContext<BakenDbContext, SqliteBakenDbContext>((provider, db) => db
                .UseSqlite(connectionString)
                .AddInterceptors(provider.GetServices<IInterceptor>())
                .AddInterceptors(gate));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Baken is empty.");
            }

            connectionString = PostgresConnectionString(connectionString);
            services.AddDbContext<BakenDbContext, PostgresBakenDbContext>((provider, db) => db
                .UseNpgsql(connectionString)
                .AddInterceptors(provider.GetServices<IInterceptor>()));
        }

        services.AddSingleton<LogSigner>();
        services.AddSingleton<ProcessingLogAppender>();
        services.AddSingleton<ProcessingLogChain>();

        // Every registered EF Core interceptor joins the context: the processing-log chain, and in tests a command counter.
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<ProcessingLogChain>());
        services.AddScoped<ProcessingLogWriter>();
        services.AddScoped<LogVerifier>();
        return services;
    }

    /// <summary>
    /// Two pool settings, each unless the connection string says otherwise. Statements the app runs again and again
    /// are prepared on each pooled connection (Npgsql's automatic preparation): PostgreSQL then parses and plans the
    /// caseload's queries once per connection instead of at every request (1–3 ms each on the national dataset).
    /// And a connection going back to the pool is not reset: the app keeps no session state on a connection (no
    /// SET, temporary table, LISTEN or advisory lock), and EF Core opens and closes the connection around each
    /// query, so the reset was a round trip of its own five or six times per page.
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!configured.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>The SQLite file lives in the data directory unless a connection string says otherwise; foreign keys are always on.</summary>
    public static string SqliteConnectionString(string? configured, BakenOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? string.Empty);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            builder.DataSource = Path.Combine(options.FullDataDirectory, "baken.db");
        }

        builder.ForeignKeys = true;
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
