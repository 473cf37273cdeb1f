using Baken.Features.Clients;
using Baken.Features.Contact;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Intake;

public enum IntakeSource
{
    /// <summary>The person themself, through the portal's "I want to stop / I want help" form.</summary>
    SelfReferral = 1,

    /// <summary>A Verwijzer of a partner organisation, through the form.</summary>
    PartnerForm = 2,

    /// <summary>A partner system, through the token-authenticated JSON endpoint.</summary>
    PartnerSystem = 3,
}

/// <summary>What the referrer may see: received, accepted, not taken on. Never more.</summary>
public enum IntakeStatus
{
    Received = 1,
    Accepted = 2,
    NotTakenOn = 3,
}

/// <summary>How the person wants to be reached; <see cref="ReceiptCodeOnly"/> means only through the anonymous channel.</summary>
public enum IntakeContactChannel
{
    ReceiptCodeOnly = 1,
    Phone = 2,
    Email = 3,
    Messenger = 4,
    InfoCentre = 5,
    ViaReferrer = 6,
}

/// <summary>
/// An application for intake (aanmelding) in a receiving organisation's intake queue: a self-referral from the
/// portal or a referral in from a partner. What it says about the person is encrypted under the request's own
/// key; when it is taken on, a client is made and the text moves with them, and the request keeps only the link.
/// </summary>
[DataKeyOwner(nameof(Id))]
public sealed class IntakeRequest
{
    public const string Table = "IntakeRequests";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The organisation whose intake queue it is in.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public IntakeSource Source { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid? ReferrerUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid? ReferrerOrganisationId { get; init; }

    /// <summary>A partner system's own reference for it (so a resent request is recognised); not about the person.</summary>
    [Classified(DataClass.NotPersonal)]
    public string? ExternalReference { get; init; }

    /// <summary>The anonymous-channel conversation of a self-referral with a receipt code.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid? ReportId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public IntakeStatus Status { get; set; } = IntakeStatus.Received;

    [Classified(DataClass.NotPersonal)]
    public IntakeContactChannel ContactChannel { get; init; }

    /// <summary>The language the person prefers ("nl", "en", ...).</summary>
    [Classified(DataClass.NotPersonal)]
    public required string Language { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime ReceivedAtUtc { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? DecidedAtUtc { get; set; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid? DecidedByUserId { get; set; }

    /// <summary>The client made when it was taken on.</summary>
    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid? ClientId { get; set; }

    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? Alias { get; set; }

    /// <summary>Phone number, e-mail address or messenger handle, when that channel was chosen.</summary>
    [Classified(DataClass.Identifying, DataSubject.Client, Encrypted = true)]
    public byte[]? ContactDetails { get; set; }

    /// <summary>What the person (or the referrer) wrote about the question for help.</summary>
    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public byte[]? Message { get; set; }

    /// <summary>The team's internal note on the decision; never shown to the referrer.</summary>
    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public byte[]? DecisionNote { get; set; }

    /// <summary>A random value of the form that sent it: the same post sent twice stores one request.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid SubmissionKey { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int Version { get; set; }
}

/// <summary>
/// A token with which a partner system submits referrals for one Verwijzer of a partner organisation. Only a
/// SHA-256 hash of the token is kept (it is 256 random bits, so a slow hash adds nothing); the token is shown
/// once when it is made.
/// </summary>
public sealed class PartnerToken
{
    public const string Table = "PartnerTokens";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid UserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; init; }

    /// <summary>What the token is for, e.g. the partner system's name.</summary>
    [Classified(DataClass.NotPersonal)]
    public required string Name { get; init; }

    [Classified(DataClass.Secret)]
    public required byte[] TokenHash { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid CreatedByUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? LastUsedAtUtc { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? RevokedAtUtc { get; set; }
}

internal sealed class IntakeConfiguration : IEntityTypeConfiguration<IntakeRequest>, IEntityTypeConfiguration<PartnerToken>
{
    public void Configure(EntityTypeBuilder<IntakeRequest> builder)
    {
        builder.ToTable(IntakeRequest.Table);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.Property(r => r.ExternalReference).HasMaxLength(100);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.SubmissionKey).IsUnique();
        builder.HasIndex(r => new { r.OrganisationId, r.Status, r.ReceivedAtUtc });
        builder.HasIndex(r => new { r.ReferrerUserId, r.ReceivedAtUtc });
        builder.HasIndex(r => new { r.ReferrerOrganisationId, r.ExternalReference }).IsUnique().HasFilter("\"ExternalReference\" IS NOT NULL");
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(r => r.ReferrerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(r => r.ReferrerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(r => r.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AnonymousReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<PartnerToken> builder)
    {
        builder.ToTable(PartnerToken.Table);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.TokenHash).HasMaxLength(32);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
