using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Clients;

/// <summary>
/// The clients this user may open, newest first, with search by client code or by an exact alias, name, phone
/// number or e-mail address (through the blind index: nothing is searched in the clear). The search term is
/// posted, so it never appears in a URL, a browser history or a request log. Each row shows the status (intake
/// queue, with a team, restricted) and the current team, so a team lead can see who works with whom.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class IndexModel(BakenDbContext db, ClientAccess access, ClientRecords records, TimeProvider timeProvider) : PageModel
{
    public sealed record Row(Guid Id, string Code, IdentityLevel Level, string? Alias, DateTime CreatedAtUtc, bool CanOpen, bool Restricted, IReadOnlyList<string> Team);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public string? Query { get; private set; }

    /// <summary>The code of a client just erased, to confirm it (the code alone says nothing about the person).</summary>
    public string? Erased { get; private set; }

    public Task OnGetAsync(string? erased, int p = 1, CancellationToken cancellationToken = default)
    {
        Erased = ClientCode.Normalise(erased);
        return ListAsync(null, p, Infrastructure.Web.Paging.DefaultPageSize, cancellationToken);
    }

    /// <summary>Search results: exact matches are few, so one page of up to 100 without paging links.</summary>
    public Task OnPostAsync(string? q, CancellationToken cancellationToken) =>
        ListAsync(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), 1, 100, cancellationToken);

    private async Task ListAsync(string? query, int p, int pageSize, CancellationToken cancellationToken)
    {
        Query = query;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var clients = (await access.ListableForListAsync(User, cancellationToken)).AsNoTracking();
        var openable = access.Openable(User);
        if (!string.IsNullOrEmpty(Query))
        {
            var found = await records.SearchAsync(Query, cancellationToken);
            clients = clients.Where(c => found.Contains(c.Id));
        }

        var (page, paging) = await clients
            .OrderByDescending(c => c.CreatedAtUtc)
            .Select(c => new
            {
                c.Id,
                c.Code,
                c.Level,
                c.Alias,
                c.CreatedAtUtc,
                CanOpen = openable.Any(o => o.Id == c.Id),
                Restricted = c.RestrictedAtUtc != null,
            })
            .ToPageAsync(p, cancellationToken, pageSize);
        Paging = paging;

        // The teams of this page's clients in a query of their own: as part of the page query, the databases joined
        // every current team member in the system before picking this page's.
        var ids = page.Select(c => c.Id).ToList();
        var teams = (await db.Set<ClientTeamMember>().AsNoTracking()
                .Where(m => ids.Contains(m.ClientId) && (m.ToUtc == null || m.ToUtc > now))
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.ClientId, u.DisplayName })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.ClientId, m => m.DisplayName);
        var aliases = await records.ReadAliasesAsync([.. page.Select(c => (c.Id, c.Alias))], cancellationToken);
        Rows = [.. page.Select(c => new Row(c.Id, c.Code, c.Level, aliases[c.Id], c.CreatedAtUtc, c.CanOpen, c.Restricted,
            [.. teams[c.Id].Distinct().Order(StringComparer.CurrentCulture)]))];
        await db.SaveChangesAsync(cancellationToken);
    }
}
