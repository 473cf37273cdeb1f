using Baken.Features.Rules;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Localization;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.RulePages;

/// <summary>A new rule page: its address (slug) and its first version in one language; preview, then publish.</summary>
public sealed class CreateModel(RulePublishing publishing, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public string Language { get; set; } = ContentLanguage.Dutch;

    [BindProperty]
    public RulePageForm Input { get; set; } = new();

    public PreviewModel? Preview { get; private set; }

    public void OnGet() =>
        Input = new RulePageForm { LastReviewedOn = DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime).ToString(RulePageForm.DateFormat, System.Globalization.CultureInfo.InvariantCulture) };

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (await ValidateAsync(cancellationToken))
        {
            ShowPreview();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (!await ValidateAsync(cancellationToken))
        {
            return Page();
        }

        if (Input.PreviewedHash != Input.Hash(Slug, Language))
        {
            ModelState.AddModelError(string.Empty, t["RulePages_PreviewAgain"]);
            ShowPreview();
            return Page();
        }

        if (await publishing.PublishAsync(Slug, Language, 0, Input.ToDraft(), User.UserId(), cancellationToken) is null)
        {
            // Created by someone else a moment ago.
            ModelState.AddModelError(nameof(Slug), t["RulePages_SlugTaken"]);
            Input.PreviewedHash = string.Empty;
            return Page();
        }

        return RedirectToPage("Details", new { slug = Slug, published = Language });
    }

    private async Task<bool> ValidateAsync(CancellationToken cancellationToken)
    {
        Slug = Slug.Trim();
        if (!RulePublishing.IsValidSlug(Slug))
        {
            ModelState.AddModelError(nameof(Slug), t["RulePages_SlugInvalid"]);
        }
        else if (await publishing.SlugExistsAsync(Slug, cancellationToken))
        {
            ModelState.AddModelError(nameof(Slug), t["RulePages_SlugTaken"]);
        }

        if (!LocalizationSetup.IsPublicLanguage(Language))
        {
            ModelState.AddModelError(nameof(Language), t["Form_InvalidChoice"]);
        }

        var today = DisplayTime.LocalDate(timeProvider.GetUtcNow().UtcDateTime);
        ModelState.AddValidationResult(new RulePageForm.Validator(t, today).Validate(Input));
        return ModelState.IsValid;
    }

    private void ShowPreview()
    {
        Preview = new PreviewModel(Language, Input.ToDraft());
        Input.PreviewedHash = Input.Hash(Slug, Language);
    }
}
