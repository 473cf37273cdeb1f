using Baken.Features.ServiceDirectory;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin.Directory.Services;

/// <summary>What the service create and edit pages share: the language options, and saving terms and languages as a set.</summary>
public static class ServicePages
{
    public const string LanguagesKey = "ServiceLanguages";

    public static void LoadOptions(ViewDataDictionary viewData, IEnumerable<string> present) =>
        viewData[LanguagesKey] = DirectoryAdmin.Languages(present);

    public static async Task<ServiceForm> FormAsync(BakenDbContext db, DirectoryService service, CancellationToken cancellationToken)
    {
        var form = ServiceForm.From(service);
        var codes = await db.Set<ServiceTerm>().AsNoTracking().Where(x => x.ServiceId == service.Id)
            .Join(db.Set<TaxonomyTerm>(), x => x.TermId, t => t.Id, (x, t) => new { t.Kind, t.Code }).ToListAsync(cancellationToken);
        form.Topics = [.. codes.Where(c => c.Kind == TaxonomyKind.Topic).Select(c => c.Code)];
        form.Groups = [.. codes.Where(c => c.Kind == TaxonomyKind.TargetGroup).Select(c => c.Code)];
        form.Languages = await db.Set<DirectoryLanguage>().AsNoTracking().Where(l => l.ServiceId == service.Id).Select(l => l.Code).ToListAsync(cancellationToken);
        return form;
    }

    /// <summary>Makes the service's terms and languages what the form says; true when anything changed.</summary>
    public static async Task<bool> SaveSetsAsync(BakenDbContext db, Guid serviceId, ServiceForm form, CancellationToken cancellationToken)
    {
        var wanted = form.Topics.Concat(form.Groups).ToHashSet(StringComparer.Ordinal);
        var terms = await db.Set<TaxonomyTerm>().AsNoTracking().ToListAsync(cancellationToken);
        var wantedIds = terms.Where(t => wanted.Contains(t.Code)).Select(t => t.Id).ToHashSet();
        var links = await db.Set<ServiceTerm>().Where(x => x.ServiceId == serviceId).ToListAsync(cancellationToken);
        var changed = false;
        foreach (var link in links.Where(x => !wantedIds.Contains(x.TermId)))
        {
            db.Remove(link);
            changed = true;
        }

        foreach (var termId in wantedIds.Where(id => links.All(x => x.TermId != id)))
        {
            db.Add(new ServiceTerm { ServiceId = serviceId, TermId = termId });
            changed = true;
        }

        var codes = form.Languages.Distinct(StringComparer.Ordinal).ToList();
        var languages = await db.Set<DirectoryLanguage>().Where(l => l.ServiceId == serviceId).ToListAsync(cancellationToken);
        foreach (var language in languages.Where(l => !codes.Contains(l.Code)))
        {
            db.Remove(language);
            changed = true;
        }

        foreach (var code in codes.Where(c => languages.All(l => l.Code != c)))
        {
            db.Add(new DirectoryLanguage { ServiceId = serviceId, Code = code, Name = DirectoryRules.LanguageName(code) });
            changed = true;
        }

        return changed;
    }
}
