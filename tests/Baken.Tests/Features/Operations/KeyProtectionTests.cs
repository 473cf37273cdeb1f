using System.Security.Cryptography;
using Baken.Infrastructure.Crypto;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Operations;

/// <summary>The keys that protect sessions are stored encrypted with a key that lives outside the database.</summary>
public sealed class KeyProtectionTests
{
    private static string Protect(BakenAppFactory app, string value) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect(value);

    private static string Unprotect(BakenAppFactory app, string value) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(value);

    [Theory]
    [Databases]
    public async Task Session_keys_in_the_database_are_encrypted_and_useless_without_the_key_file(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Create(provider);
        string protectedValue;
        await using (var first = new BakenAppFactory(provider, database: database))
        {
            first.StartServer();
            protectedValue = Protect(first, "session payload");
            var ring = await first.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
            ring.ShouldNotBeEmpty();
            ring.ShouldAllBe(xml => xml.Contains("urn:baken:kek") && !xml.Contains("<value>"));

            var keyFile = Path.Combine(database.DataDirectory, "keys", "kek-v1.key");
            File.Exists(keyFile).ShouldBeTrue();
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        await using (var restarted = new BakenAppFactory(provider, database: database))
        {
            restarted.StartServer();
            Unprotect(restarted, protectedValue).ShouldBe("session payload", "same database and key file: sessions survive a restart");
        }

        Directory.Delete(Path.Combine(database.DataDirectory, "keys"), recursive: true);
        await using var stolen = new BakenAppFactory(provider, database: database);
        stolen.StartServer();
        Should.Throw<CryptographicException>(() => Unprotect(stolen, protectedValue));
    }

    [Fact]
    public void A_configured_key_must_be_32_bytes_of_base64()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new Baken.Infrastructure.BakenOptions());
        IConfiguration Config(string value) =>
            new ConfigurationBuilder().AddInMemoryCollection([new("Baken:Keys:Kek", value)]).Build();

        Should.Throw<CryptographicException>(() => new FileKeyEncryptionKeys(options, Config("not base64!")));
        Should.Throw<CryptographicException>(() => new FileKeyEncryptionKeys(options, Config(Convert.ToBase64String(new byte[16]))));
        var keys = new FileKeyEncryptionKeys(options, Config(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        keys.CurrentVersion.ShouldBe(1);
        keys.Directory.ShouldBeNull();
        Should.Throw<CryptographicException>(() => keys.Get(2));
    }
}
