using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Outreach;

[Flags]
public enum AdIndicators
{
    None = 0,
    SignsOfMinor = 1,
    ThirdPartyControl = 2,
    SameNumberManyAds = 4,
    InconsistentLanguage = 8,
    LocationHopping = 16,
    Other = 32,
}

public enum AdOutcome
{
    Nothing = 1,
    ContactMade = 2,
    Signal = 3,
}

/// <summary>
/// A review of one online ad. The ad itself is never stored, no link, text or screenshot: only a keyed hash of
/// its reference, so a later review recognises the same ad.
/// </summary>
public sealed class AdReview
{
    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; init; }

    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid ReviewedByUserId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly ReviewedOn { get; init; }

    /// <summary>The platform (an online place of the managed list).</summary>
    [Classified(DataClass.NotPersonal)]
    public Guid LocationId { get; init; }

    /// <summary>HMAC-SHA256 of the normalised ad reference (see <c>BlindIndex.KeyedHashAsync</c>).</summary>
    [Classified(DataClass.Secret)]
    public required byte[] AdHash { get; init; }

    [Classified(DataClass.NotPersonal)]
    public AdIndicators Indicators { get; init; }

    [Classified(DataClass.NotPersonal)]
    public AdOutcome Outcome { get; init; }
}

internal sealed class AdReviewConfiguration : IEntityTypeConfiguration<AdReview>
{
    public void Configure(EntityTypeBuilder<AdReview> builder)
    {
        builder.ToTable("AdReviews");
        builder.Property(r => r.AdHash).HasMaxLength(32);
        builder.HasIndex(r => r.AdHash);
        builder.HasIndex(r => new { r.OrganisationId, r.ReviewedOn });
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OutreachLocation>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(r => r.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
