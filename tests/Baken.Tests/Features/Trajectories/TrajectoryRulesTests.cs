using Baken.Features.Clients;
using Baken.Features.Trajectories;

namespace Baken.Tests.Features.Trajectories;

public sealed class TrajectoryRulesTests
{
    [Theory]
    [InlineData(TrajectoryState.Registered, TrajectoryState.Intake, true)]
    [InlineData(TrajectoryState.Registered, TrajectoryState.Active, false)]
    [InlineData(TrajectoryState.Intake, TrajectoryState.Active, true)]
    [InlineData(TrajectoryState.Active, TrajectoryState.Aftercare, true)]
    [InlineData(TrajectoryState.Active, TrajectoryState.Closed, true)]
    [InlineData(TrajectoryState.Aftercare, TrajectoryState.Active, true)]
    [InlineData(TrajectoryState.Aftercare, TrajectoryState.Registered, false)]
    [InlineData(TrajectoryState.Closed, TrajectoryState.Active, true)]
    [InlineData(TrajectoryState.Closed, TrajectoryState.Aftercare, false)]
    [InlineData(TrajectoryState.DroppedOut, TrajectoryState.Active, true)]
    public void The_state_graph_allows_only_the_documented_steps(TrajectoryState from, TrajectoryState to, bool allowed) =>
        TrajectoryStates.CanGo(from, to).ShouldBe(allowed);

    [Fact]
    public void Every_open_state_can_drop_out_and_no_closed_state_can()
    {
        foreach (var state in Enum.GetValues<TrajectoryState>())
        {
            TrajectoryStates.CanGo(state, TrajectoryState.DroppedOut).ShouldBe(TrajectoryStates.IsOpen(state), state.ToString());
        }
    }

    [Fact]
    public void The_team_is_proposed_from_the_intake_flags()
    {
        var plain = new TrajectoryIntake();
        TeamRules.Propose(TrajectoryType.Support, plain).Select(p => p.Role).ShouldBe([TeamRole.Casemanager]);

        var flagged = new TrajectoryIntake { VictimStatus = VictimStatus.Suspected, HousingNeed = true, GenderIdentity = GenderIdentity.Man };
        var proposal = TeamRules.Propose(TrajectoryType.Exit, flagged);
        proposal.Where(p => p.Required).Select(p => p.Role).ShouldBe([TeamRole.Casemanager, TeamRole.Zorgcoordinator, TeamRole.Woonbegeleider], ignoreOrder: true);
        proposal.Where(p => !p.Required).Select(p => p.Role).ShouldBe([TeamRole.Jobcoach, TeamRole.Veldwerker], ignoreOrder: true);

        TeamRules.MissingRequired(TrajectoryType.Exit, flagged, [TeamRole.Casemanager, TeamRole.Jobcoach]).ShouldBe([TeamRole.Zorgcoordinator, TeamRole.Woonbegeleider]);
        TeamRules.MissingRequired(TrajectoryType.Exit, flagged with { VictimStatus = VictimStatus.No, HousingNeed = false }, [TeamRole.Casemanager]).ShouldBeEmpty();
    }

    [Fact]
    public void A_local_time_in_the_hour_skipped_by_summer_time_is_refused_not_a_crash()
    {
        Baken.Infrastructure.Web.DisplayTime.ParseLocalInput("2026-03-29T02:30").ShouldBeNull();
        Baken.Infrastructure.Web.DisplayTime.ParseLocalInput("2026-03-29T03:30").ShouldBe(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc));
        Baken.Infrastructure.Web.DisplayTime.ParseLocalInput("gisteren").ShouldBeNull();
    }
}
