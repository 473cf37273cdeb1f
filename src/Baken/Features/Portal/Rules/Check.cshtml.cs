using System.Globalization;
using Baken.Features.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Portal.Rules;

/// <summary>
/// "Which rules apply to me?": four short questions, answered on one page, and the rule pages and contacts that
/// fit. Stateless on purpose: the answers (where and how someone works, their age) are sensitive, so they are
/// posted (never in an address), used for this one answer and then forgotten: no cookie of ours, no row, no log.
/// </summary>
/// <remarks>
/// One page with four fieldsets rather than one question per step: on a 360 px phone the four radio groups take a
/// few thumb-scrolls, while steps would be a chain of posted pages whose Back button asks to send the form again
/// (or loses the answers) and would have to carry earlier answers in hidden fields. Here a missing answer shows
/// the error summary above the same form, with the other answers still chosen. "Change answers" on the result
/// posts them back in hidden fields, so they never appear in an address or the history.
/// </remarks>
[AllowAnonymous]
public sealed class CheckModel(RuleContent content, PortalDirectory directory, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Contacts per topic and in all: enough to choose from, short enough to read on a phone.</summary>
    private const int ContactsPerTopic = 2;
    private const int MaxContacts = 6;

    /// <summary>The target group every visitor of the check belongs to: not a reason to put a service further down.</summary>
    private const string AllSexWorkers = "group-sexworkers";

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? Company { get; set; }

    [BindProperty]
    public string? Age { get; set; }

    [BindProperty]
    public string? Change { get; set; }

    public sealed record PageLink(string Slug, string Language, bool IsFallback, string Title, string Reason);

    public sealed record ContactLink(PortalDirectory.Card Service, string Reason);

    public sealed record Result(bool TooYoung, IReadOnlyList<PageLink> Pages, IReadOnlyList<ContactLink> Contacts);

    /// <summary>The advice, once all questions are answered; null while the questions are shown.</summary>
    public Result? Advice { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var place = Parse<WorkPlace>(Place, nameof(Place), "Rules_CheckPlaceRequired");
        var company = Parse<WorkCompany>(Company, nameof(Company), "Rules_CheckCompanyRequired");
        var age = Parse<AgeGroup>(Age, nameof(Age), "Rules_CheckAgeRequired");
        var change = Parse<ChangeWish>(Change, nameof(Change), "Rules_CheckChangeRequired");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var advice = RuleCheck.For(new RuleCheck.Answers(place!.Value, company!.Value, age!.Value, change!.Value));
        var pages = (await content.OverviewAsync(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken))
            .ToDictionary(p => p.Slug);
        var services = await directory.ServicesAsync(new PortalDirectory.Filter(), cancellationToken);
        // Round by round, one contact per topic, so every topic gets one before any gets a second. Within a topic:
        // services for everyone before those for one target group (e.g. an evening for men), specialised services
        // (fewer topics) before general ones.
        var contacts = new List<ContactLink>();
        for (var round = 0; round < ContactsPerTopic; round++)
        {
            foreach (var topic in advice.Topics)
            {
                var next = services
                    .Where(s => s.Terms.Contains(topic.Code) && contacts.All(c => c.Service.Id != s.Id))
                    .OrderBy(s => s.Terms.Any(term => term.StartsWith("group-", StringComparison.Ordinal) && term != topic.Code && term != AllSexWorkers))
                    .ThenBy(s => s.Terms.Count(term => term.StartsWith("topic-", StringComparison.Ordinal)))
                    .FirstOrDefault();
                if (next is not null && contacts.Count < MaxContacts)
                {
                    contacts.Add(new ContactLink(next, t[topic.ReasonKey].Value));
                }
            }
        }

        Advice = new Result(
            advice.TooYoung,
            [.. advice.Pages.Where(p => pages.ContainsKey(p.Code)).Select(p =>
            {
                var page = pages[p.Code];
                return new PageLink(page.Slug, page.Language, page.IsFallback, page.Title, t[p.ReasonKey].Value);
            })],
            contacts);
        return Page();
    }

    /// <summary>Back to the questions, with the answers given (posted in hidden fields) still chosen.</summary>
    public void OnPostChange() => ModelState.Clear();

    /// <summary>A defined value of the enum, exactly by name; anything else (a number, a list, a tampered value) is a missing answer.</summary>
    private TEnum? Parse<TEnum>(string? value, string field, string messageKey)
        where TEnum : struct, Enum
    {
        if (Enum.TryParse<TEnum>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && parsed.ToString() == value)
        {
            return parsed;
        }

        ModelState.AddModelError(field, t[messageKey].Value);
        return null;
    }
}
