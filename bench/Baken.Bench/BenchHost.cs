using Baken.Features.Admin;
using Baken.Infrastructure;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace Baken.Bench;

/// <summary>Where a benchmark's data lives: the provider, its connection string and the data directory (key files).</summary>
public sealed record BenchDatabase(DatabaseProvider Provider, string? ConnectionString, string DataDirectory)
{
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Database:Provider", Provider.ToString());
        yield return new("ConnectionStrings:Baken", ConnectionString ?? string.Empty);
        yield return new("Baken:DataDirectory", Path.GetFullPath(DataDirectory));
    }
}

/// <summary>
/// The application's own composition (<see cref="BakenServices.AddBaken"/>), built but not started: the generator
/// resolves the same records, crypto and processing log the pages use. Only the clock is one the generator moves
/// through the years, and the password hasher hashes the one known password once.
/// </summary>
public static class BenchHost
{
    public static WebApplication Build(BenchDatabase database, BenchClock clock)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(database.Settings());
        builder.Configuration.AddInMemoryCollection([
            new("Baken:Demo", "false"),
            new("Logging:LogLevel:Default", "Warning"),
            new("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning"),

            // Applying the migrations to a new database warns about SQLite pragmas; not news here.
            new("Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations", "Error"),
        ]);
        builder.AddBaken();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IPasswordHasher<StaffUser>, OnceHashedPassword>();
        return builder.Build();
    }

    /// <summary>Every generated account has the same password: hash it once (the real hasher, so sign-in verifies it).</summary>
    private sealed class OnceHashedPassword : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new();
        private readonly Dictionary<string, string> _hashes = [];

        public string HashPassword(StaffUser user, string password)
        {
            lock (_hashes)
            {
                if (!_hashes.TryGetValue(password, out var hash))
                {
                    hash = _inner.HashPassword(user, password);
                    _hashes[password] = hash;
                }

                return hash;
            }
        }

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword) =>
            _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>A clock the generator sets to the moment of each step it replays.</summary>
public sealed class BenchClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
