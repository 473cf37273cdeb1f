using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Rules;

/// <summary>Whether the rules a page describes apply now or are still coming (a bill, e.g. the WRS).</summary>
public enum LegalStatus
{
    InForce = 1,
    NotYetInForce = 2,
}

/// <summary>
/// One version of a public content page about the rules for sex work, in one language. Never edited: a change
/// is a new version, so what the portal said on a given day can be shown. The page shows the highest version.
/// The body is Markdown, rendered through a sanitiser (no HTML of its own, no scripts, no images from elsewhere).
/// </summary>
public sealed class RulePage
{
    public const string Table = "RulePages";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The page's address part, e.g. "vergunning" (the same for every language).</summary>
    [Classified(DataClass.NotPersonal)]
    public required string Slug { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string Language { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int Version { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int SortOrder { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string Title { get; init; }

    /// <summary>One or two sentences for the overview.</summary>
    [Classified(DataClass.NotPersonal)]
    public required string Summary { get; init; }

    [Classified(DataClass.NotPersonal)]
    public required string BodyMarkdown { get; init; }

    [Classified(DataClass.NotPersonal)]
    public LegalStatus LegalStatus { get; init; } = LegalStatus.InForce;

    /// <summary>The date the legal status was last checked or changed (e.g. the bill's latest step).</summary>
    [Classified(DataClass.NotPersonal)]
    public DateOnly? StatusDate { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly LastReviewedOn { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime PublishedAtUtc { get; init; }

    /// <summary>Who published this version (null for the seeded text).</summary>
    [Classified(DataClass.PseudonymousKey, DataSubject.Staff)]
    public Guid? ByUserId { get; init; }
}

internal sealed class RulePageConfiguration : IEntityTypeConfiguration<RulePage>
{
    public void Configure(EntityTypeBuilder<RulePage> builder)
    {
        builder.ToTable(RulePage.Table);
        builder.Property(p => p.Slug).HasMaxLength(60);
        builder.Property(p => p.Language).HasMaxLength(8);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Summary).HasMaxLength(500);
        builder.Property(p => p.BodyMarkdown).HasMaxLength(20000);
        builder.HasIndex(p => new { p.Slug, p.Language, p.Version }).IsUnique();
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(p => p.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
