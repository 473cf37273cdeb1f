namespace Baken.Features.ServiceDirectory.Import;

/// <summary>The kinds of directory rows an HSDS import counts, in the order the report lists them.</summary>
public enum ImportKind
{
    Organizations,
    Services,
    Locations,
    Places,
    Schedules,
    Phones,
    Contacts,
    Languages,
    Terms,
}

public enum ImportChange
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>One thing wrong with an import file: where (a JSON path such as <c>$.contents[2].services[0].name</c>) and what.</summary>
public sealed record ImportError(string Path, string Message);

/// <summary>
/// What an import changes (or, in the preview, would change): per kind how many rows are created, updated and
/// unchanged, and the names of the organisations and services created or updated. Nothing is ever deleted.
/// </summary>
public sealed class ImportReport
{
    public sealed record Tally(ImportKind Kind, int Created, int Updated, int Unchanged);

    private readonly Dictionary<ImportKind, int[]> _counts = Enum.GetValues<ImportKind>().ToDictionary(k => k, _ => new int[3]);

    public List<string> CreatedOrganizations { get; } = [];

    public List<string> UpdatedOrganizations { get; } = [];

    public List<string> CreatedServices { get; } = [];

    public List<string> UpdatedServices { get; } = [];

    public IReadOnlyList<Tally> Tallies =>
        [.. _counts.OrderBy(c => c.Key).Select(c => new Tally(c.Key, c.Value[0], c.Value[1], c.Value[2]))];

    public bool HasChanges => _counts.Values.Any(c => c[0] + c[1] > 0);

    public Tally this[ImportKind kind] => Tallies.Single(t => t.Kind == kind);

    public void Count(ImportKind kind, ImportChange change) => _counts[kind][(int)change]++;

    /// <summary>A short, data-free summary for the audit log, e.g. "Organizations=+1~2=5".</summary>
    public string Summary() =>
        string.Join(';', Tallies.Where(t => t.Created + t.Updated + t.Unchanged > 0).Select(t => $"{t.Kind}=+{t.Created}~{t.Updated}={t.Unchanged}"));
}

/// <summary>The outcome of an import or its preview: either errors (and nothing changed) or a report.</summary>
public sealed record ImportResult(IReadOnlyList<ImportError> Errors, ImportReport? Report, bool Applied)
{
    public bool Failed => Errors.Count > 0;
}
