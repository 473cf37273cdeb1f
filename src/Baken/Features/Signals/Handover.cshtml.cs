using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Baken.Features.Clients;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Signals;

/// <summary>
/// Asking for a handover to a partner: pick the recipient and exactly which parts go along (a minimal set is
/// ticked by default), see the text that will be passed on, then offer it for approval by a second colleague.
/// Nothing is handed over until that colleague approves on the signal page.
/// </summary>
[Authorize(Roles = SignalAccess.Roles)]
public sealed class HandoverModel(
    BakenDbContext db,
    SignalAccess access,
    SignalRecords records,
    ClientAccess clientAccess,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxNote = 2000;

    public static readonly HandoverItems DefaultItems = HandoverItems.Category | HandoverItems.Urgency | HandoverItems.Indicators;

    [BindProperty]
    public Guid? RecipientId { get; set; }

    [BindProperty]
    public List<HandoverItems> Items { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    public Signal Signal { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Recipients { get; private set; } = [];

    /// <summary>Items offered: the client code only when this user may open the linked client.</summary>
    public IReadOnlyList<HandoverItems> Offered { get; private set; } = [];

    /// <summary>The text that would be passed on, after "Preview".</summary>
    public string? Preview { get; private set; }

    /// <summary>A hash of the previewed text, posted back: a request is stored only for the text that was seen.</summary>
    [BindProperty]
    public string? PreviewHash { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        Items = [.. Offered.Where(i => DefaultItems.HasFlag(i))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool confirm, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } signal)
        {
            return NotFound();
        }

        if (Recipients.All(r => r.Value != RecipientId?.ToString()))
        {
            ModelState.AddModelError(nameof(RecipientId), t["Handover_RecipientRequired"]);
        }

        var items = Items.Where(Offered.Contains).Aggregate(HandoverItems.None, (all, i) => all | i);
        if (items == HandoverItems.None && string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Items), t["Handover_NothingChosen"]);
        }

        if ((Note?.Length ?? 0) > MaxNote)
        {
            ModelState.AddModelError(nameof(Note), t["Field_TooLong", MaxNote]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var text = await ComposeAsync(signal, items, cancellationToken);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        if (confirm && !string.Equals(PreviewHash, hash, StringComparison.Ordinal))
        {
            // The choices changed after the preview: show the new text first.
            ModelState.AddModelError(string.Empty, t["Handover_PreviewChanged"]);
            confirm = false;
        }

        if (!confirm)
        {
            PreviewHash = hash;
            ModelState.Remove(nameof(PreviewHash));
            // Only the read of the description (when chosen) is saved: its processing-log entry.
            await db.SaveChangesAsync(cancellationToken);
            Preview = text;
            return Page();
        }

        var error = await records.RequestHandoverAsync(signal, RecipientId!.Value, items, text, User.UserId()!.Value, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, t[error]);
            return Page();
        }

        return Redirect($"/Signals/{id}");
    }

    /// <summary>The handover text, built on the server from the chosen parts only.</summary>
    private async Task<string> ComposeAsync(Signal signal, HandoverItems items, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        if (items.HasFlag(HandoverItems.Category))
        {
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Signal_Category"]}: {t[$"SignalCategory_{signal.Category}"]}");
        }

        if (items.HasFlag(HandoverItems.Urgency))
        {
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Signal_Urgency"]}: {t[$"SignalUrgency_{signal.Urgency}"]}");
        }

        if (items.HasFlag(HandoverItems.Indicators))
        {
            var names = await db.Set<SignalIndicatorMark>().Where(m => m.SignalId == signal.Id)
                .Join(db.Set<SignalIndicator>(), m => m.IndicatorId, i => i.Id, (m, i) => i.Name).OrderBy(n => n).ToListAsync(cancellationToken);
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Signal_Indicators"]}: {(names.Count == 0 ? "—" : string.Join("; ", names))}");
        }

        if (items.HasFlag(HandoverItems.ClientCode) && signal.ClientId is { } clientId)
        {
            var code = await clientAccess.Openable(User).Where(c => c.Id == clientId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken);
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Signal_ClientCode"]}: {code}");
        }

        if (items.HasFlag(HandoverItems.Description))
        {
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Signal_Description"]}:").AppendLine(await records.ReadDescriptionAsync(signal, cancellationToken));
        }

        if (!string.IsNullOrWhiteSpace(Note))
        {
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Handover_Note"]}:").AppendLine(Note.Trim());
        }

        return text.ToString().TrimEnd();
    }

    private async Task<Signal?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var signal = await access.Visible(User).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (signal is null || !SignalAccess.MayHandle(User, signal) || !signal.IsOpen)
        {
            return null;
        }

        Signal = signal;
        Recipients = [.. (await db.Organisations.AsNoTracking().Where(o => o.Id != signal.OrganisationId).OrderBy(o => o.Name)
                .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))];
        var linkedClientOpenable = signal.ClientId is { } clientId && await clientAccess.CanOpenAsync(User, clientId, cancellationToken)
            && !await clientAccess.IsRestrictedAsync(clientId, cancellationToken);
        Offered = [.. Enum.GetValues<HandoverItems>().Where(i => i != HandoverItems.None && (i != HandoverItems.ClientCode || linkedClientOpenable))];
        return signal;
    }
}
