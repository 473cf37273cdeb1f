namespace Baken.Infrastructure.Auth;

/// <summary>
/// Sends a signed-in user without a second factor to enrolment before anything else. The fallback
/// authorization policy enforces the same rule; this only makes the way there friendly.
/// </summary>
public sealed class SecondFactorEnrolmentMiddleware(RequestDelegate next)
{
    private static readonly string[] AllowedPrefixes =
    [
        "/Account/EnrolAuthenticator", "/Account/Logout", "/Account/Language", "/health", "/Error",
        "/lib/", "/css/", "/js/", "/favicon",
    ];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && !user.HasSecondFactor()
            && !AllowedPrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.Value?.StartsWith(p, StringComparison.OrdinalIgnoreCase) == true))
        {
            context.Response.Redirect("/Account/EnrolAuthenticator");
            return Task.CompletedTask;
        }

        return next(context);
    }
}
