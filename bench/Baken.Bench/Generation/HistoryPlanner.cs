using System.Globalization;
using Baken.Features.Clients;
using Baken.Features.Journal;
using Baken.Features.Plan;
using Baken.Features.Trajectories;

namespace Baken.Bench.Generation;

/// <summary>
/// Plans client histories from a fixed seed, so a scale always yields the same people, dates and texts. The shape
/// follows the letter: trajectories of a year or so (log-normal, median about nine months), one after another
/// with gaps; an assessment every 6 to 12 weeks once a trajectory is active; journal entries spread over its
/// life; closures with an outcome, a fifth dropping out. Clients whose last trajectory is still open are
/// spread over the case managers so that each carries about thirty.
/// </summary>
public sealed class HistoryPlanner(Scale scale, IReadOnlyList<Region> regions, DateTime nowUtc, int seed)
{
    private const int OpenPerCaseManager = 30;
    private static readonly string[] Names = ["Roos", "Mila", "Sara", "Lina", "Ana", "Ioana", "Maria", "Elena", "Kasia", "Nok", "Pim", "Daan", "Yara", "Noor", "Eva", "Lucia", "Bianca", "Mei", "Sam", "Alex"];
    private static readonly string[] Topics = ["huisvesting", "schulden", "werk zoeken", "gezondheid", "veiligheid", "verblijfsstatus", "dagbesteding", "contact met familie", "opleiding", "uitkering"];
    private static readonly string[] Details = ["het rustiger gaat dan vorige maand", "er een nieuwe brief van de belastingdienst is", "ze zich zorgen maakt over de huur", "het gesprek met de jobcoach goed ging", "er weer contact is geweest met de exploitant", "ze minder slaapt", "de aanvraag is ingediend", "ze een cursus wil volgen"];
    private static readonly string[] Next = ["volgende week bellen", "samen naar het loket", "brief meenemen naar het spreekuur", "over twee weken op kantoor", "jobcoach sluit aan", "huisbezoek plannen"];
    private static readonly ClosureOutcome[] Outcomes = [.. Enum.GetValues<ClosureOutcome>()];

    private readonly Random _random = new(seed);
    private readonly DateTime _historyStart = nowUtc.AddYears(-scale.Years);
    private readonly int[] _openLoad = new int[regions.Sum(r => r.CaseManagers.Count)];

    /// <summary>The chance that a client's last trajectory is still open, from the case managers' caseload.</summary>
    private double OpenShare => Math.Min(0.35, (double)_openLoad.Length * OpenPerCaseManager * scale.TrajectoriesPerClient / scale.Trajectories);

    public ClientHistory Plan(int trajectoriesLeft)
    {
        var open = _random.NextDouble() < OpenShare;
        var count = Math.Min(trajectoriesLeft, _random.NextDouble() < scale.TrajectoriesPerClient - 2 ? 3 : 2);
        Region region;
        Guid caseManager;
        if (open)
        {
            // The least loaded case manager in the country takes the open file (ties: the first).
            var index = Array.IndexOf(_openLoad, _openLoad.Min());
            _openLoad[index]++;
            (region, caseManager) = CaseManager(index);
        }
        else
        {
            region = regions[_random.Next(regions.Count)];
            caseManager = region.CaseManagers[_random.Next(region.CaseManagers.Count)];
        }

        // Built backwards from the last trajectory: open ones started within the last two years.
        var spans = new List<(DateTime Start, DateTime? End)>();
        var end = open ? (DateTime?)null : _historyStart.AddDays(_random.NextDouble() * (nowUtc.AddDays(-30) - _historyStart).TotalDays);
        var start = open ? nowUtc.AddDays(-_random.Next(1, 600)) : end!.Value.AddDays(-Duration());
        spans.Add((start, end));
        for (var i = 1; i < count; i++)
        {
            var previousEnd = spans[0].Start.AddDays(-_random.Next(30, 365));
            spans.Insert(0, (previousEnd.AddDays(-Duration()), previousEnd));
        }

        var identity = Identity(out var level);
        var trajectories = spans.Select((s, i) => Trajectory(region, caseManager, s.Start, s.End, i == 0 ? TrajectoryType.Exit : Pick([TrajectoryType.Exit, TrajectoryType.Support]))).ToList();
        return new ClientHistory(region, caseManager, spans[0].Start.AddDays(-_random.Next(0, 30)), level, identity, trajectories);
    }

    private (Region, Guid) CaseManager(int index)
    {
        foreach (var region in regions)
        {
            if (index < region.CaseManagers.Count)
            {
                return (region, region.CaseManagers[index]);
            }

            index -= region.CaseManagers.Count;
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>Days a trajectory lasts: log-normal around nine months, between a month and four years.</summary>
    private int Duration()
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        return (int)Math.Clamp(Math.Exp(Math.Log(270) + (0.6 * normal)), 30, 1460);
    }

    private ClientIdentity Identity(out IdentityLevel level)
    {
        var roll = _random.NextDouble();
        level = roll < 0.35 ? IdentityLevel.Anonymous : roll < 0.75 ? IdentityLevel.Pseudonymous : IdentityLevel.Identified;
        var alias = $"{Pick(Names)} {_random.Next(10, 99)}";
        var phone = $"06{_random.Next(10_000_000, 99_999_999)}";
        return new ClientIdentity
        {
            Alias = alias,
            ContactChannel = "phone",
            ContactValue = phone,
            LegalName = $"{Pick(Names)} Voorbeeld-{_random.Next(1000, 9999)}",
            DateOfBirth = new DateOnly(_random.Next(1970, 2006), _random.Next(1, 13), _random.Next(1, 29)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Nationality = Pick(["Nederlands", "Roemeens", "Bulgaars", "Pools", "Hongaars", "Thais", "Colombiaans", "Nigeriaans"]),
            Languages = Pick(["nl", "nl, en", "ro, en", "bg", "pl, en", "th, en", "es"]),
            GenderIdentity = Pick(["Vrouw", "Vrouw", "Vrouw", "Man", "Trans vrouw", "Non-binair"]),
        }.LimitedTo(level);
    }

    private TrajectoryHistory Trajectory(Region region, Guid caseManager, DateTime start, DateTime? end, TrajectoryType type)
    {
        var intake = new TrajectoryIntake
        {
            ReferralRoute = Pick(Enum.GetValues<ReferralRoute>()),
            ReferralDate = DateOnly.FromDateTime(start.AddDays(-_random.Next(0, 20))),
            HousingNeed = _random.NextDouble() < 0.3,
            VictimStatus = Pick([VictimStatus.No, VictimStatus.No, VictimStatus.No, VictimStatus.Suspected, VictimStatus.Yes]),
            GenderIdentity = Pick([GenderIdentity.Woman, GenderIdentity.Woman, GenderIdentity.Woman, GenderIdentity.Woman, GenderIdentity.Man, GenderIdentity.Transgender, GenderIdentity.NonBinary]),
            Languages = Pick(["nl", "en", "ro", "bg", "pl", "th", "es"]),
            Motive = Pick(Enum.GetValues<SexWorkMotive>()),
            MigrationSituation = Pick(Enum.GetValues<MigrationSituation>()),
        };

        // The team the intake proposes, mostly filled (a missing required role shows on the caseload).
        var team = TeamRules.Propose(type, intake).Where(p => p.Role != TeamRole.Casemanager && _random.NextDouble() < 0.85)
            .Select(p => (p.Role, Pick(region.Specialists[p.Role])))
            .Prepend((TeamRole.Casemanager, caseManager))
            .ToList();

        var last = end ?? nowUtc;
        var steps = new List<Step>();
        var intakeAt = start.AddDays(_random.Next(1, 14));
        var activeAt = intakeAt.AddDays(_random.Next(7, 30));
        if (intakeAt < last)
        {
            steps.Add(new Transition(intakeAt, TrajectoryState.Intake, null));
        }

        if (activeAt < last)
        {
            steps.Add(new Transition(activeAt, TrajectoryState.Active, null));
            steps.Add(new GoalSet(activeAt.AddHours(1), PlanDefaults.Domains[_random.Next(PlanDefaults.Domains.Length)].Id, $"Werken aan {Pick(Topics)}."));
            steps.Add(new GoalSet(activeAt.AddHours(2), PlanDefaults.Domains[_random.Next(PlanDefaults.Domains.Length)].Id, $"Stap voor stap: {Pick(Topics)}."));
            var scores = PlanDefaults.Domains.ToDictionary(d => d.Id, _ => _random.Next(1, 4));
            for (var at = activeAt.AddDays(_random.Next(0, 14)); at < last; at = at.AddDays(_random.Next(42, 85)))
            {
                steps.Add(new AssessmentTaken(at, new Dictionary<Guid, int>(scores), _random.NextDouble() < 0.7));
                foreach (var domain in scores.Keys.ToList())
                {
                    var move = _random.NextDouble();
                    scores[domain] = Math.Clamp(scores[domain] + (move < 0.3 ? 1 : move < 0.4 ? -1 : 0), 1, 5);
                }
            }
        }

        var lifeDays = (last - start).TotalDays;
        for (var i = 0; i < scale.JournalEntriesPerTrajectory; i++)
        {
            var at = start.AddDays(_random.NextDouble() * lifeDays * 0.98);
            var author = _random.NextDouble() < 0.75 ? caseManager : Pick(team).Item2;
            steps.Add(new JournalNote(at, Pick([ContactKind.FaceToFace, ContactKind.FaceToFace, ContactKind.Phone, ContactKind.Chat, ContactKind.HomeVisit, ContactKind.Note]),
                _random.NextDouble() < 0.92 ? JournalVisibility.Team : JournalVisibility.CaseManagerAndAuthor,
                $"Gesprek over {Pick(Topics)}. Ze vertelt dat {Pick(Details)}. Afspraak: {Pick(Next)}.", author));
        }

        if (end is { } closedAt && activeAt < closedAt)
        {
            if (_random.NextDouble() < 0.5 && closedAt.AddDays(-60) > activeAt)
            {
                steps.Add(new Transition(closedAt.AddDays(-60), TrajectoryState.Aftercare, null));
            }

            steps.Add(_random.NextDouble() < 0.8
                ? new Transition(closedAt, TrajectoryState.Closed, Pick(Outcomes))
                : new Transition(closedAt, TrajectoryState.DroppedOut, null));
        }
        else if (end is { } stoppedAt)
        {
            // Over before it became active: the person did not continue.
            steps.Add(new Transition(stoppedAt, TrajectoryState.DroppedOut, null));
        }

        return new TrajectoryHistory(type, intake, start, team, [.. steps.OrderBy(s => s.AtUtc)]);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
