using Baken.Features.Contact;
using Baken.Features.Intake;
using Baken.Features.Journal;
using Baken.Features.Outreach;
using Baken.Features.Plan;
using Baken.Features.Referrals;
using Baken.Features.ServiceDirectory;
using Baken.Features.Signals;
using Baken.Features.Trajectories;
using Baken.Infrastructure.ProcessingLog;

namespace Baken.Features.Clients;

/// <summary>
/// Everything Baken holds about one client, for the right of access (AVG art. 15), decrypted. Staff appear as
/// role and organisation, never by name: the export is about the client, and it is handed to them.
/// Built by <see cref="ClientExporter"/>; serialised as is for the JSON download, so names are part of its contract.
/// </summary>
public sealed record ClientExport
{
    public required string Code { get; init; }

    public required IdentityLevel Level { get; init; }

    public required DateTime RegisteredAtUtc { get; init; }

    public required ClientIdentity Identity { get; init; }

    public required IReadOnlyList<ConsentLine> Consents { get; init; }

    /// <summary>Sharing without consent, decided by a team lead (with the reason).</summary>
    public required IReadOnlyList<OverrideLine> SharedWithoutConsent { get; init; }

    public required IReadOnlyList<string> TeamOrganisations { get; init; }

    /// <summary>Who was on the care team, when, in which role and from which organisation.</summary>
    public required IReadOnlyList<TeamLine> Team { get; init; }

    public required IReadOnlyList<TrajectoryLine> Trajectories { get; init; }

    public required IReadOnlyList<BreakGlassLine> EmergencyAccess { get; init; }

    public required IReadOnlyList<SignalLine> Signals { get; init; }

    public required IReadOnlyList<IntakeRequestLine> IntakeRequests { get; init; }

    public required IReadOnlyList<ConversationLine> Conversations { get; init; }

    public required IReadOnlyList<OutreachContactLine> OutreachContacts { get; init; }

    public required IReadOnlyList<ProcessingLine> Processing { get; init; }

    /// <summary>A staff member as the client may see them: organisation and role (their team role where there is one).</summary>
    public sealed record StaffLine(string? Organisation, string? Role);

    public sealed record ConsentLine(ConsentPurpose Purpose, string? Recipient, LegalBasis LegalBasis, DateTime GivenAtUtc, DateTime? WithdrawnAtUtc, string? Note);

    public sealed record OverrideLine(ConsentPurpose Purpose, string? Recipient, DateTime AtUtc, StaffLine By, string? Reason);

    public sealed record TeamLine(TeamRole? Role, string? Organisation, DateTime FromUtc, DateTime? ToUtc, Guid? TrajectoryId);

    /// <summary>
    /// One trajectory with everything hanging on it. <see cref="JournalEntriesNotShown"/> counts the entries
    /// only the case manager and their author may read, when the person exporting is neither: the export does
    /// not widen the journal's need-to-know; the case manager makes the complete one.
    /// </summary>
    public sealed record TrajectoryLine(
        Guid Id,
        TrajectoryType Type,
        TrajectoryState State,
        string? Organisation,
        DateTime StartedAtUtc,
        DateTime? ClosedAtUtc,
        ClosureOutcome? Outcome,
        string? Evaluation,
        TrajectoryIntake Intake,
        string? ReferringOrganisation,
        IReadOnlyList<TransitionLine> History,
        IReadOnlyList<JournalLine> Journal,
        int JournalEntriesNotShown,
        IReadOnlyList<GoalLine> Goals,
        IReadOnlyList<AssessmentLine> Assessments,
        IReadOnlyList<ReferralLine> Referrals,
        IReadOnlyList<AppointmentLine> Appointments,
        IReadOnlyList<TaskLine> Tasks);

    public sealed record TransitionLine(DateTime AtUtc, TrajectoryState? From, TrajectoryState To, ClosureOutcome? Outcome, string? Note, StaffLine By);

    public sealed record JournalLine(
        DateTime OccurredAtUtc, ContactKind Kind, StaffLine Author, JournalVisibility Visibility, string Text, DateTime? EditedAtUtc, IReadOnlyList<JournalVersionLine> EarlierVersions);

    /// <summary>What an entry said before it was edited.</summary>
    public sealed record JournalVersionLine(int Version, DateTime OccurredAtUtc, ContactKind Kind, string Text, DateTime ReplacedAtUtc);

    public sealed record GoalLine(string Domain, string Text, GoalStatus Status, TeamRole? OwnerRole, DateOnly? TargetDate, DateTime CreatedAtUtc, IReadOnlyList<GoalActionLine> Actions);

    public sealed record GoalActionLine(string Text, DateOnly? DueDate, DateTime? DoneAtUtc);

    public sealed record AssessmentLine(DateOnly AssessedOn, bool WithClient, StaffLine By, IReadOnlyList<ScoreLine> Scores, string? Note);

    /// <summary>A life domain's score (1–5) by the team, and the client's own score when they gave one.</summary>
    public sealed record ScoreLine(string Domain, int? Score, int? ClientScore);

    public sealed record ReferralLine(
        DateTime SentAtUtc, string Organisation, string Service, PartnerType RecipientType, ReferralStatus Status, SharedItem Shared, string Letter, StaffLine By,
        IReadOnlyList<ReferralStatusLine> History);

    public sealed record ReferralStatusLine(ReferralStatus To, DateOnly On, DateTime AtUtc, string? Feedback);

    public sealed record AppointmentLine(DateTime StartsAtUtc, StaffLine With, string? Description, DateTime? CancelledAtUtc);

    public sealed record TaskLine(string Text, StaffLine Owner, DateOnly DueDate, DateTime? DoneAtUtc);

    public sealed record BreakGlassLine(DateTime StartedAtUtc, DateTime ExpiresAtUtc, StaffLine By, string? Reason);

    /// <summary>
    /// A signal linked to the client: that it exists, what kind, its status, and to whom it was handed over.
    /// Its texts are left out on purpose (see <see cref="ClientExporter"/>).
    /// </summary>
    public sealed record SignalLine(DateTime RaisedAtUtc, SignalCategory Category, SignalStatus Status, string? Organisation, DateTime? ClosedAtUtc, IReadOnlyList<HandoverLine> HandedOverTo);

    public sealed record HandoverLine(string? Recipient, DateTime? AtUtc);

    /// <summary>An application for intake that became this client's file; its texts moved to the file when it was taken on.</summary>
    public sealed record IntakeRequestLine(DateTime ReceivedAtUtc, IntakeSource Source, string? Organisation, string? ReferrerOrganisation, IntakeStatus Status, DateTime? DecidedAtUtc);

    /// <summary>An anonymous-channel conversation that became this client's file.</summary>
    public sealed record ConversationLine(DateTime StartedAtUtc, ReportKind Kind, ReportStatus Status, string? Organisation, IReadOnlyList<MessageLine> Messages);

    public sealed record MessageLine(DateTime AtUtc, bool FromClient, string Text);

    public sealed record OutreachContactLine(DateTime AtUtc, string? Organisation, string? Location, LocationKind? LocationKind, GenderIdentity? GenderIdentity, AgeBand AgeBand, ContactLanguage Language);

    /// <summary>One processing-log entry: which organisation and role did what, when, why; no staff names.</summary>
    public sealed record ProcessingLine(DateTime AtUtc, string Action, string Activity, string? Organisation, string? Roles, ProcessingStatus Status);
}
