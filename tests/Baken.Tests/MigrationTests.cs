using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests;

public sealed class MigrationTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public void The_provider_migration_set_matches_the_model(DatabaseProvider provider)
    {
        using var scope = apps.For(provider).Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        db.Database.HasPendingModelChanges().ShouldBeFalse("run 'dotnet ef migrations add' for both contexts (see docs/decisions/0003)");
        db.Database.GetPendingMigrations().ShouldBeEmpty();
    }
}
