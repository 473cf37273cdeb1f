using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Web;

/// <summary>Where a list page is: page number, size and total, for the pager partial.</summary>
public sealed record PageInfo(int Page, int PageSize, int Total)
{
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;
}

public static class Paging
{
    public const int DefaultPageSize = 25;

    /// <summary>Counts and fetches one page; out-of-range page numbers are clamped rather than answered with an error.</summary>
    public static async Task<(List<T> Items, PageInfo Info)> ToPageAsync<T>(
        this IQueryable<T> query, int page, CancellationToken cancellationToken, int pageSize = DefaultPageSize)
    {
        var total = await query.CountAsync(cancellationToken);
        var info = new PageInfo(1, pageSize, total);
        page = Math.Clamp(page, 1, info.TotalPages);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, info with { Page = page });
    }
}
