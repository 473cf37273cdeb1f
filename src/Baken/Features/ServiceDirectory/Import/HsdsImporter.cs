using System.Text.Json;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.ServiceDirectory.Import;

/// <summary>
/// Imports an HSDS 3.0 JSON file into the directory, all or nothing: the whole file is read and checked first
/// (every error with its JSON path), and only a file without errors is applied, in one SaveChanges. The preview
/// runs the very same steps and then forgets the changes, so what it reports is what the import will do.
/// The file's content is never stored or logged (it is public directory data, but it is not kept either).
/// </summary>
public sealed class HsdsImporter(BakenDbContext db, AuditLog audit, TimeProvider timeProvider, IStringLocalizer<SharedResource> t)
{
    /// <summary>The largest file accepted: 2 MB, some thousands of organisations.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public Task<ImportResult> PreviewAsync(string json, CancellationToken cancellationToken) => RunAsync(json, apply: false, cancellationToken);

    public Task<ImportResult> ApplyAsync(string json, CancellationToken cancellationToken) => RunAsync(json, apply: true, cancellationToken);

    private async Task<ImportResult> RunAsync(string json, bool apply, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return Refused(new ImportError("$", t["DirectoryImport_NotJson", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1]));
        }

        using (document)
        {
            var reader = new HsdsImportReader(t);
            var file = reader.Read(document.RootElement);
            var errors = reader.Errors;
            var existing = await ExistingDirectory.LoadAsync(db, file, cancellationToken);
            new HsdsImportChecks(t, errors).Check(file, existing);
            if (errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return new ImportResult(errors, null, false);
            }

            var report = new HsdsImportWriter(db, existing, timeProvider.GetUtcNow().UtcDateTime).Write(file);
            if (!apply || !report.HasChanges)
            {
                db.ChangeTracker.Clear();
                return new ImportResult([], report, false);
            }

            Audit(report, file, existing);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The directory changed between reading and saving (another import, a deletion): nothing was saved.
                db.ChangeTracker.Clear();
                return Refused(new ImportError("$", t["DirectoryImport_SaveFailed"]));
            }

            return new ImportResult([], report, true);
        }
    }

    /// <summary>One summary entry, and one per organisation and service created or changed (ids and counts only).</summary>
    private void Audit(ImportReport report, ImportedDirectory file, ExistingDirectory existing)
    {
        audit.Record("DirectoryImported", "DirectoryImport", null, report.Summary());
        foreach (var organization in file.Organizations)
        {
            var entry = db.Entry(existing.Organizations[organization.Id]);
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                audit.Record(entry.State == EntityState.Added ? "DirectoryOrganizationCreated" : "DirectoryOrganizationChanged", nameof(DirectoryOrganization), organization.Id, "import");
            }
        }

        foreach (var service in file.Services)
        {
            var entry = db.Entry(existing.Services[service.Id]);
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                audit.Record(entry.State == EntityState.Added ? "DirectoryServiceCreated" : "DirectoryServiceChanged", nameof(DirectoryService), service.Id, "import");
            }
        }
    }

    private static ImportResult Refused(ImportError error) => new([error], null, false);
}
