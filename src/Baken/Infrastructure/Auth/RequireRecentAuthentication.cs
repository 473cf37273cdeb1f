using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Baken.Infrastructure.Auth;

/// <summary>
/// Marks a page as sensitive: it is only reachable within <see cref="RequireRecentAuthenticationFilter.MaxAge"/>
/// of a full authentication; otherwise the user confirms password and second factor first.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireRecentAuthenticationAttribute : TypeFilterAttribute
{
    public RequireRecentAuthenticationAttribute()
        : base(typeof(RequireRecentAuthenticationFilter))
    {
    }
}

public sealed class RequireRecentAuthenticationFilter(TimeProvider timeProvider) : IAsyncPageFilter
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var authenticatedAt = context.HttpContext.User.AuthenticatedAt();
        if (authenticatedAt is null || timeProvider.GetUtcNow() - authenticatedAt.Value > MaxAge)
        {
            var request = context.HttpContext.Request;
            var returnUrl = request.PathBase + request.Path + request.QueryString;
            context.Result = new RedirectToPageResult("/Account/Reauthenticate", new { returnUrl });
            return;
        }

        await next();
    }
}
