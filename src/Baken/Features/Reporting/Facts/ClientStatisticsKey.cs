using Baken.Infrastructure.Privacy;

namespace Baken.Features.Reporting.Facts;

/// <summary>
/// The one link between a client and their statistical facts (ADR 20). <see cref="Key"/> is a random id with no
/// relation to the client id, stored only encrypted under the client's own key: whoever reads the database cannot
/// join facts to clients, and erasure (shredding the key, deleting this row) leaves facts that point at nobody.
/// </summary>
public sealed class ClientStatisticsKey
{
    public const string Table = "ClientStatisticsKeys";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    /// <summary>The statistics key (a GUID as text), encrypted.</summary>
    [Classified(DataClass.PseudonymousKey, DataSubject.Client, Encrypted = true)]
    public required byte[] Key { get; set; }
}
