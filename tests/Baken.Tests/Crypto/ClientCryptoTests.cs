using System.Security.Cryptography;
using System.Text;
using Baken.Infrastructure;
using Baken.Infrastructure.Crypto;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Crypto;

/// <summary>Per-client encryption, crypto-shredding, the blind index and key rotation.</summary>
public sealed class ClientCryptoTests(SharedApps apps)
{
    private const string Table = "Clients";

    private static async Task<(Guid ClientId, Guid RowId, byte[] Ciphertext)> EncryptForNewClientAsync(BakenAppFactory app, string value)
    {
        var clientId = Guid.CreateVersion7();
        var rowId = Guid.CreateVersion7();
        await using var scope = app.Services.CreateAsyncScope();
        var crypto = scope.ServiceProvider.GetRequiredService<ClientCrypto>();
        crypto.CreateKey(clientId);
        var ciphertext = await crypto.EncryptAsync(clientId, Table, "LegalName", rowId, value);
        await scope.ServiceProvider.GetRequiredService<BakenDbContext>().SaveChangesAsync();
        return (clientId, rowId, ciphertext!);
    }

    private static async Task<string?> DecryptAsync(BakenAppFactory app, Guid clientId, string column, Guid rowId, byte[] ciphertext)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClientCrypto>().DecryptAsync(clientId, Table, column, rowId, ciphertext);
    }

    [Theory]
    [Databases]
    public async Task A_value_round_trips_with_the_clients_key_and_only_in_its_own_place(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var (clientId, rowId, ciphertext) = await EncryptForNewClientAsync(app, "Anna de Vries");

        (await DecryptAsync(app, clientId, "LegalName", rowId, ciphertext)).ShouldBe("Anna de Vries");
        Encoding.UTF8.GetString(ciphertext).ShouldNotContain("Anna");
        await Should.ThrowAsync<CryptographicException>(() => DecryptAsync(app, clientId, "Alias", rowId, ciphertext));
        await Should.ThrowAsync<CryptographicException>(() => DecryptAsync(app, clientId, "LegalName", Guid.CreateVersion7(), ciphertext));

        var (otherClient, _, _) = await EncryptForNewClientAsync(app, "someone else");
        await Should.ThrowAsync<CryptographicException>(() => DecryptAsync(app, otherClient, "LegalName", rowId, ciphertext));

        var tampered = (byte[])ciphertext.Clone();
        tampered[^1] ^= 1;
        await Should.ThrowAsync<CryptographicException>(() => DecryptAsync(app, clientId, "LegalName", rowId, tampered));

        var (_, _, again) = await EncryptForNewClientAsync(app, "Anna de Vries");
        again.ShouldNotBe(ciphertext, "a fresh nonce per value");
    }

    [Fact]
    public void The_data_key_memo_unwraps_a_key_once_and_gives_every_reader_a_copy_it_may_zero()
    {
        var keys = apps.For(DatabaseProvider.Sqlite).Services.GetRequiredService<IKeyEncryptionKeys>();
        using var memo = new DataKeyMemo(keys);
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = KeyWrap.Wrap(keys, keys.CurrentVersion, dataKey);

        var first = memo.Unwrap(keys.CurrentVersion, wrapped);
        first.ShouldBe(dataKey);
        CryptographicOperations.ZeroMemory(first); // what ClientCrypto does with its keys when the request ends
        memo.Unwrap(keys.CurrentVersion, wrapped).ShouldBe(dataKey, "the reader zeroed its own copy, not the memo's");
        memo.Unwraps.ShouldBe(1);

        var newKey = RandomNumberGenerator.GetBytes(32);
        memo.Unwrap(keys.CurrentVersion, KeyWrap.Wrap(keys, keys.CurrentVersion, newKey)).ShouldBe(newKey, "a new key has new wrapped bytes");
        memo.Unwraps.ShouldBe(2);

        var tampered = (byte[])wrapped.Clone();
        tampered[^1] ^= 1;
        Should.Throw<CryptographicException>(() => memo.Unwrap(keys.CurrentVersion, tampered));
    }

    [Theory]
    [Databases]
    public async Task A_value_reads_again_in_a_later_request_after_the_first_one_zeroed_its_keys(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var (clientId, rowId, ciphertext) = await EncryptForNewClientAsync(app, "Iris Bakker");

        // Each request's scope zeroes the keys it used when it ends; the memo behind them must not be zeroed with them.
        for (var request = 0; request < 3; request++)
        {
            (await DecryptAsync(app, clientId, "LegalName", rowId, ciphertext)).ShouldBe("Iris Bakker");
        }
    }

    [Theory]
    [Databases]
    public async Task Shredding_the_key_makes_the_data_unreadable_and_removes_its_search_entries(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var alias = $"Roos-{Guid.NewGuid():N}";
        var (clientId, rowId, ciphertext) = await EncryptForNewClientAsync(app, alias);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BlindIndex>().AddAsync(clientId, BlindIndexKind.Alias, alias);
            await scope.ServiceProvider.GetRequiredService<BakenDbContext>().SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<BlindIndex>().FindClientsAsync(BlindIndexKind.Alias, $"  {alias.ToUpperInvariant()} ")).ShouldBe([clientId]);
            await scope.ServiceProvider.GetRequiredService<ClientCrypto>().ShredAsync(clientId);
            await scope.ServiceProvider.GetRequiredService<BakenDbContext>().SaveChangesAsync();
        }

        (await app.QueryAsync(db => db.Set<ClientKey>().AnyAsync(k => k.ClientId == clientId))).ShouldBeFalse();
        (await app.QueryAsync(db => db.Set<BlindIndexEntry>().AnyAsync(e => e.ClientId == clientId))).ShouldBeFalse();
        await Should.ThrowAsync<CryptographicException>(() => DecryptAsync(app, clientId, "LegalName", rowId, ciphertext));
    }

    [Fact]
    public void Search_values_are_normalised_before_hashing()
    {
        BlindIndex.Normalise(BlindIndexKind.Name, "  José   de  VRIES ").ShouldBe("jose de vries");
        BlindIndex.Normalise(BlindIndexKind.Phone, "06-12 34 56 78").ShouldBe("0612345678");
        BlindIndex.Normalise(BlindIndexKind.Phone, "+31 6 1234 5678").ShouldBe("0031612345678");
        BlindIndex.Normalise(BlindIndexKind.Email, " Anna@Example.NL ").ShouldBe("anna@example.nl");
        BlindIndex.Normalise(BlindIndexKind.Alias, "   ").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_database_file_holds_neither_the_plaintext_nor_the_clients_raw_key()
    {
        await using var app = new BakenAppFactory(DatabaseProvider.Sqlite, demo: false);
        app.StartServer();
        var canary = $"canary-{Guid.NewGuid():N}";
        var (clientId, _, _) = await EncryptForNewClientAsync(app, canary);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BlindIndex>().AddAsync(clientId, BlindIndexKind.Alias, canary);
            await scope.ServiceProvider.GetRequiredService<BakenDbContext>().SaveChangesAsync();
        }

        SqliteConnection.ClearAllPools();
        var bytes = Directory.EnumerateFiles(app.Database.DataDirectory, "baken.db*").SelectMany(File.ReadAllBytes).ToArray();
        bytes.Length.ShouldBeGreaterThan(0);
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)).ShouldBe(-1);
        bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(canary)).ShouldBe(-1);
    }

    [Theory]
    [Databases]
    public async Task Rotating_the_key_encryption_key_rewraps_every_key_and_keeps_data_readable(DatabaseProvider provider)
    {
        await using var app = new BakenAppFactory(provider, demo: false);
        app.StartServer();
        var (clientId, rowId, ciphertext) = await EncryptForNewClientAsync(app, "Rotatie");
        var before = await app.QueryAsync(db => db.Set<ClientKey>().AsNoTracking().SingleAsync(k => k.ClientId == clientId));

        using var output = new StringWriter();
        (await BakenCommands.RotateKeysAsync(app.Services, output)).ShouldBe(0, output.ToString());

        File.Exists(Path.Combine(app.Database.DataDirectory, "keys", "kek-v2.key")).ShouldBeTrue();
        (await app.QueryAsync(db => db.Set<ClientKey>().AllAsync(k => k.KekVersion == 2))).ShouldBeTrue();
        (await app.QueryAsync(db => db.Set<InstallationSecret>().AllAsync(s => s.KekVersion == 2))).ShouldBeTrue();
        var after = await app.QueryAsync(db => db.Set<ClientKey>().AsNoTracking().SingleAsync(k => k.ClientId == clientId));
        after.WrappedKey.ShouldNotBe(before.WrappedKey);
        (await DecryptAsync(app, clientId, "LegalName", rowId, ciphertext)).ShouldBe("Rotatie");
    }

    [Theory]
    [Databases]
    public async Task A_save_with_values_under_an_old_key_fails_after_another_request_rekeyed_the_client(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.QueryAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        var (clientId, _) = await app.CreateClientAsync(organisation, new Baken.Features.Clients.ClientIdentity { Alias = "Roos" });

        await using var slow = app.Services.CreateAsyncScope();
        var slowDb = slow.ServiceProvider.GetRequiredService<BakenDbContext>();
        var stale = await slowDb.Set<Baken.Features.Clients.Client>().SingleAsync(c => c.Id == clientId);
        stale.Alias = await slow.ServiceProvider.GetRequiredService<ClientCrypto>()
            .EncryptAsync(clientId, Table, nameof(Baken.Features.Clients.Client.Alias), clientId, "Roos nieuw");

        await using (var fast = app.Services.CreateAsyncScope())
        {
            await fast.ServiceProvider.GetRequiredService<ClientCrypto>().RekeyAsync(clientId);
            await fast.ServiceProvider.GetRequiredService<BakenDbContext>().SaveChangesAsync();
        }

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => slowDb.SaveChangesAsync());
        await using var check = app.Services.CreateAsyncScope();
        var alias = await check.ServiceProvider.GetRequiredService<BakenDbContext>().Set<Baken.Features.Clients.Client>()
            .Where(c => c.Id == clientId).Select(c => c.Alias).SingleAsync();
        (await check.ServiceProvider.GetRequiredService<ClientCrypto>().DecryptAsync(clientId, Table, "Alias", clientId, alias))
            .ShouldBe("Roos", "the stale write was refused and the stored value still reads under the new key");
    }

    [Theory]
    [Databases]
    public async Task A_rekey_fails_when_a_value_was_written_meanwhile_that_it_did_not_re_encrypt(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var organisation = await app.QueryAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        var (clientId, _) = await app.CreateClientAsync(organisation, new Baken.Features.Clients.ClientIdentity { Alias = "Dahlia" });

        await using var rekeying = app.Services.CreateAsyncScope();
        await rekeying.ServiceProvider.GetRequiredService<ClientCrypto>().RekeyAsync(clientId);

        await using (var writer = app.Services.CreateAsyncScope())
        {
            var db = writer.ServiceProvider.GetRequiredService<BakenDbContext>();
            var client = await db.Set<Baken.Features.Clients.Client>().SingleAsync(c => c.Id == clientId);
            client.Alias = await writer.ServiceProvider.GetRequiredService<ClientCrypto>()
                .EncryptAsync(clientId, Table, nameof(Baken.Features.Clients.Client.Alias), clientId, "Dahlia bis");
            await db.SaveChangesAsync();
        }

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => rekeying.ServiceProvider.GetRequiredService<BakenDbContext>().SaveChangesAsync());
        await using var check = app.Services.CreateAsyncScope();
        var alias = await check.ServiceProvider.GetRequiredService<BakenDbContext>().Set<Baken.Features.Clients.Client>()
            .Where(c => c.Id == clientId).Select(c => c.Alias).SingleAsync();
        (await check.ServiceProvider.GetRequiredService<ClientCrypto>().DecryptAsync(clientId, Table, "Alias", clientId, alias)).ShouldBe("Dahlia bis");
    }
}
