using System.Collections.Concurrent;
using Baken.Infrastructure.Data;

[assembly: AssemblyFixture(typeof(Baken.Tests.Infrastructure.SharedApps))]

namespace Baken.Tests.Infrastructure;

/// <summary>
/// One demo-seeded app per database, shared by tests that only add data of their own (unique e-mail
/// addresses and names), so the slow start and demo seeding happen once per provider.
/// </summary>
public sealed class SharedApps : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<BakenAppFactory>> _apps = new();

    public BakenAppFactory For(DatabaseProvider provider)
    {
        var app = _apps.GetOrAdd(provider, p => new Lazy<BakenAppFactory>(() =>
        {
            var factory = new BakenAppFactory(p);
            factory.StartServer();
            return factory;
        })).Value;
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
        {
            await app.Value.DisposeAsync();
        }
    }
}
