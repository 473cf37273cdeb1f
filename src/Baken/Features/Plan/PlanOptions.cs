namespace Baken.Features.Plan;

/// <summary>Settings under <c>Baken:Plan</c>.</summary>
public sealed class PlanOptions
{
    public const string Section = "Baken:Plan";

    /// <summary>An assessment is due this many weeks after the previous one (or after the trajectory became active).</summary>
    public int AssessmentIntervalWeeks { get; set; } = 8;
}
