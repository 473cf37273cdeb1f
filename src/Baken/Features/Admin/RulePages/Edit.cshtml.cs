using Baken.Features.Rules;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Localization;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.RulePages;

/// <summary>
/// A new version of a rule page in one language, or its first version in a language it does not have yet. Never
/// changes a stored version. "Preview" shows the sanitised result; only the text previewed can be published.
/// </summary>
public sealed class EditModel(BakenDbContext db, RulePublishing publishing, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public RulePageForm Input { get; set; } = new();

    public string Slug { get; private set; } = string.Empty;

    public PublicLanguage Language { get; private set; } = null!;

    /// <summary>The current version in this language; null when the language is being added.</summary>
    public RulePage? Current { get; private set; }

    /// <summary>When adding a language: the current text in the fallback language, to translate from.</summary>
    public RulePage? Reference { get; private set; }

    public PreviewModel? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string language, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, language, cancellationToken))
        {
            return NotFound();
        }

        Input = Current is { } current ? RulePageForm.From(current) : new RulePageForm
        {
            LegalStatus = Reference!.LegalStatus.ToString(),
            StatusDate = RulePageForm.From(Reference).StatusDate,
            SortOrder = RulePageForm.From(Reference).SortOrder,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug, string language, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, language, cancellationToken))
        {
            return NotFound();
        }

        if (Validate())
        {
            ShowPreview();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, string language, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, language, cancellationToken))
        {
            return NotFound();
        }

        if (!Validate())
        {
            return Page();
        }

        if (Input.PreviewedHash != Input.Hash(Slug, Language.Code))
        {
            // Changed after the preview (or never previewed): show what would be published first.
            ModelState.AddModelError(string.Empty, t["RulePages_PreviewAgain"]);
            ShowPreview();
            return Page();
        }

        var page = await publishing.PublishAsync(Slug, Language.Code, Input.BasedOnVersion, Input.ToDraft(), User.UserId(), cancellationToken);
        if (page is null)
        {
            // Someone published meanwhile: keep this text, say so, and let the editor look before publishing over it.
            var newest = await publishing.CurrentVersionAsync(Slug, Language.Code, cancellationToken);
            ModelState.AddModelError(string.Empty, t["RulePages_Conflict", newest]);
            Input.BasedOnVersion = newest;
            Input.PreviewedHash = string.Empty;
            return Page();
        }

        return RedirectToPage("Details", new { slug = Slug, published = Language.Code });
    }

    private bool Validate()
    {
        var today = DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime);
        return ModelState.AddValidationResult(new RulePageForm.Validator(t, today).Validate(Input));
    }

    private void ShowPreview()
    {
        Preview = new PreviewModel(Language.Code, Input.ToDraft());
        Input.PreviewedHash = Input.Hash(Slug, Language.Code);
    }

    private async Task<bool> LoadAsync(string slug, string language, CancellationToken cancellationToken)
    {
        if (!RulePublishing.IsValidSlug(slug) || LocalizationSetup.FindPublicLanguage(language) is not { } publicLanguage)
        {
            return false;
        }

        var languages = await db.Set<RulePage>().Where(p => p.Slug == slug).Select(p => p.Language).Distinct().ToListAsync(cancellationToken);
        if (languages.Count == 0)
        {
            return false;
        }

        Slug = slug;
        Language = publicLanguage;
        var source = languages.Contains(language) ? language : ContentLanguage.Pick(languages, language)!.Language;
        var newest = await db.Set<RulePage>().AsNoTracking().Where(p => p.Slug == slug && p.Language == source)
            .OrderByDescending(p => p.Version).FirstAsync(cancellationToken);
        Current = source == language ? newest : null;
        Reference = source == language ? null : newest;
        return true;
    }
}
