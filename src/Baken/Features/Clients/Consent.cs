using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Clients;

public enum ConsentPurpose
{
    CaseManagement = 1,
    Referral = 2,
    EmployerSharing = 3,
    Contact = 4,
    Statistics = 5,
}

public enum LegalBasis
{
    Consent = 1,
    VitalInterest = 2,
    LegalObligation = 3,
}

/// <summary>
/// One consent (or other legal basis) of a client for a purpose, towards a named organisation where that matters.
/// Never edited: withdrawing sets the withdrawal date, and a new decision is a new row, so the history stays.
/// </summary>
public sealed class Consent
{
    public const string Table = "Consents";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public ConsentPurpose Purpose { get; init; }

    /// <summary>The organisation the data may go to (referral, employer), when the purpose names one.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid? RecipientOrganisationId { get; init; }

    /// <summary>For contact consent: which channel (phone, e-mail, messenger, info centre).</summary>
    [Classified(DataClass.NotPersonal)]
    public string? Channel { get; init; }

    [Classified(DataClass.NotPersonal)]
    public LegalBasis LegalBasis { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime GivenAtUtc { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid RecordedByUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? WithdrawnAtUtc { get; set; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid? WithdrawnByUserId { get; set; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public byte[]? Note { get; init; }
}

/// <summary>
/// A team lead's decision to share without consent, for one purpose towards one organisation, with the reason
/// (encrypted, it may name the client). It holds for <see cref="ConsentCheck.OverrideValidFor"/>, long enough for
/// the sharing it was made for, not as a standing permission.
/// </summary>
public sealed class ConsentOverride
{
    public const string Table = "ConsentOverrides";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid ClientId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public ConsentPurpose Purpose { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid? RecipientOrganisationId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid ByUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime AtUtc { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public required byte[] Reason { get; init; }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>, IEntityTypeConfiguration<ConsentOverride>
{
    public void Configure(EntityTypeBuilder<ConsentOverride> builder)
    {
        builder.ToTable(ConsentOverride.Table);
        builder.HasIndex(o => new { o.ClientId, o.Purpose });
        builder.HasOne<Client>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(o => o.RecipientOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable(Consent.Table);
        builder.Property(c => c.Channel).HasMaxLength(20);
        builder.HasIndex(c => new { c.ClientId, c.Purpose });
        builder.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(c => c.RecipientOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
