using Baken.Features.Clients;

namespace Baken.Features.Trajectories;

/// <summary>
/// Which roles a trajectory's care team needs, from the intake flags (DOMAIN.md, capability 6): always one
/// case manager (the fixed counsellor); a trafficking care coordinator while victimhood is yes or suspected; a
/// housing counsellor while there is a housing need; a job coach proposed for an exit programme; a male
/// outreach worker suggested for men.
/// </summary>
public static class TeamRules
{
    public sealed record Proposal(TeamRole Role, bool Required);

    public static IReadOnlyList<Proposal> Propose(TrajectoryType type, TrajectoryIntake intake)
    {
        var roles = new List<Proposal> { new(TeamRole.Casemanager, Required: true) };
        if (intake.VictimStatus is VictimStatus.Yes or VictimStatus.Suspected)
        {
            roles.Add(new(TeamRole.Zorgcoordinator, Required: true));
        }

        if (intake.HousingNeed)
        {
            roles.Add(new(TeamRole.Woonbegeleider, Required: true));
        }

        if (type == TrajectoryType.Exit)
        {
            roles.Add(new(TeamRole.Jobcoach, Required: false));
        }

        if (intake.GenderIdentity == GenderIdentity.Man)
        {
            roles.Add(new(TeamRole.Veldwerker, Required: false));
        }

        return roles;
    }

    /// <summary>Required roles nobody on the team currently fills.</summary>
    public static IReadOnlyList<TeamRole> MissingRequired(TrajectoryType type, TrajectoryIntake intake, IEnumerable<TeamRole> present)
    {
        var filled = present.ToHashSet();
        return [.. Propose(type, intake).Where(p => p.Required && !filled.Contains(p.Role)).Select(p => p.Role)];
    }
}
