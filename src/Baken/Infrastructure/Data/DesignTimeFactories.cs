using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Baken.Infrastructure.Data;

/// <summary>
/// Used by <c>dotnet ef migrations add</c> only; the running app configures contexts in <see cref="DatabaseRegistration"/>.
/// Identity reads its schema version (3: with passkeys) from the application's services, so the factories supply them.
/// </summary>
internal static class DesignTime
{
    public static IServiceProvider IdentityServices() =>
        new ServiceCollection()
            .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBakenDbContext>
{
    public SqliteBakenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBakenDbContext>()
            .UseSqlite("Data Source=design.db")
            .UseApplicationServiceProvider(DesignTime.IdentityServices())
            .Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBakenDbContext>
{
    public PostgresBakenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBakenDbContext>()
            .UseNpgsql("Host=localhost;Database=baken_design")
            .UseApplicationServiceProvider(DesignTime.IdentityServices())
            .Options);
}
