namespace Baken.Infrastructure.Web;

/// <summary>
/// The public areas (no account): the portal and the anonymous channel. An unknown address there is a not-found
/// page in the public layout, not a sign-in form, and error pages there keep the quick exit.
/// </summary>
public static class PublicPaths
{
    private static readonly PathString[] Prefixes = ["/Portal", "/Contact"];

    public static bool IsPublic(PathString path) =>
        Prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Answers 404 for an address in a public area that no page serves (before the sign-in rule would).</summary>
    public static IApplicationBuilder UseNotFoundForUnknownPublicPaths(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null && IsPublic(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
