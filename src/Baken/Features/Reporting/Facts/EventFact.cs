using Baken.Infrastructure.Privacy;

namespace Baken.Features.Reporting.Facts;

public enum EventFactKind
{
    /// <summary>Category = <see cref="Signals.SignalCategory"/>, Detail = <see cref="Signals.SignalSource"/>.</summary>
    SignalRaised = 1,

    /// <summary>Category = signal category; Hours = hours from raising to triage.</summary>
    SignalTriaged = 2,

    /// <summary>Category = signal category.</summary>
    SignalHandedOver = 3,

    /// <summary>Category = <see cref="ServiceDirectory.PartnerType"/> of the recipient; Detail = the referral's current <see cref="Referrals.ReferralStatus"/>.</summary>
    ReferralOut = 4,

    /// <summary>Category = <see cref="Intake.IntakeSource"/>.</summary>
    ReferralIn = 5,
}

/// <summary>
/// A counted event that is not about one person's situation: a signal raised, triaged or handed over, a referral
/// made or received. Events are counted as events, not people. Signals and intake requests are erased on their own
/// retention schedule, referrals with their client; these rows keep the counts of past periods stable.
/// </summary>
public sealed class EventFact
{
    public const string Table = "EventFacts";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    [Classified(DataClass.NotPersonal)]
    public EventFactKind Kind { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly On { get; init; }

    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int Category { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int? Detail { get; set; }

    [Classified(DataClass.NotPersonal)]
    public int? Hours { get; init; }

    /// <summary>
    /// For a referral made: the referral's id, so its status can follow. Referral rows hold the same category and
    /// status in the clear, so the link adds nothing; after erasure it points at nothing.
    /// </summary>
    [Classified(DataClass.NotPersonal)]
    public Guid? SourceId { get; init; }
}
