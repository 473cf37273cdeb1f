using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baken.Features.Admin;

/// <summary>The roles are reference data shipped with the migrations, with fixed ids.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(Roles.All.Select((name, index) => new IdentityRole<Guid>
        {
            Id = new Guid($"00000000-0000-0000-0000-{index + 1:D12}"),
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = name,
        }));
}
