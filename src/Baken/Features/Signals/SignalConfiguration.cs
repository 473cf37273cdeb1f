using Baken.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Signals;

internal sealed class SignalConfiguration :
    IEntityTypeConfiguration<Signal>, IEntityTypeConfiguration<SignalIndicator>, IEntityTypeConfiguration<SignalIndicatorMark>,
    IEntityTypeConfiguration<SignalEvent>, IEntityTypeConfiguration<SignalHandover>
{
    public void Configure(EntityTypeBuilder<Signal> builder)
    {
        builder.ToTable(Signal.Table);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsOpen);
        builder.HasIndex(s => new { s.OrganisationId, s.Status, s.RespondByUtc });
        builder.HasIndex(s => s.AssignedToUserId);
        builder.HasIndex(s => s.RaisedByUserId);
        builder.HasIndex(s => s.ClientId);
        builder.HasIndex(s => s.ClosedAtUtc);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(s => s.RaisedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(s => s.AssignedToUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SignalIndicator> builder)
    {
        builder.ToTable("SignalIndicators");
        builder.Property(i => i.Name).HasMaxLength(150);
        builder.HasIndex(i => i.Name).IsUnique();
        builder.HasData(SignalDefaults.Indicators);
    }

    public void Configure(EntityTypeBuilder<SignalIndicatorMark> builder)
    {
        builder.ToTable("SignalIndicatorMarks");
        builder.HasKey(m => new { m.SignalId, m.IndicatorId });
        builder.HasIndex(m => m.IndicatorId);
        builder.HasOne<Signal>().WithMany().HasForeignKey(m => m.SignalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SignalIndicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SignalEvent> builder)
    {
        builder.ToTable(SignalEvent.Table);
        builder.HasIndex(e => new { e.SignalId, e.AtUtc });
        builder.HasOne<Signal>().WithMany().HasForeignKey(e => e.SignalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(e => e.ByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(e => e.AssignedToUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SignalHandover> builder)
    {
        builder.ToTable(SignalHandover.Table);
        builder.HasIndex(h => h.SignalId);
        builder.HasIndex(h => h.RecipientOrganisationId);
        builder.HasOne<Signal>().WithMany().HasForeignKey(h => h.SignalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Admin.Organisation>().WithMany().HasForeignKey(h => h.RecipientOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(h => h.RequestedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Admin.StaffUser>().WithMany().HasForeignKey(h => h.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A starting list of indicators, for the organisation to adapt (Beheer › Signaalindicatoren).</summary>
public static class SignalDefaults
{
    public static readonly SignalIndicator[] Indicators =
    [
        Indicator(1, "Heeft geen eigen identiteitsbewijs of bankpas"),
        Indicator(2, "Heeft een schuld bij een werkgever, bemiddelaar of partner"),
        Indicator(3, "Iemand anders praat of beslist voor de persoon"),
        Indicator(4, "Werkt zeer lange dagen of zonder vrije dagen"),
        Indicator(5, "Moet (een groot deel van) de verdiensten afstaan"),
        Indicator(6, "Zichtbaar letsel of andere tekenen van geweld"),
        Indicator(7, "Woont op de werkplek of in huisvesting van een derde"),
        Indicator(8, "Lijkt minderjarig"),
        Indicator(9, "Oudere 'vriend' die cadeaus geeft en daarna iets terugvraagt"),
        Indicator(10, "Wordt vaak verplaatst tussen steden of adressen"),
        Indicator(11, "Angstig, of vertelt een ingestudeerd verhaal"),
        Indicator(12, "Kent het eigen werk- of woonadres niet"),
    ];

    private static SignalIndicator Indicator(int number, string name) =>
        new() { Id = new Guid($"51000000-0000-7000-8000-{number:D12}"), Name = name };
}
