namespace Baken.Features.Signals;

/// <summary>Deadlines per urgency and the status changes a person may make by hand.</summary>
public static class SignalRules
{
    public static TimeSpan ResponseTime(SignalUrgency urgency) => urgency switch
    {
        SignalUrgency.Immediate => TimeSpan.FromHours(24),
        SignalUrgency.High => TimeSpan.FromDays(3),
        _ => TimeSpan.FromDays(10),
    };

    /// <summary>Status changes by hand; "handed over" comes only from an approved handover.</summary>
    public static IReadOnlyList<SignalStatus> NextStatuses(SignalStatus status) => status switch
    {
        SignalStatus.New => [SignalStatus.InTriage, SignalStatus.InProgress],
        SignalStatus.InTriage => [SignalStatus.InProgress],
        SignalStatus.HandedOver => [SignalStatus.InProgress],
        _ => [],
    };

    /// <summary>A signal waits for its first response (nobody has started on it) past its deadline.</summary>
    public static bool IsOverdue(SignalStatus status, DateTime respondByUtc, DateTime nowUtc) =>
        status is SignalStatus.New or SignalStatus.InTriage && respondByUtc < nowUtc;
}
