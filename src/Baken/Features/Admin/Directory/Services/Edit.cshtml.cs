using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory.Services;

/// <summary>
/// A service: its fields, topics, target groups, languages and the places where it is offered, saved together.
/// A place with hours held there is not unticked here: the hours would silently go with it.
/// </summary>
public sealed class EditModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ServiceForm Input { get; set; } = new();

    /// <summary>The ids of the places (locations) where the service is offered.</summary>
    [BindProperty]
    public List<string> Places { get; set; } = [];

    public Guid Id { get; private set; }

    /// <summary>The stored name (the heading), whatever was typed.</summary>
    public string Name { get; private set; } = string.Empty;

    public Guid OrganizationId { get; private set; }

    public string OrganizationName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> PlaceOptions { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved = false, CancellationToken cancellationToken = default)
    {
        var service = await db.Set<DirectoryService>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }

        Input = await ServicePages.FormAsync(db, service, cancellationToken);
        Places = await db.Set<DirectoryServiceAtLocation>().AsNoTracking().Where(x => x.ServiceId == id).Select(x => x.LocationId.ToString()).ToListAsync(cancellationToken);
        Saved = saved;
        await LoadAsync(service, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var service = await db.Set<DirectoryService>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }

        await LoadAsync(service, cancellationToken);
        var valid = ModelState.AddValidationResult(new ServiceForm.Validator(t).Validate(Input));
        var wanted = Places.Select(p => Guid.TryParse(p, out var g) ? g : Guid.Empty).ToHashSet();
        if (wanted.Any(p => PlaceOptions.All(o => o.Value != p.ToString())))
        {
            ModelState.AddModelError(nameof(Places), t["Form_InvalidChoice"]);
        }

        var links = await db.Set<DirectoryServiceAtLocation>().Where(x => x.ServiceId == id).ToListAsync(cancellationToken);
        var dropped = links.Where(x => !wanted.Contains(x.LocationId)).ToList();
        var droppedIds = dropped.Select(x => x.Id).ToList();
        if (await db.Set<DirectorySchedule>().AnyAsync(s => s.ServiceAtLocationId != null && droppedIds.Contains(s.ServiceAtLocationId.Value), cancellationToken))
        {
            ModelState.AddModelError(nameof(Places), t["Directory_PlaceHasHours"]);
        }

        if (!valid || !ModelState.IsValid)
        {
            return Page();
        }

        var parts = new List<string>();
        if (Input.ApplyTo(service))
        {
            parts.Add("fields");
        }

        if (await ServicePages.SaveSetsAsync(db, id, Input, cancellationToken))
        {
            parts.Add("terms-languages");
        }

        db.RemoveRange(dropped);
        var added = wanted.Where(p => links.All(x => x.LocationId != p)).ToList();
        db.AddRange(added.Select(p => new DirectoryServiceAtLocation { ServiceId = id, LocationId = p }));
        if (dropped.Count + added.Count > 0)
        {
            parts.Add("places");
        }

        if (parts.Count > 0)
        {
            service.LastModifiedUtc = timeProvider.GetUtcNow().UtcDateTime;
            audit.Record("DirectoryServiceChanged", nameof(DirectoryService), id, string.Join(';', parts));
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage("Edit", new { id, saved = true });
    }

    /// <summary>The organisation's places, and any place of another organisation the service is already linked to.</summary>
    private async Task LoadAsync(DirectoryService service, CancellationToken cancellationToken)
    {
        Id = service.Id;
        Name = service.Name;
        OrganizationId = service.OrganizationId;
        OrganizationName = await db.Set<DirectoryOrganization>().AsNoTracking().Where(o => o.Id == service.OrganizationId).Select(o => o.Name).FirstAsync(cancellationToken);
        var linked = db.Set<DirectoryServiceAtLocation>().Where(x => x.ServiceId == service.Id).Select(x => x.LocationId);
        var places = await db.Set<DirectoryLocation>().AsNoTracking()
            .Where(l => l.OrganizationId == service.OrganizationId || linked.Contains(l.Id))
            .OrderBy(l => l.Name).Select(l => new { l.Id, l.Name, l.IsConfidential, l.Type }).ToListAsync(cancellationToken);
        PlaceOptions = [.. places.Select(p => new SelectListItem(
            $"{p.Name} ({t[$"Directory_LocationType_{p.Type}"]}{(p.IsConfidential ? ", " + t["Directory_Confidential"] : string.Empty)})", p.Id.ToString()))];
        ServicePages.LoadOptions(ViewData, Input.Languages);
    }
}
