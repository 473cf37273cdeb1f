using Baken.Features.Admin;
using Baken.Features.Setup;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Data;

/// <summary>
/// The one DbContext. Each database provider has a derived context that owns its own migration set
/// (see <see cref="SqliteBakenDbContext"/> and <see cref="PostgresBakenDbContext"/>).
/// </summary>
public abstract class BakenDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ProcessingLogEntry> ProcessingLog => Set<ProcessingLogEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BakenDbContext).Assembly);
    }
}

public sealed class SqliteBakenDbContext(DbContextOptions<SqliteBakenDbContext> options) : BakenDbContext(options);

public sealed class PostgresBakenDbContext(DbContextOptions<PostgresBakenDbContext> options) : BakenDbContext(options);
