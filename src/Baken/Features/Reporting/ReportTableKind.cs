namespace Baken.Features.Reporting;

/// <summary>
/// The fixed tables the municipality can publish. There is no query builder: a fixed set of tables over fixed
/// periods is what keeps a reader from differencing two custom queries into a small group (ARCHITECTURE.md,
/// "Statistics").
/// </summary>
public enum ReportTableKind
{
    ExitProgramme = 1,
    Outreach = 2,
    Signals = 3,
    Referrals = 4,
}

/// <summary>How long a reporting period is.</summary>
public enum PeriodLength
{
    Year = 1,
    Quarter = 2,
    Month = 3,
}
