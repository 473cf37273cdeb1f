using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Data;

/// <summary>Applies the provider's migration set; on SQLite it also creates the data directory and switches on WAL.</summary>
public sealed class DatabaseMigrator(BakenDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
                db.Database.GetConnectionString()).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            logger.LogInformation("Applying {Count} database migrations", pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
