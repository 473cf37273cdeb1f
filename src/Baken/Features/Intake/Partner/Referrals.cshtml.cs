using Baken.Features.Admin;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Intake.Partner;

/// <summary>
/// A Verwijzer's own referrals (not a colleague's), newest first, with only what a referrer may know: to whom,
/// their own reference, the status (received, accepted, not taken on) and its dates. Never the file or a note.
/// </summary>
[Authorize(Roles = Roles.Verwijzer)]
public sealed class ReferralsModel(BakenDbContext db, IntakeRecords records) : PageModel
{
    public sealed record Row(Guid Id, string? Reference, string Receiver, IntakeSource Source, IntakeStatus Status, DateTime ReceivedAtUtc, DateTime? DecidedAtUtc);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? done, int p = 1, CancellationToken cancellationToken = default)
    {
        Notice = done is "sent" or "again" ? done : null;
        var (rows, paging) = await records.SentBy(User.UserId()!.Value).AsNoTracking()
            .OrderByDescending(r => r.ReceivedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new Row(
                r.Id, r.ExternalReference, db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).First(),
                r.Source, r.Status, r.ReceivedAtUtc, r.DecidedAtUtc))
            .ToPageAsync(p, cancellationToken);
        Rows = rows;
        Paging = paging;
    }
}
