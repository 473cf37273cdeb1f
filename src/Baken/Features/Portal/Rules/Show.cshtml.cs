using System.Globalization;
using Baken.Features.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baken.Features.Portal.Rules;

/// <summary>
/// One rule page: its current version in the visitor's language, or in English (then Dutch) with a note that it
/// is not translated yet. The body is Markdown rendered through <see cref="RulesMarkdown"/>. An unknown page is a
/// 404 in the public layout.
/// </summary>
[AllowAnonymous]
public sealed class ShowModel(RuleContent content) : PageModel
{
    public RuleContent.Page Rule { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // An address that can never be a page is not looked up at all.
        if (!RulePublishing.IsValidSlug(slug))
        {
            return NotFound();
        }

        var page = await content.FindAsync(slug, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Rule = page;
        return Page();
    }
}
