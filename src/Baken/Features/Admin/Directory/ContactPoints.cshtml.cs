using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory;

/// <summary>
/// Phone numbers and contact points of an organisation or a service (the id in the route is either): add, change,
/// and remove after confirmation. Only a contact point's title is ever published.
/// </summary>
public sealed class ContactPointsModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public PhoneForm Phone { get; set; } = new();

    [BindProperty]
    public ContactForm Contact { get; set; } = new();

    public DirectoryAdmin.Entry Entry { get; private set; } = null!;

    public IReadOnlyList<DirectoryPhone> Phones { get; private set; } = [];

    public IReadOnlyList<DirectoryContact> Contacts { get; private set; } = [];

    public Guid? EditingPhone { get; private set; }

    public Guid? EditingContact { get; private set; }

    public DirectoryPhone? RemovingPhone { get; private set; }

    public DirectoryContact? RemovingContact { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? editPhone, Guid? editContact, Guid? removePhone, Guid? removeContact, bool saved = false, CancellationToken cancellationToken = default)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Saved = saved;
        if (editPhone is not null)
        {
            var found = Phones.FirstOrDefault(p => p.Id == editPhone);
            if (found is null)
            {
                return NotFound();
            }

            (Phone, EditingPhone) = (new PhoneForm { Number = found.Number, Type = found.Type, Description = found.Description }, found.Id);
        }

        if (editContact is not null)
        {
            var found = Contacts.FirstOrDefault(c => c.Id == editContact);
            if (found is null)
            {
                return NotFound();
            }

            (Contact, EditingContact) = (new ContactForm { Title = found.Title ?? string.Empty, Name = found.Name, Email = found.Email }, found.Id);
        }

        RemovingPhone = removePhone is null ? null : Phones.FirstOrDefault(p => p.Id == removePhone);
        RemovingContact = removeContact is null ? null : Contacts.FirstOrDefault(c => c.Id == removeContact);
        return (removePhone is not null && RemovingPhone is null) || (removeContact is not null && RemovingContact is null) ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostPhoneAsync(Guid id, Guid? editPhone, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var existing = editPhone is null ? null : await db.Set<DirectoryPhone>().FirstOrDefaultAsync(p => p.Id == editPhone && (p.OrganizationId == id || p.ServiceId == id), cancellationToken);
        if (editPhone is not null && existing is null)
        {
            return NotFound();
        }

        EditingPhone = editPhone;
        if (!ModelState.AddValidationResult(new PhoneForm.Validator(t).Validate(Phone), nameof(Phone)))
        {
            return Page();
        }

        if (existing is null)
        {
            existing = Entry.Kind == DirectoryAdmin.EntryKind.Service
                ? new DirectoryPhone { ServiceId = id, Number = string.Empty }
                : new DirectoryPhone { OrganizationId = id, Number = string.Empty };
            db.Add(existing);
        }

        existing.Number = DirectoryRules.Clean(Phone.Number) ?? string.Empty;
        existing.Type = Phone.Type;
        existing.Description = DirectoryRules.Clean(Phone.Description);
        return await SaveAsync(editPhone is null ? "DirectoryPhoneAdded" : "DirectoryPhoneChanged", nameof(DirectoryPhone), existing.Id, cancellationToken);
    }

    public async Task<IActionResult> OnPostContactAsync(Guid id, Guid? editContact, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var existing = editContact is null ? null : await db.Set<DirectoryContact>().FirstOrDefaultAsync(c => c.Id == editContact && (c.OrganizationId == id || c.ServiceId == id), cancellationToken);
        if (editContact is not null && existing is null)
        {
            return NotFound();
        }

        EditingContact = editContact;
        if (!ModelState.AddValidationResult(new ContactForm.Validator(t).Validate(Contact), nameof(Contact)))
        {
            return Page();
        }

        if (existing is null)
        {
            existing = Entry.Kind == DirectoryAdmin.EntryKind.Service ? new DirectoryContact { ServiceId = id } : new DirectoryContact { OrganizationId = id };
            db.Add(existing);
        }

        existing.Title = DirectoryRules.Clean(Contact.Title);
        existing.Name = DirectoryRules.Clean(Contact.Name);
        existing.Email = DirectoryRules.Clean(Contact.Email);
        return await SaveAsync(editContact is null ? "DirectoryContactAdded" : "DirectoryContactChanged", nameof(DirectoryContact), existing.Id, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemovePhoneAsync(Guid id, Guid phoneId, CancellationToken cancellationToken)
    {
        var phone = await db.Set<DirectoryPhone>().FirstOrDefaultAsync(p => p.Id == phoneId && (p.OrganizationId == id || p.ServiceId == id), cancellationToken);
        if (phone is null || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.Remove(phone);
        return await SaveAsync("DirectoryPhoneRemoved", nameof(DirectoryPhone), phoneId, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveContactAsync(Guid id, Guid contactId, CancellationToken cancellationToken)
    {
        var contact = await db.Set<DirectoryContact>().FirstOrDefaultAsync(c => c.Id == contactId && (c.OrganizationId == id || c.ServiceId == id), cancellationToken);
        if (contact is null || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.Remove(contact);
        return await SaveAsync("DirectoryContactRemoved", nameof(DirectoryContact), contactId, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(string action, string targetType, Guid targetId, CancellationToken cancellationToken)
    {
        await DirectoryAdmin.TouchAsync(db, Entry, timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
        audit.Record(action, targetType, targetId, $"{Entry.Kind.ToString().ToLowerInvariant()}={Entry.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("ContactPoints", new { id = Entry.Id, saved = true });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await DirectoryAdmin.FindAsync(db, id, cancellationToken) is not { Kind: not DirectoryAdmin.EntryKind.Location } entry)
        {
            return false;
        }

        Entry = entry;
        Phones = await db.Set<DirectoryPhone>().AsNoTracking().Where(p => p.OrganizationId == id || p.ServiceId == id).OrderBy(p => p.Number).ToListAsync(cancellationToken);
        Contacts = await db.Set<DirectoryContact>().AsNoTracking().Where(c => c.OrganizationId == id || c.ServiceId == id).OrderBy(c => c.Title).ToListAsync(cancellationToken);
        return true;
    }
}
