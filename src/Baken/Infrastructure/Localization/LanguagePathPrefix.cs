using Microsoft.AspNetCore.Localization;

namespace Baken.Infrastructure.Localization;

/// <summary>
/// Reads the visitor's language from the first segment of the address (<c>/en/Portal/Services</c>) and moves it
/// into the path base, so routing sees <c>/Portal/Services</c> and every link, form and redirect the app makes
/// keeps the <c>/en</c> in front by itself. No cookie is needed, and a shared phone's history shows only pages.
/// Runs before static files and routing. Without a prefix the staff cookie or Dutch applies.
/// </summary>
public sealed class LanguagePathPrefix(RequestDelegate next)
{
    private const string ItemKey = "baken.path-language";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is { Length: >= 3 } && path[0] == '/' && (path.Length == 3 || path[3] == '/'))
        {
            var code = path.Substring(1, 2);
            if (LocalizationSetup.IsPublicLanguage(code))
            {
                context.Items[ItemKey] = code;
                context.Request.PathBase = context.Request.PathBase.Add("/" + code);
                context.Request.Path = path.Length == 3 ? "/" : path[3..];
            }
        }

        return next(context);
    }

    /// <summary>The language named in the address, or null.</summary>
    public static string? Of(HttpContext context) => context.Items[ItemKey] as string;

    /// <summary>The same page in another language: the prefix replaced, the query left out (it may hold a visitor's search).</summary>
    public static string Switch(HttpContext context, string code)
    {
        var original = context.Request.PathBase.Value ?? string.Empty;
        if (Of(context) is { } current && original.EndsWith("/" + current, StringComparison.Ordinal))
        {
            original = original[..^(current.Length + 1)];
        }

        return original + "/" + code + context.Request.Path.Value;
    }

    internal sealed class CultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult(Of(httpContext) is { } code
                // Formatting follows the texts: English dates beside English fallback text (and no Buddhist calendar).
                ? new ProviderCultureResult(LocalizationSetup.HasInterfaceTexts(code) ? code : "en", code)
                : null);
    }
}
