using Baken.Features.Reporting.Disclosure;

namespace Baken.Features.Reporting.Figures;

/// <summary>What a report is about: one period, one organisation or the whole region (null), under the disclosure rules.</summary>
public sealed record ReportScope(ReportPeriod Period, Guid? OrganisationId, DisclosureRules Rules);

/// <summary>A count over time for the chart: one bar per period, each a single published value.</summary>
public sealed record SeriesPoint(string Label, PublishedValue Value);

/// <summary>Everything one fixed report publishes for a scope.</summary>
public sealed record Report(ReportTableKind Kind, string Title, string Introduction, string ChartTitle, IReadOnlyList<SeriesPoint> Series, IReadOnlyList<PublishedTable> Tables);
