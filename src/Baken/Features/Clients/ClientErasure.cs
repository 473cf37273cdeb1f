using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;

namespace Baken.Features.Clients;

/// <summary>
/// The one erasure path, used for the right to erasure (AVG art. 17) and for expired retention periods alike: the
/// client's data key is shredded and every row about the client is deleted (cascade), in one transaction. What
/// stays is the processing log, which names only the pseudonymous id, and the audit record of who erased.
/// </summary>
public sealed class ClientErasure(BakenDbContext db, ClientCrypto crypto, ProcessingLogWriter processingLog, AuditLog audit)
{
    /// <summary>Erasure asked for by the client, carried out by the signed-in staff member.</summary>
    public const string OnRequest = "ClientErased";

    /// <summary>Erasure because the retention period ended, carried out by the system.</summary>
    public const string RetentionExpired = "ClientErasedRetentionExpired";

    public async Task EraseAsync(Client client, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await crypto.ShredAsync(client.Id, cancellationToken);
        db.Remove(client);
        processingLog.Record(ProcessingActivities.CaseManagement, reason, client.Id);
        audit.Record(reason, nameof(Client), client.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
