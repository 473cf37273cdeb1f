using System.Text;
using Baken.Features.ServiceDirectory.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory;

/// <summary>
/// Import of an HSDS 3.0 JSON file in two steps: the upload shows a preview (or every error, with its place in the
/// file), and a second post confirms. The file is not stored on the server in between: its text travels back in a
/// hidden field (public directory data), and the confirmation checks it all again.
/// </summary>
[RequestSizeLimit(4 * HsdsImporter.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 4 * HsdsImporter.MaxBytes, ValueLengthLimit = 3 * HsdsImporter.MaxBytes)]
public sealed class ImportModel(HsdsImporter importer, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The most errors listed; the rest are counted.</summary>
    public const int ErrorsShown = 200;

    private static readonly string[] JsonTypes = ["application/json", "text/json", "application/octet-stream", "text/plain", ""];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The previewed file's text, to confirm. Browsers send its line breaks as CRLF, so it may be a little longer than the file.</summary>
    [BindProperty]
    public string? FileText { get; set; }

    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        FileText = null;
        var text = await ReadAsync(Upload, cancellationToken);
        if (text is null)
        {
            return Page();
        }

        Result = await importer.PreviewAsync(text, cancellationToken);
        FileText = Result.Failed || Result.Report?.HasChanges != true ? null : text;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var text = FileText;
        FileText = null;
        if (string.IsNullOrEmpty(text) || text.Length > 2 * HsdsImporter.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), t["DirectoryImport_FileRequired"]);
            return Page();
        }

        Result = await importer.ApplyAsync(text, cancellationToken);
        return Page();
    }

    /// <summary>The file as text, or null with the reason in ModelState: not given, too large, not JSON by name or type, not UTF-8.</summary>
    private async Task<string?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["DirectoryImport_FileRequired"]);
            return null;
        }

        if (file.Length > HsdsImporter.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), t["DirectoryImport_FileTooLarge"]);
            return null;
        }

        var type = (file.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        if (!file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !JsonTypes.Contains(type))
        {
            ModelState.AddModelError(nameof(Upload), t["DirectoryImport_FileType"]);
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray().AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(nameof(Upload), t["DirectoryImport_NotUtf8"]);
            return null;
        }
    }
}
