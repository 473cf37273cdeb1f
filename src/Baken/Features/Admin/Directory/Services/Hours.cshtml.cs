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
/// The weekly hours of a service (consultation hours, walk-in hours, an evening for boys and men): add, change,
/// and remove after confirmation. Hours may be tied to one of the places where the service is offered.
/// </summary>
public sealed class HoursModel(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(Guid Id, string ByDay, TimeOnly Opens, TimeOnly Closes, bool WalkIn, string? Place, DateOnly? ValidFrom, DateOnly? ValidTo, string? Description);

    [BindProperty]
    public HoursForm Hours { get; set; } = new();

    public Guid Id { get; private set; }

    public string ServiceName { get; private set; } = string.Empty;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<SelectListItem> PlaceOptions { get; private set; } = [];

    /// <summary>The hours being changed, or null when the form adds new hours.</summary>
    public Guid? Editing { get; private set; }

    /// <summary>The hours to confirm removal of.</summary>
    public Row? Removing { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? edit, Guid? remove, bool saved = false, CancellationToken cancellationToken = default)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Saved = saved;
        if (edit is { } editId)
        {
            var schedule = await db.Set<DirectorySchedule>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == editId && s.ServiceId == id, cancellationToken);
            if (schedule is null)
            {
                return NotFound();
            }

            Hours = HoursForm.From(schedule);
            Editing = editId;
        }

        if (remove is { } removeId)
        {
            Removing = Rows.FirstOrDefault(r => r.Id == removeId);
            if (Removing is null)
            {
                return NotFound();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? edit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        DirectorySchedule? schedule = null;
        if (edit is { } editId)
        {
            schedule = await db.Set<DirectorySchedule>().FirstOrDefaultAsync(s => s.Id == editId && s.ServiceId == id, cancellationToken);
            if (schedule is null)
            {
                return NotFound();
            }

            Editing = editId;
        }

        ModelState.AddValidationResult(new HoursForm.Validator(t).Validate(Hours), nameof(Hours));
        if (Hours.Place is { } place && PlaceOptions.All(o => o.Value != place.ToString()))
        {
            ModelState.AddModelError("Hours.Place", t["Form_InvalidChoice"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (schedule is null)
        {
            schedule = new DirectorySchedule { ServiceId = id, ByDay = string.Empty };
            db.Add(schedule);
        }

        Hours.ApplyTo(schedule);
        await TouchAsync(id, cancellationToken);
        audit.Record(edit is null ? "DirectoryHoursAdded" : "DirectoryHoursChanged", nameof(DirectorySchedule), schedule.Id, $"service={id}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Hours", new { id, saved = true });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid scheduleId, CancellationToken cancellationToken)
    {
        var schedule = await db.Set<DirectorySchedule>().FirstOrDefaultAsync(s => s.Id == scheduleId && s.ServiceId == id, cancellationToken);
        if (schedule is null)
        {
            return NotFound();
        }

        db.Remove(schedule);
        await TouchAsync(id, cancellationToken);
        audit.Record("DirectoryHoursRemoved", nameof(DirectorySchedule), scheduleId, $"service={id}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Hours", new { id, saved = true });
    }

    private async Task TouchAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.Set<DirectoryService>().FirstAsync(s => s.Id == id, cancellationToken)).LastModifiedUtc = timeProvider.GetUtcNow().UtcDateTime;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var name = await db.Set<DirectoryService>().AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return false;
        }

        ServiceName = name;
        var places = await db.Set<DirectoryServiceAtLocation>().AsNoTracking().Where(x => x.ServiceId == id)
            .Join(db.Set<DirectoryLocation>(), x => x.LocationId, l => l.Id, (x, l) => new { x.Id, l.Name, l.IsConfidential })
            .OrderBy(x => x.Name).ToListAsync(cancellationToken);
        PlaceOptions = [.. places.Select(p => new SelectListItem(p.IsConfidential ? $"{p.Name} ({t["Directory_Confidential"]})" : p.Name, p.Id.ToString()))];
        var names = places.ToDictionary(p => p.Id, p => p.Name);
        Rows = [.. (await db.Set<DirectorySchedule>().AsNoTracking().Where(s => s.ServiceId == id).ToListAsync(cancellationToken))
            .OrderBy(s => s.OpensAt).ThenBy(s => s.ByDay)
            .Select(s => new Row(s.Id, s.ByDay, s.OpensAt, s.ClosesAt, s.WalkIn, s.ServiceAtLocationId is { } at ? names.GetValueOrDefault(at) : null,
                s.ValidFrom, s.ValidTo, s.Description))];
        return true;
    }
}
