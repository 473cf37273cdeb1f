using Baken.Features.Clients;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Contact;

public enum ReportKind
{
    Question = 1,
    Concern = 2,
}

public enum ReportStatus
{
    /// <summary>The reporter wrote last: waiting for the team.</summary>
    AwaitingTeam = 1,

    /// <summary>The team answered last: waiting for the reporter (or nothing more to do).</summary>
    Answered = 2,

    Closed = 3,
}

/// <summary>
/// A question or concern sent through the anonymous channel. Nobody knows who sent it: no account, no address,
/// no browser details. The reporter comes back with a receipt code, of which only a 4-character locator and a
/// slow salted hash are stored (see <see cref="ReceiptCode"/>). Messages are encrypted with the report's own key.
/// </summary>
[DataKeyOwner(nameof(Id))]
public sealed class AnonymousReport
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The first group of the receipt code, to find the report; the other 80 bits are only hashed.</summary>
    [Classified(DataClass.Secret)]
    public required string Locator { get; init; }

    [Classified(DataClass.Secret)]
    public required byte[] Salt { get; init; }

    /// <summary>PBKDF2-HMAC-SHA256 of the whole receipt code.</summary>
    [Classified(DataClass.Secret)]
    public required byte[] CodeHash { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int HashIterations { get; init; }

    [Classified(DataClass.NotPersonal)]
    public ReportKind Kind { get; init; }

    /// <summary>The language the reporter wrote in ("nl", "en"): replies follow it.</summary>
    [Classified(DataClass.NotPersonal)]
    public required string Language { get; init; }

    /// <summary>The organisation whose team answers.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public ReportStatus Status { get; set; } = ReportStatus.AwaitingTeam;

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime LastMessageAtUtc { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The signal made from this report, if any.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid? SignalId { get; set; }

    /// <summary>The client (intake) made from this report, if any.</summary>
    [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
    public Guid? ClientId { get; set; }

    /// <summary>A random value of the form that sent the report: the same post sent twice stores one report.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid SubmissionKey { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int Version { get; set; }
}

/// <summary>One message in a report's conversation, from the reporter or from a staff member.</summary>
[DataKeyOwner(nameof(ReportId))]
public sealed class ReportMessage
{
    public const string Table = "ReportMessages";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid ReportId { get; init; }

    /// <summary>Null when the reporter wrote it.</summary>
    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid? ByUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime AtUtc { get; init; }

    [Classified(DataClass.FreeText, DataSubject.Client, Encrypted = true)]
    public required byte[] Body { get; init; }

    /// <summary>A random value of the form that sent it: a replayed post adds nothing.</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid SubmissionKey { get; init; }

    public bool FromReporter => ByUserId is null;
}

internal sealed class AnonymousReportConfiguration : IEntityTypeConfiguration<AnonymousReport>, IEntityTypeConfiguration<ReportMessage>
{
    public void Configure(EntityTypeBuilder<AnonymousReport> builder)
    {
        builder.ToTable("AnonymousReports");
        builder.Property(r => r.Locator).HasMaxLength(4);
        builder.HasIndex(r => r.Locator).IsUnique();
        builder.Property(r => r.Salt).HasMaxLength(16);
        builder.Property(r => r.CodeHash).HasMaxLength(32);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.SubmissionKey).IsUnique();
        builder.HasIndex(r => new { r.OrganisationId, r.Status, r.LastMessageAtUtc });
        builder.HasIndex(r => r.ClosedAtUtc);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Signals.Signal>().WithMany().HasForeignKey(r => r.SignalId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<ReportMessage> builder)
    {
        builder.ToTable(ReportMessage.Table);
        builder.Ignore(m => m.FromReporter);
        builder.HasIndex(m => new { m.ReportId, m.AtUtc });
        builder.HasIndex(m => m.SubmissionKey).IsUnique();
        builder.HasOne<AnonymousReport>().WithMany().HasForeignKey(m => m.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(m => m.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
