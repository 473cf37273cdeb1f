using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Clients;

/// <summary>
/// Writes and reads client records: encrypts every personal field with the client's key, keeps the blind index
/// in step and records each read and change in the processing log. Pages use this, never the columns directly.
/// </summary>
public sealed class ClientRecords(BakenDbContext db, ClientCrypto crypto, BlindIndex blindIndex, ProcessingLogWriter processingLog, TimeProvider timeProvider)
{
    public async Task<Client> CreateAsync(IdentityLevel level, ClientIdentity identity, Guid organisationId, Guid createdBy, CancellationToken cancellationToken)
    {
        var code = ClientCode.New();
        while (await db.Set<Client>().AnyAsync(c => c.Code == code, cancellationToken))
        {
            code = ClientCode.New();
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var client = new Client { Code = code, Level = level, OrganisationId = organisationId, CreatedAtUtc = now, LastActivityAtUtc = now };
        crypto.CreateKey(client.Id);
        await WriteAsync(client, identity.LimitedTo(level), cancellationToken);
        db.Add(client);
        db.Add(new ClientTeamMember { ClientId = client.Id, UserId = createdBy, FromUtc = now });
        processingLog.Record(ProcessingActivities.CaseManagement, "ClientCreated", client.Id);
        return client;
    }

    /// <summary>
    /// Corrects the identity and changes the level: fields above the new level are dropped, the search entries are
    /// rebuilt, and the change is logged. When a field is erased (going down a level, or emptied), the client gets a
    /// new data key, so the erased value is crypto-shredded. Returns the names of the fields that changed (never their values).
    /// </summary>
    public async Task<List<string>> UpdateAsync(Client client, IdentityLevel level, ClientIdentity identity, CancellationToken cancellationToken)
    {
        var before = await ReadAsync(client, "ClientCorrectionOpened", cancellationToken);
        var after = identity.LimitedTo(level);
        var changed = typeof(ClientIdentity).GetProperties()
            .Where(p => !string.Equals(Normalised(p.GetValue(before) as string), Normalised(p.GetValue(after) as string), StringComparison.Ordinal))
            .Select(p => p.Name)
            .ToList();
        if (client.Level != level)
        {
            changed.Add(nameof(Client.Level));
        }

        if (changed.Count == 0)
        {
            return changed;
        }

        var erased = typeof(ClientIdentity).GetProperties()
            .Any(p => Normalised(p.GetValue(before) as string) is not null && Normalised(p.GetValue(after) as string) is null);
        if (erased)
        {
            await crypto.RekeyAsync(client.Id, cancellationToken);
        }

        client.Level = level;
        MarkActive(client);
        db.RemoveRange(await db.Set<BlindIndexEntry>().Where(e => e.ClientId == client.Id).ToListAsync(cancellationToken));
        await WriteAsync(client, after, cancellationToken);
        processingLog.Record(ProcessingActivities.CaseManagement, "ClientCorrected", client.Id);
        return changed;
    }

    /// <summary>Records that the file was worked on: its retention period starts again from now.</summary>
    public void MarkActive(Client client) => client.LastActivityAtUtc = timeProvider.GetUtcNow().UtcDateTime;

    private static string? Normalised(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Decrypts a client's identity and records the read.</summary>
    public async Task<ClientIdentity> ReadAsync(Client client, string action, CancellationToken cancellationToken)
    {
        async Task<string?> Field(string column, byte[]? value) =>
            await crypto.DecryptAsync(client.Id, Client.Table, column, client.Id, value, cancellationToken);

        var identity = new ClientIdentity
        {
            Alias = await Field(nameof(Client.Alias), client.Alias),
            ContactChannel = await Field(nameof(Client.ContactChannel), client.ContactChannel),
            ContactValue = await Field(nameof(Client.ContactValue), client.ContactValue),
            LegalName = await Field(nameof(Client.LegalName), client.LegalName),
            DateOfBirth = await Field(nameof(Client.DateOfBirth), client.DateOfBirth),
            Bsn = await Field(nameof(Client.Bsn), client.Bsn),
            Nationality = await Field(nameof(Client.Nationality), client.Nationality),
            Address = await Field(nameof(Client.Address), client.Address),
            Phone = await Field(nameof(Client.Phone), client.Phone),
            Email = await Field(nameof(Client.Email), client.Email),
            Languages = await Field(nameof(Client.Languages), client.Languages),
            GenderIdentity = await Field(nameof(Client.GenderIdentity), client.GenderIdentity),
        };
        processingLog.Record(ProcessingActivities.CaseManagement, action, client.Id);
        return identity;
    }

    /// <summary>The aliases shown in a list: one key query for the whole page, one processing-log entry per client.</summary>
    public async Task<Dictionary<Guid, string?>> ReadAliasesAsync(IReadOnlyCollection<(Guid Id, byte[]? Alias)> clients, CancellationToken cancellationToken)
    {
        await crypto.PreloadKeysAsync(clients.Select(c => c.Id), cancellationToken);
        var aliases = new Dictionary<Guid, string?>();
        foreach (var (id, alias) in clients)
        {
            aliases[id] = await crypto.DecryptAsync(id, Client.Table, nameof(Client.Alias), id, alias, cancellationToken);
            processingLog.Record(ProcessingActivities.CaseManagement, "ClientListed", id);
        }

        return aliases;
    }

    /// <summary>Clients that may be the same person: equal alias, phone, e-mail, or name with date of birth.</summary>
    public async Task<List<Guid>> FindPossibleDuplicatesAsync(ClientIdentity identity, CancellationToken cancellationToken)
    {
        var matches = new HashSet<Guid>();
        matches.UnionWith(await blindIndex.FindClientsAsync(BlindIndexKind.Alias, identity.Alias, cancellationToken));
        matches.UnionWith(await blindIndex.FindClientsAsync(BlindIndexKind.Phone, identity.Phone, cancellationToken));
        matches.UnionWith(await blindIndex.FindClientsAsync(BlindIndexKind.Email, identity.Email, cancellationToken));
        if (!string.IsNullOrWhiteSpace(identity.LegalName) && !string.IsNullOrWhiteSpace(identity.DateOfBirth))
        {
            matches.UnionWith(await blindIndex.FindClientsAsync(BlindIndexKind.NameAndBirthDate, $"{identity.LegalName}|{identity.DateOfBirth}", cancellationToken));
        }

        return [.. matches];
    }

    /// <summary>Clients found by a search term: their code, or an exact alias, name, phone or e-mail.</summary>
    public async Task<List<Guid>> SearchAsync(string term, CancellationToken cancellationToken)
    {
        if (ClientCode.Normalise(term) is { } code)
        {
            return await db.Set<Client>().Where(c => c.Code == code).Select(c => c.Id).ToListAsync(cancellationToken);
        }

        var found = new HashSet<Guid>();
        foreach (var kind in new[] { BlindIndexKind.Alias, BlindIndexKind.Name, BlindIndexKind.Phone, BlindIndexKind.Email })
        {
            found.UnionWith(await blindIndex.FindClientsAsync(kind, term, cancellationToken));
        }

        return [.. found];
    }

    private async Task WriteAsync(Client client, ClientIdentity identity, CancellationToken cancellationToken)
    {
        async Task<byte[]?> Field(string column, string? value) =>
            await crypto.EncryptAsync(client.Id, Client.Table, column, client.Id, string.IsNullOrWhiteSpace(value) ? null : value.Trim(), cancellationToken);

        client.Alias = await Field(nameof(Client.Alias), identity.Alias);
        client.ContactChannel = await Field(nameof(Client.ContactChannel), identity.ContactChannel);
        client.ContactValue = await Field(nameof(Client.ContactValue), identity.ContactValue);
        client.LegalName = await Field(nameof(Client.LegalName), identity.LegalName);
        client.DateOfBirth = await Field(nameof(Client.DateOfBirth), identity.DateOfBirth);
        client.Bsn = await Field(nameof(Client.Bsn), identity.Bsn);
        client.Nationality = await Field(nameof(Client.Nationality), identity.Nationality);
        client.Address = await Field(nameof(Client.Address), identity.Address);
        client.Phone = await Field(nameof(Client.Phone), identity.Phone);
        client.Email = await Field(nameof(Client.Email), identity.Email);
        client.Languages = await Field(nameof(Client.Languages), identity.Languages);
        client.GenderIdentity = await Field(nameof(Client.GenderIdentity), identity.GenderIdentity);

        await blindIndex.AddAsync(client.Id, BlindIndexKind.Alias, identity.Alias, cancellationToken);
        await blindIndex.AddAsync(client.Id, BlindIndexKind.Name, identity.LegalName, cancellationToken);
        await blindIndex.AddAsync(client.Id, BlindIndexKind.Phone, identity.Phone ?? (identity.ContactChannel == "phone" ? identity.ContactValue : null), cancellationToken);
        await blindIndex.AddAsync(client.Id, BlindIndexKind.Email, identity.Email ?? (identity.ContactChannel == "email" ? identity.ContactValue : null), cancellationToken);
        if (!string.IsNullOrWhiteSpace(identity.LegalName) && !string.IsNullOrWhiteSpace(identity.DateOfBirth))
        {
            await blindIndex.AddAsync(client.Id, BlindIndexKind.NameAndBirthDate, $"{identity.LegalName}|{identity.DateOfBirth}", cancellationToken);
        }
    }
}
