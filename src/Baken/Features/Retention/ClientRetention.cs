using Baken.Features.Clients;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Baken.Features.Retention;

/// <summary>
/// Something another feature needs a client file for, so it must not expire (an open trajectory, for one). Each
/// registered hold names the clients it keeps; the retention job and the expiring-soon list leave them alone.
/// </summary>
public interface IClientRetentionHold
{
    IQueryable<Guid> ClientsToKeep(BakenDbContext db);
}

/// <summary>
/// When a client file expires: its retention period (by identity level) counted from the last activity, or the
/// date a case manager chose to keep it until, whichever is later. Restricted files never expire while
/// restricted (the restriction is usually there because something is disputed), nor do files under a hold.
/// </summary>
public sealed class ClientRetention(BakenDbContext db, IOptions<RetentionOptions> options, IEnumerable<IClientRetentionHold> holds, TimeProvider timeProvider)
{
    private RetentionOptions Policy => options.Value;

    public DateTime ExpiresAtUtc(IdentityLevel level, DateTime lastActivityAtUtc, DateTime? keepUntilUtc)
    {
        var byPolicy = lastActivityAtUtc.AddMonths(level == IdentityLevel.Anonymous ? Policy.AnonymousClientMonths : Policy.ClientFileMonths);
        return keepUntilUtc is { } keep && keep > byPolicy ? keep : byPolicy;
    }

    /// <summary>Clients whose file expires on or before <paramref name="moment"/>, out of <paramref name="clients"/>.</summary>
    public IQueryable<Client> ExpiringBy(IQueryable<Client> clients, DateTime moment)
    {
        var fileCutoff = moment.AddMonths(-Policy.ClientFileMonths);
        var anonymousCutoff = moment.AddMonths(-Policy.AnonymousClientMonths);
        var expiring = clients.Where(c => c.RestrictedAtUtc == null
            && (c.KeepUntilUtc == null || c.KeepUntilUtc <= moment)
            && (c.Level == IdentityLevel.Anonymous ? c.LastActivityAtUtc <= anonymousCutoff : c.LastActivityAtUtc <= fileCutoff));
        foreach (var hold in holds)
        {
            var kept = hold.ClientsToKeep(db);
            expiring = expiring.Where(c => !kept.Contains(c.Id));
        }

        return expiring;
    }

    /// <summary>Files that have expired now: what the daily job erases.</summary>
    public IQueryable<Client> Expired() => ExpiringBy(db.Set<Client>(), timeProvider.GetUtcNow().UtcDateTime);

    /// <summary>Files of <paramref name="clients"/> that expire within the expiring-soon window.</summary>
    public IQueryable<Client> ExpiringSoon(IQueryable<Client> clients) =>
        ExpiringBy(clients, timeProvider.GetUtcNow().UtcDateTime.AddDays(Policy.ExpiringSoonDays));

    /// <summary>Earliest expiry first, computed by the database (the same rule as <see cref="ExpiresAtUtc"/>).</summary>
    public IQueryable<Client> OrderByExpiry(IQueryable<Client> clients)
    {
        int file = Policy.ClientFileMonths, anonymous = Policy.AnonymousClientMonths;
        return clients
            .Select(c => new { Client = c, ByPolicy = c.Level == IdentityLevel.Anonymous ? c.LastActivityAtUtc.AddMonths(anonymous) : c.LastActivityAtUtc.AddMonths(file) })
            .OrderBy(x => x.Client.KeepUntilUtc != null && x.Client.KeepUntilUtc > x.ByPolicy ? x.Client.KeepUntilUtc : x.ByPolicy)
            .ThenBy(x => x.Client.Id)
            .Select(x => x.Client);
    }

    /// <summary>The latest date one decision to keep longer may reach: the longest extension beyond the current expiry.</summary>
    public DateTime LatestKeepUntilUtc(DateTime currentExpiryUtc) => currentExpiryUtc.AddMonths(Policy.MaxKeepLongerMonths);
}
