using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Baken.Infrastructure.Localization;

public static class LocalizationSetup
{
    public const string CookieName = "baken-lang";

    public static readonly CultureInfo[] SupportedCultures = [new("nl"), new("en")];

    public static IServiceCollection AddBakenLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("nl");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            // Dutch unless the user chose otherwise: the browser's language does not decide.
            options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CookieName }];
        });
        return services;
    }
}
