using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Clients;

/// <summary>Registers a client at the identity level they choose, after checking for possible duplicates.</summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class CreateModel(
    BakenDbContext db,
    ClientRecords records,
    ClientAccess access,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ClientForm Input { get; set; } = new();

    /// <summary>Possible duplicates this user may open (code only); others are only counted.</summary>
    public IReadOnlyList<(Guid Id, string Code)> Duplicates { get; private set; } = [];

    public int HiddenDuplicates { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.AddValidationResult(new ClientForm.Validator(t, timeProvider).Validate(Input)))
        {
            return Page();
        }

        var identity = Input.ToIdentity().LimitedTo(Input.Level!.Value);
        if (!Input.ConfirmNew)
        {
            var matches = await records.FindPossibleDuplicatesAsync(identity, cancellationToken);
            if (matches.Count > 0)
            {
                Duplicates = [.. (await access.Openable(User).Where(c => matches.Contains(c.Id)).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken))
                    .Select(c => (c.Id, c.Code))];
                HiddenDuplicates = matches.Count - Duplicates.Count;
                return Page();
            }
        }

        var client = await records.CreateAsync(Input.Level.Value, identity, User.OrganisationId()!.Value, User.UserId()!.Value, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("File", new { id = client.Id, created = true });
    }
}
