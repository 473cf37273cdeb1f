using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory;

/// <summary>
/// The name and description of an organisation, service or place in the portal's other languages (Dutch is the
/// original). One row per entity, field and language; an emptied field removes its translation, so the portal
/// falls back to English and then to Dutch.
/// </summary>
public sealed class TranslationsModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class TranslationInput
    {
        public string Language { get; set; } = string.Empty;

        public string? Name { get; set; }

        public string? Description { get; set; }
    }

    [BindProperty]
    public List<TranslationInput> Input { get; set; } = [];

    public DirectoryAdmin.Entry Entry { get; private set; } = null!;

    public bool Saved { get; private set; }

    /// <summary>The longest description the entry's own column holds (a translation is no longer than the original may be).</summary>
    public int DescriptionLength => Entry.Kind == DirectoryAdmin.EntryKind.Location ? DirectoryRules.LocationDescriptionLength : DirectoryRules.ServiceDescriptionLength;

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved = false, CancellationToken cancellationToken = default)
    {
        if (await DirectoryAdmin.FindAsync(db, id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Saved = saved;
        var existing = await db.Set<DirectoryTranslation>().AsNoTracking().Where(x => x.EntityId == id).ToListAsync(cancellationToken);
        Input = [.. DirectoryRules.TranslationLanguages.Select(language => new TranslationInput
        {
            Language = language,
            Name = existing.FirstOrDefault(x => x.Language == language && x.Field == nameof(DirectoryService.Name))?.Text,
            Description = existing.FirstOrDefault(x => x.Language == language && x.Field == nameof(DirectoryService.Description))?.Text,
        })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await DirectoryAdmin.FindAsync(db, id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;

        // Only the known languages, in their fixed order, whatever else was posted.
        var posted = Input.Where(i => DirectoryRules.TranslationLanguages.Contains(i.Language)).DistinctBy(i => i.Language).ToDictionary(i => i.Language);
        Input = [.. DirectoryRules.TranslationLanguages.Select(language => posted.GetValueOrDefault(language) ?? new TranslationInput { Language = language })];
        for (var i = 0; i < Input.Count; i++)
        {
            if (Input[i].Name?.Trim().Length > DirectoryRules.NameLength)
            {
                ModelState.AddModelError($"Input[{i}].Name", t["Field_TooLong", DirectoryRules.NameLength]);
            }

            if (Input[i].Description?.Trim().Length > DescriptionLength)
            {
                ModelState.AddModelError($"Input[{i}].Description", t["Field_TooLong", DescriptionLength]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var existing = await db.Set<DirectoryTranslation>().Where(x => x.EntityId == id).ToListAsync(cancellationToken);
        var changed = new List<string>();
        foreach (var input in Input)
        {
            foreach (var (field, text) in new[] { (nameof(DirectoryService.Name), input.Name), (nameof(DirectoryService.Description), input.Description) })
            {
                var row = existing.FirstOrDefault(x => x.Language == input.Language && x.Field == field);
                var value = DirectoryRules.Clean(text);
                if (value is null && row is not null)
                {
                    db.Remove(row);
                }
                else if (value is not null && row is null)
                {
                    db.Add(new DirectoryTranslation { EntityId = id, Field = field, Language = input.Language, Text = value });
                }
                else if (value is not null && row is not null && row.Text != value)
                {
                    row.Text = value;
                }
                else
                {
                    continue;
                }

                changed.Add($"{input.Language}:{field}");
            }
        }

        if (changed.Count > 0)
        {
            await DirectoryAdmin.TouchAsync(db, entry, timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
            audit.Record("DirectoryTranslationsChanged", entry.Kind switch
            {
                DirectoryAdmin.EntryKind.Service => nameof(DirectoryService),
                DirectoryAdmin.EntryKind.Location => nameof(DirectoryLocation),
                _ => nameof(DirectoryOrganization),
            }, id, string.Join(';', changed));
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage("Translations", new { id, saved = true });
    }
}
