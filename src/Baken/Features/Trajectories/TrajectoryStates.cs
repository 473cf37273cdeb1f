namespace Baken.Features.Trajectories;

/// <summary>
/// Which state may follow which. Aangemeld → Intake → Actief → Nazorg → Afgesloten, straight from Actief to
/// Afgesloten when no aftercare is needed, back from Nazorg to Actief, Uitgevallen from any open state, and
/// reopening (to Actief) of a closed or dropped-out trajectory. Conditions that depend on the team or the
/// outcome are checked by <see cref="TrajectoryRecords"/>; this is only the graph.
/// </summary>
public static class TrajectoryStates
{
    private static readonly Dictionary<TrajectoryState, TrajectoryState[]> Next = new()
    {
        [TrajectoryState.Registered] = [TrajectoryState.Intake, TrajectoryState.DroppedOut],
        [TrajectoryState.Intake] = [TrajectoryState.Active, TrajectoryState.DroppedOut],
        [TrajectoryState.Active] = [TrajectoryState.Aftercare, TrajectoryState.Closed, TrajectoryState.DroppedOut],
        [TrajectoryState.Aftercare] = [TrajectoryState.Closed, TrajectoryState.Active, TrajectoryState.DroppedOut],
        [TrajectoryState.Closed] = [TrajectoryState.Active],
        [TrajectoryState.DroppedOut] = [TrajectoryState.Active],
    };

    public static IReadOnlyList<TrajectoryState> From(TrajectoryState state) => Next[state];

    public static bool CanGo(TrajectoryState from, TrajectoryState to) => Next[from].Contains(to);

    public static bool IsOpen(TrajectoryState state) => state is not (TrajectoryState.Closed or TrajectoryState.DroppedOut);

    /// <summary>Open states, for queries (EF translates a constant array to IN).</summary>
    public static readonly TrajectoryState[] Open =
        [TrajectoryState.Registered, TrajectoryState.Intake, TrajectoryState.Active, TrajectoryState.Aftercare];
}
