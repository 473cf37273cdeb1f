using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Baken.Infrastructure.Localization;

/// <summary>
/// Interface texts in a language without a resource file (e.g. Spanish, offered on the public pages) come out in
/// English, not in the Dutch of the neutral resource: a visitor who does not read Dutch gets the language they are
/// most likely to read. The public layout says so in the visitor's language.
/// </summary>
public sealed class EnglishFallbackLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new Localizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new Localizer(inner.Create(baseName, location));

    /// <summary>The culture whose texts are looked up: the current one when it has texts, else English.</summary>
    public static CultureInfo TextCulture(CultureInfo culture) =>
        LocalizationSetup.HasInterfaceTexts(culture.TwoLetterISOLanguageName) ? culture : English;

    private static readonly CultureInfo English = new("en");

    private sealed class Localizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => InTextCulture(() => inner[name]);

        public LocalizedString this[string name, params object[] arguments] => InTextCulture(() => inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            InTextCulture(() => inner.GetAllStrings(includeParentCultures).ToList());

        private static T InTextCulture<T>(Func<T> read)
        {
            var current = CultureInfo.CurrentUICulture;
            var text = TextCulture(current);
            if (ReferenceEquals(text, current))
            {
                return read();
            }

            CultureInfo.CurrentUICulture = text;
            try
            {
                return read();
            }
            finally
            {
                CultureInfo.CurrentUICulture = current;
            }
        }
    }
}
