using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Intake;

/// <summary>
/// The intake queue of the user's organisation: self-referrals and referrals in, newest first, filtered on status
/// and source. Only metadata: the list decrypts nothing (and so reads nothing about a person).
/// </summary>
[Authorize(Roles = IntakeRecords.StaffRoles)]
public sealed class IndexModel(BakenDbContext db, IntakeRecords records) : PageModel
{
    public const string All = "all";

    public sealed record Row(
        Guid Id, IntakeSource Source, string? Referrer, DateTime ReceivedAtUtc, string Language, IntakeContactChannel Channel, IntakeStatus Status);

    /// <summary>A <see cref="IntakeStatus"/> name or "all"; those still to decide by default.</summary>
    public string Status { get; private set; } = nameof(IntakeStatus.Received);

    /// <summary>A <see cref="IntakeSource"/> name or "all".</summary>
    public string Source { get; private set; } = All;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, Infrastructure.Web.Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(string? status, string? source, int p = 1, CancellationToken cancellationToken = default)
    {
        var statusFilter = Parse<IntakeStatus>(status) ?? (status == All ? null : IntakeStatus.Received);
        var sourceFilter = Parse<IntakeSource>(source);
        Status = statusFilter?.ToString() ?? All;
        Source = sourceFilter?.ToString() ?? All;

        var query = records.Visible(User).AsNoTracking();
        if (statusFilter is { } onlyStatus)
        {
            query = query.Where(r => r.Status == onlyStatus);
        }

        if (sourceFilter is { } onlySource)
        {
            query = query.Where(r => r.Source == onlySource);
        }

        var (rows, paging) = await query
            .OrderByDescending(r => r.ReceivedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new Row(
                r.Id, r.Source, db.Organisations.Where(o => o.Id == r.ReferrerOrganisationId).Select(o => o.Name).FirstOrDefault(),
                r.ReceivedAtUtc, r.Language, r.ContactChannel, r.Status))
            .ToPageAsync(p, cancellationToken);
        Rows = rows;
        Paging = paging;
    }

    /// <summary>A value of the enum by name (never a number); null for anything else.</summary>
    private static T? Parse<T>(string? value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}
