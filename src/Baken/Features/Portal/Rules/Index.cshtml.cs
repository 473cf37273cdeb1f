using System.Globalization;
using Baken.Features.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Portal.Rules;

/// <summary>
/// "Rules for sex work in the city": every rule page with its summary, in the visitor's language where it exists
/// (English, then Dutch, otherwise), and a way into "Which rules apply to me?". Anonymous, nothing stored.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(RuleContent content) : PageModel
{
    public IReadOnlyList<RuleContent.Entry> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Pages = await content.OverviewAsync(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
}
