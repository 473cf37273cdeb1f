using System.Reflection;
using Baken.Infrastructure.Data;
using Xunit.Sdk;
using Xunit.v3;

namespace Baken.Tests.Infrastructure;

/// <summary>
/// Runs a theory once per database: SQLite always, PostgreSQL when <c>BAKEN_TEST_POSTGRES</c> is set.
/// Without it the PostgreSQL row is skipped with the reason, except under <c>CI=true</c>, where it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabasesAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        var postgres = new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Postgres);
        if (TestDatabase.PostgresServer is null && !TestDatabase.InCi)
        {
            postgres.Skip = $"PostgreSQL suite skipped: set {TestDatabase.PostgresVariable} to a connection string (see README).";
        }

        return new([new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Sqlite), postgres]);
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}
