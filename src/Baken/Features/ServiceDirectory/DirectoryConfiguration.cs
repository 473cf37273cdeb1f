using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.ServiceDirectory;

internal sealed class DirectoryConfiguration :
    IEntityTypeConfiguration<DirectoryOrganization>, IEntityTypeConfiguration<DirectoryService>, IEntityTypeConfiguration<DirectoryLocation>,
    IEntityTypeConfiguration<DirectoryServiceAtLocation>, IEntityTypeConfiguration<DirectorySchedule>, IEntityTypeConfiguration<DirectoryPhone>,
    IEntityTypeConfiguration<DirectoryLanguage>, IEntityTypeConfiguration<DirectoryContact>, IEntityTypeConfiguration<TaxonomyTerm>,
    IEntityTypeConfiguration<ServiceTerm>
{
    public void Configure(EntityTypeBuilder<DirectoryOrganization> builder)
    {
        builder.ToTable("DirectoryOrganizations");
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.AlternateName).HasMaxLength(200);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.Property(o => o.Email).HasMaxLength(254);
        builder.Property(o => o.Website).HasMaxLength(500);
        builder.HasIndex(o => o.Name);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<DirectoryService> builder)
    {
        builder.ToTable("DirectoryServices");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.AlternateName).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.Property(s => s.Url).HasMaxLength(500);
        builder.Property(s => s.Email).HasMaxLength(254);
        foreach (var text in new[] { nameof(DirectoryService.InterpretationServices), nameof(DirectoryService.ApplicationProcess), nameof(DirectoryService.FeesDescription), nameof(DirectoryService.EligibilityDescription) })
        {
            builder.Property(text).HasMaxLength(2000);
        }

        builder.HasIndex(s => new { s.OrganizationId, s.Name });
        builder.HasIndex(s => s.Name);
        builder.HasOne<DirectoryOrganization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DirectoryLocation> builder)
    {
        builder.ToTable("DirectoryLocations");
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Description).HasMaxLength(2000);
        builder.Property(l => l.Url).HasMaxLength(500);
        builder.Property(l => l.Address1).HasMaxLength(200);
        builder.Property(l => l.PostalCode).HasMaxLength(20);
        builder.Property(l => l.City).HasMaxLength(100);
        builder.Property(l => l.Province).HasMaxLength(100);
        builder.Property(l => l.Country).HasMaxLength(2);
        builder.HasIndex(l => l.OrganizationId);
        builder.HasOne<DirectoryOrganization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DirectoryServiceAtLocation> builder)
    {
        builder.ToTable("DirectoryServiceAtLocations");
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.HasIndex(s => new { s.ServiceId, s.LocationId }).IsUnique();
        builder.HasIndex(s => s.LocationId);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DirectoryLocation>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DirectorySchedule> builder)
    {
        builder.ToTable("DirectorySchedules");
        builder.Property(s => s.ByDay).HasMaxLength(40);
        builder.Property(s => s.Description).HasMaxLength(500);
        builder.HasIndex(s => s.ServiceId);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        // Hours held at a place go with the link to it: left behind without a place, hours at a confidential
        // location would otherwise become public.
        builder.HasOne<DirectoryServiceAtLocation>().WithMany().HasForeignKey(s => s.ServiceAtLocationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DirectoryPhone> builder)
    {
        builder.ToTable("DirectoryPhones");
        builder.Property(p => p.Number).HasMaxLength(40);
        builder.Property(p => p.Type).HasMaxLength(20);
        builder.Property(p => p.Description).HasMaxLength(500);
        builder.HasIndex(p => p.ServiceId);
        builder.HasIndex(p => p.OrganizationId);
        builder.HasOne<DirectoryOrganization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DirectoryLanguage> builder)
    {
        builder.ToTable("DirectoryLanguages");
        builder.Property(l => l.Code).HasMaxLength(8);
        builder.Property(l => l.Name).HasMaxLength(60);
        builder.HasIndex(l => new { l.ServiceId, l.Code }).IsUnique();
        builder.HasIndex(l => l.Code);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DirectoryContact> builder)
    {
        builder.ToTable("DirectoryContacts");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.HasIndex(c => c.ServiceId);
        builder.HasIndex(c => c.OrganizationId);
        builder.HasOne<DirectoryOrganization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TaxonomyTerm> builder)
    {
        builder.ToTable("TaxonomyTerms");
        builder.Property(t => t.Code).HasMaxLength(60);
        builder.Property(t => t.Name).HasMaxLength(120);
        builder.Property(t => t.Description).HasMaxLength(500);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.HasData(DirectoryDefaults.Terms);
    }

    public void Configure(EntityTypeBuilder<ServiceTerm> builder)
    {
        builder.ToTable("ServiceTerms");
        builder.HasIndex(t => new { t.ServiceId, t.TermId }).IsUnique();
        builder.HasIndex(t => t.TermId);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TaxonomyTerm>().WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The directory's taxonomies: topics and target groups, with stable codes (Dutch names; the portal translates).</summary>
public static class DirectoryDefaults
{
    public static readonly TaxonomyTerm[] Terms =
    [
        Term(1, TaxonomyKind.Topic, "topic-health", "Gezondheid", "Lichamelijke en seksuele gezondheid, soa-testen, medische zorg."),
        Term(2, TaxonomyKind.Topic, "topic-safety", "Veiligheid", "Veilig werken, geweld voorkomen, hulp bij bedreiging."),
        Term(3, TaxonomyKind.Topic, "topic-rules", "Regels en vergunningen", "Wat mag wel en niet, vergunningen, registratie."),
        Term(4, TaxonomyKind.Topic, "topic-exit", "Uitstappen", "Stoppen met sekswerk en een nieuw begin maken."),
        Term(5, TaxonomyKind.Topic, "topic-housing", "Wonen en opvang", "Een dak boven je hoofd, opvang, woonbegeleiding."),
        Term(6, TaxonomyKind.Topic, "topic-money", "Geld en schulden", "Inkomen, uitkering, schulden, belasting."),
        Term(7, TaxonomyKind.Topic, "topic-violence", "Geweld en uitbuiting", "Hulp bij geweld, dwang, mensenhandel en grooming."),
        Term(8, TaxonomyKind.Topic, "topic-residence", "Verblijfsstatus", "Verblijfsvergunning, ongedocumenteerd zijn, rechten."),
        Term(9, TaxonomyKind.Topic, "topic-return", "Terugkeer", "Terug naar het land van herkomst, met hulp."),
        Term(10, TaxonomyKind.Topic, "topic-work", "Werk en opleiding", "Ander werk vinden, opleiding, jobcoaching."),
        Term(11, TaxonomyKind.Topic, "topic-legal", "Juridische hulp", "Advies over recht, aangifte doen, slachtofferhulp."),
        Term(21, TaxonomyKind.TargetGroup, "group-sexworkers", "Sekswerkers", "Mensen die nu sekswerk doen."),
        Term(22, TaxonomyKind.TargetGroup, "group-former", "Ex-sekswerkers", "Mensen die gestopt zijn of willen stoppen."),
        Term(23, TaxonomyKind.TargetGroup, "group-men", "Jongens en mannen", "Jongens en mannen die seks verkopen."),
        Term(24, TaxonomyKind.TargetGroup, "group-trans", "Transgender personen", "Transgender en non-binaire sekswerkers."),
        Term(25, TaxonomyKind.TargetGroup, "group-young", "Jongeren", "Jongeren tot 23 jaar, ook wie zich zorgen maakt."),
        Term(26, TaxonomyKind.TargetGroup, "group-undocumented", "Ongedocumenteerden", "Mensen zonder verblijfsvergunning."),
        Term(27, TaxonomyKind.TargetGroup, "group-eu-migrants", "EU-migranten", "Mensen uit andere EU-landen, ook zonder vaste woonplek."),
        Term(28, TaxonomyKind.TargetGroup, "group-victims", "Slachtoffers van uitbuiting", "Mensen die gedwongen worden of werden."),
        Term(29, TaxonomyKind.TargetGroup, "group-concerned", "Betrokkenen", "Familie, vrienden en anderen die zich zorgen maken."),
    ];

    private static TaxonomyTerm Term(int number, TaxonomyKind kind, string code, string name, string description) =>
        new() { Id = new Guid($"7e000000-0000-7000-8000-{number:D12}"), Kind = kind, Code = code, Name = name, Description = description };
}
