using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Clients;

/// <summary>Everything Baken holds about one client, for the right of access (AVG art. 15).</summary>
public sealed record ClientExport(
    string Code,
    IdentityLevel Level,
    DateTime RegisteredAtUtc,
    ClientIdentity Identity,
    IReadOnlyList<ClientExport.ConsentLine> Consents,
    IReadOnlyList<string> TeamOrganisations,
    IReadOnlyList<ClientExport.ProcessingLine> Processing)
{
    public sealed record ConsentLine(ConsentPurpose Purpose, string? Recipient, LegalBasis LegalBasis, DateTime GivenAtUtc, DateTime? WithdrawnAtUtc, string? Note);

    /// <summary>One processing-log entry: which organisation and role did what, when, why; no staff names.</summary>
    public sealed record ProcessingLine(DateTime AtUtc, string Action, string Activity, string? Organisation, string? Roles, ProcessingStatus Status);
}

/// <summary>Builds a <see cref="ClientExport"/>, recording the export itself in the processing log.</summary>
public sealed class ClientExporter(BakenDbContext db, ClientRecords records, ClientCrypto crypto)
{
    public async Task<ClientExport> ExportAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var client = await db.Set<Client>().AsNoTracking().SingleAsync(c => c.Id == clientId, cancellationToken);
        var identity = await records.ReadAsync(client, "ClientExported", cancellationToken);
        var consents = new List<ClientExport.ConsentLine>();
        foreach (var c in await db.Set<Consent>().AsNoTracking().Where(c => c.ClientId == clientId).OrderBy(c => c.GivenAtUtc)
            .Select(c => new { c.Id, c.Purpose, Recipient = db.Organisations.Where(o => o.Id == c.RecipientOrganisationId).Select(o => o.Name).FirstOrDefault(), c.LegalBasis, c.GivenAtUtc, c.WithdrawnAtUtc, c.Note })
            .ToListAsync(cancellationToken))
        {
            var note = await crypto.DecryptAsync(clientId, Consent.Table, nameof(Consent.Note), c.Id, c.Note, cancellationToken);
            consents.Add(new ClientExport.ConsentLine(c.Purpose, c.Recipient, c.LegalBasis, c.GivenAtUtc, c.WithdrawnAtUtc, note));
        }

        var team = await db.Set<ClientTeamMember>().AsNoTracking().Where(m => m.ClientId == clientId && m.ToUtc == null)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Organisation!.Name)
            .Distinct()
            .ToListAsync(cancellationToken);
        var processing = await db.ProcessingLog.AsNoTracking().Where(e => e.SubjectId == clientId).OrderBy(e => e.Sequence)
            .Join(db.Set<ProcessingActivity>(), e => e.ProcessingActivityId, a => a.Id, (e, a) => new ClientExport.ProcessingLine(
                e.EndedAtUtc, e.Action, a.Name,
                db.Organisations.Where(o => o.Id == e.Actor.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                e.Actor.Roles, e.Status))
            .ToListAsync(cancellationToken);
        return new ClientExport(client.Code, client.Level, client.CreatedAtUtc, identity, consents, team, processing);
    }
}
