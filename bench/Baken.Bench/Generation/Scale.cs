using System.Globalization;

namespace Baken.Bench.Generation;

/// <summary>
/// The size of a generated dataset. The named scales follow ARCHITECTURE.md: national is 100,000 clients, 250,000
/// trajectories, 5,000,000 journal entries and 10,000,000 outreach contacts over ten years; stress is 1,000,000
/// trajectories for the list pages. The growth scales are stress's shape at 10,000 and 100,000 trajectories, so
/// one page can be measured at three sizes. Signals, referrals out and intake requests come in the rates below:
/// tiny has more per client than the others, so a year of its 80 clients still fills the signal and referral
/// figures above the disclosure threshold. Case managers per region: forty at national scale (the letter's city has
/// about forty), each then on about 30 open trajectories; the stress and growth scales keep those 30 by having
/// as many case managers as their size needs (2, 16 and 160 a region for 10,000, 100,000 and 1,000,000
/// trajectories), so a case manager's caseload page shows the same number of rows at every size and only the
/// database grows. (With forty at every size, a growth-10k case manager had 1.4 open trajectories.)
/// </summary>
public sealed record Scale(
    string Name,
    int Trajectories,
    double TrajectoriesPerClient,
    int JournalEntriesPerTrajectory,
    int OutreachContacts,
    int Regions,
    int Years,
    double SignalsPerClient = 0,
    double ReferralsPerTrajectory = 0,
    double IntakeRequestsPerClient = 0,
    int CaseManagersPerRegion = 40)
{

    public int Clients => (int)Math.Ceiling(Trajectories / TrajectoriesPerClient);

    public static readonly Scale Tiny = new("tiny", 200, 2.5, 6, 2_000, 1, 3, SignalsPerClient: 1.5, ReferralsPerTrajectory: 1.2, IntakeRequestsPerClient: 0.5);
    public static readonly Scale National = new("national", 250_000, 2.5, 20, 10_000_000, 25, 10, SignalsPerClient: 0.3, ReferralsPerTrajectory: 1.2, IntakeRequestsPerClient: 0.3);
    public static readonly Scale Stress = new("stress", 1_000_000, 2.5, 3, 0, 25, 10, SignalsPerClient: 0.1, ReferralsPerTrajectory: 0.3, IntakeRequestsPerClient: 0.1, CaseManagersPerRegion: 160);
    public static readonly Scale Growth10K = Stress with { Name = "growth-10k", Trajectories = 10_000, CaseManagersPerRegion = 2 };
    public static readonly Scale Growth100K = Stress with { Name = "growth-100k", Trajectories = 100_000, CaseManagersPerRegion = 16 };

    public static IReadOnlyList<Scale> All { get; } = [Tiny, National, Stress, Growth10K, Growth100K];

    public static Scale Parse(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown scale '{name}'; use one of: {string.Join(", ", All.Select(s => s.Name))}.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Clients:N0} clients, {Trajectories:N0} trajectories, ~{(long)Trajectories * JournalEntriesPerTrajectory:N0} journal entries, {OutreachContacts:N0} outreach contacts, ~{Clients * SignalsPerClient:N0} signals, up to ~{Trajectories * ReferralsPerTrajectory:N0} referrals out, ~{Clients * IntakeRequestsPerClient:N0} intake requests, {Regions} regions, {Years} years");
}
