using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Baken.Infrastructure.Localization;

/// <summary>
/// Languages. The interface is complete in Dutch (the default) and English. The public pages also offer the
/// languages visitors of the portal read most; until their texts exist, the interface shows the English text
/// under a note in the visitor's language (see <see cref="EnglishFallbackLocalizerFactory"/>), and content pages
/// and directory text pick the best available translation.
/// A visitor's language lives in the address (<c>/en/Portal</c>, see <see cref="LanguagePathPrefix"/>), so public
/// pages set no cookie for it; staff choose theirs once and keep it in a cookie.
/// </summary>
public static class LocalizationSetup
{
    public const string CookieName = "baken-lang";

    /// <summary>Languages whose interface texts exist (a resource file per language).</summary>
    public static readonly CultureInfo[] SupportedCultures = [new("nl"), new("en")];

    /// <summary>
    /// Every language the public pages offer: its name in that language, and (for languages whose interface texts
    /// do not exist yet) a note in that language that the page is shown in English for now.
    /// </summary>
    public static readonly IReadOnlyList<PublicLanguage> PublicLanguages =
    [
        new("nl", "Nederlands", null),
        new("en", "English", null),
        new("es", "Español", "Esta parte del sitio aún no está traducida al español. Por ahora la mostramos en inglés."),
        new("ro", "Română", "Această parte a site-ului nu este încă tradusă în limba română. Deocamdată o afișăm în engleză."),
        new("pl", "Polski", "Ta część strony nie jest jeszcze przetłumaczona na język polski. Na razie pokazujemy ją po angielsku."),
        new("bg", "Български", "Тази част от сайта все още не е преведена на български. Засега я показваме на английски."),
        new("pt", "Português", "Esta parte do site ainda não está traduzida para português. Por enquanto, mostramo-la em inglês."),
        new("th", "ไทย", "ส่วนนี้ของเว็บไซต์ยังไม่ได้แปลเป็นภาษาไทย ตอนนี้เราแสดงเป็นภาษาอังกฤษ"),
    ];

    public static PublicLanguage? FindPublicLanguage(string? code) => PublicLanguages.FirstOrDefault(l => l.Code == code);

    public static bool IsPublicLanguage(string? code) => PublicLanguages.Any(l => l.Code == code);

    public static bool HasInterfaceTexts(string code) => SupportedCultures.Any(c => c.Name == code);

    public static IServiceCollection AddBakenLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Decorate<Microsoft.Extensions.Localization.IStringLocalizerFactory>(inner => new EnglishFallbackLocalizerFactory(inner));
        var all = PublicLanguages.Select(l => new CultureInfo(l.Code)).ToList();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("nl");
            options.SupportedCultures = all;
            options.SupportedUICultures = all;
            options.FallBackToParentCultures = false;
            options.FallBackToParentUICultures = false;

            // The address first (public pages), then a staff member's cookie; the browser's language does not decide.
            options.RequestCultureProviders =
            [
                new LanguagePathPrefix.CultureProvider(),
                new CookieRequestCultureProvider { CookieName = CookieName },
            ];
        });
        return services;
    }

    /// <summary>Replaces a registered singleton with a wrapper around it.</summary>
    private static void Decorate<TService>(this IServiceCollection services, Func<TService, TService> wrap)
        where TService : class
    {
        var original = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(
            typeof(TService),
            provider => wrap((TService)(original.ImplementationFactory?.Invoke(provider)
                ?? original.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!))),
            original.Lifetime));
    }
}

/// <summary>A language of the public pages; <paramref name="NotYetTranslated"/> is null when its texts exist.</summary>
public sealed record PublicLanguage(string Code, string NativeName, string? NotYetTranslated);
