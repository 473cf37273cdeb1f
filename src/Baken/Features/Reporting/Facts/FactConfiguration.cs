using Baken.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Reporting.Facts;

/// <summary>
/// Fact tables have no foreign keys to clients or trajectories on purpose: they outlive both. Their indexes follow
/// the report queries (a period on a date column, then the organisation).
/// </summary>
internal sealed class FactConfiguration :
    IEntityTypeConfiguration<ClientStatisticsKey>,
    IEntityTypeConfiguration<TrajectoryFact>,
    IEntityTypeConfiguration<DomainTrendFact>,
    IEntityTypeConfiguration<EventFact>,
    IEntityTypeConfiguration<OutreachTally>
{
    public void Configure(EntityTypeBuilder<ClientStatisticsKey> builder)
    {
        builder.ToTable(ClientStatisticsKey.Table);
        builder.HasIndex(k => k.ClientId).IsUnique();
        builder.HasOne<Client>().WithMany().HasForeignKey(k => k.ClientId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TrajectoryFact> builder)
    {
        builder.ToTable(TrajectoryFact.Table);
        builder.HasIndex(f => new { f.SubjectKey, f.Type, f.EndedOn });
        builder.HasIndex(f => new { f.Type, f.StartedOn, f.EndedOn });
        builder.HasIndex(f => new { f.Type, f.EndedOn });
    }

    public void Configure(EntityTypeBuilder<DomainTrendFact> builder)
    {
        builder.ToTable(DomainTrendFact.Table);
        // Covers the life-domain table: a range over the period's days, filtered and counted from the index alone.
        builder.HasIndex(f => new { f.Type, f.On, f.SupersededOn, f.DomainId, f.Trend, f.OrganisationId, f.SubjectKey });
        builder.HasIndex(f => new { f.SubjectKey, f.DomainId, f.On });
        builder.HasIndex(f => new { f.EpisodeId, f.On });
    }

    public void Configure(EntityTypeBuilder<EventFact> builder)
    {
        builder.ToTable(EventFact.Table);
        builder.HasIndex(f => new { f.Kind, f.On });
        builder.HasIndex(f => f.SourceId).HasFilter("\"SourceId\" IS NOT NULL");
    }

    public void Configure(EntityTypeBuilder<OutreachTally> builder)
    {
        builder.ToTable(OutreachTally.Table);

        // The key leads with the month, so a period is one range of the key; it is also the conflict target of
        // the upsert that counts a contact.
        builder.HasKey(t => new { t.Month, t.OrganisationId, t.Gender, t.AgeBand, t.IsNew });
    }
}
