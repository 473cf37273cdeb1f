using Baken.Features.Clients;
using Baken.Features.Contact;
using Baken.Features.Journal;
using Baken.Features.ServiceDirectory;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Localization;
using Baken.Infrastructure.ProcessingLog;
using Baken.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Intake;

/// <summary>The decisions on a request: taking it on, or not (see <see cref="IntakeRecords"/>).</summary>
public sealed partial class IntakeRecords
{
    /// <summary>
    /// Takes the request on: an anonymous client (pseudonymous when the person gave a way to reach them) of the
    /// receiving organisation with consent for case management, a trajectory whose journal gets the person's
    /// message (and the worker's note), the request's texts erased and its key shredded. Returns the client, or
    /// the resource key of the reason it was refused.
    /// </summary>
    public async Task<(Guid? ClientId, string? Refusal)> AcceptAsync(IntakeRequest request, Acceptance acceptance, Guid userId, CancellationToken cancellationToken)
    {
        if (Refusal(request, acceptance.SeenVersion) is { } refusal)
        {
            return (null, refusal);
        }

        var contents = await OpenAsync(request, cancellationToken);
        var channel = request.ContactChannel switch
        {
            IntakeContactChannel.Phone => "phone",
            IntakeContactChannel.Email => "email",
            IntakeContactChannel.Messenger => "messenger",
            IntakeContactChannel.InfoCentre => "infocentre",
            _ => null,
        };
        var client = await clients.CreateAsync(
            channel is null ? IdentityLevel.Anonymous : IdentityLevel.Pseudonymous,
            new ClientIdentity { Alias = contents.Alias, ContactChannel = channel, ContactValue = contents.ContactDetails },
            request.OrganisationId, userId, cancellationToken);
        db.Add(new Consent
        {
            ClientId = client.Id,
            Purpose = ConsentPurpose.CaseManagement,
            LegalBasis = LegalBasis.Consent,
            GivenAtUtc = Now,
            RecordedByUserId = userId,
        });

        var intake = new TrajectoryIntake
        {
            ReferralRoute = await RouteAsync(request, cancellationToken),
            ReferringOrganisationId = request.ReferrerOrganisationId,
            ReferralDate = DisplayTime.LocalDate(request.ReceivedAtUtc),
            Languages = LocalizationSetup.FindPublicLanguage(request.Language)?.NativeName ?? request.Language,
        };
        var (trajectory, startRefusal) = await trajectories.StartAsync(
            client, acceptance.Type, intake, request.OrganisationId, userId, acceptance.JoinAsCaseManager, cancellationToken);
        if (trajectory is null)
        {
            db.ChangeTracker.Clear();
            return (null, startRefusal);
        }

        if (contents.Message is { } message)
        {
            await journal.AddAsync(client, trajectory, ContactKind.Note, request.ReceivedAtUtc, JournalVisibility.Team,
                acceptance.MessageHeading + "\n\n" + message, userId, cancellationToken);
        }

        if (IntakeRules.Clean(acceptance.Note) is { } note)
        {
            await journal.AddAsync(client, trajectory, ContactKind.Note, Now, JournalVisibility.Team, note, userId, cancellationToken);
        }

        if (request.ReportId is { } reportId
            && await db.Set<AnonymousReport>().FirstOrDefaultAsync(r => r.Id == reportId && r.ClientId == null, cancellationToken) is { } report)
        {
            report.ClientId = client.Id;
            report.Version++;
            processingLog.Record(ProcessingActivities.AnonymousContact, "ReportIntakeMade", report.Id);
        }

        // The texts now live with the client; the request keeps only the link, and its key goes.
        request.Alias = null;
        request.ContactDetails = null;
        request.Message = null;
        request.DecisionNote = null;
        await crypto.ShredAsync(request.Id, cancellationToken);
        Decide(request, IntakeStatus.Accepted, userId);
        request.ClientId = client.Id;
        processingLog.Record(ProcessingActivities.Referral, "IntakeAccepted", request.Id);
        processingLog.Record(ProcessingActivities.CaseManagement, "ClientCreatedFromIntake", client.Id);
        audit.Record("IntakeAccepted", nameof(IntakeRequest), request.Id);
        return await SaveAsync(cancellationToken) ? (client.Id, null) : (null, "Intake_ChangedMeanwhile");
    }

    /// <summary>Records that the request is not taken on, with the team's note (encrypted; never shown to the referrer).</summary>
    public async Task<string?> DeclineAsync(IntakeRequest request, int seenVersion, string note, Guid userId, CancellationToken cancellationToken)
    {
        if (Refusal(request, seenVersion) is { } refusal)
        {
            return refusal;
        }

        request.DecisionNote = await SealAsync(request, nameof(IntakeRequest.DecisionNote), note, cancellationToken);
        Decide(request, IntakeStatus.NotTakenOn, userId);
        processingLog.Record(ProcessingActivities.Referral, "IntakeNotTakenOn", request.Id);
        audit.Record("IntakeNotTakenOn", nameof(IntakeRequest), request.Id);
        return await SaveAsync(cancellationToken) ? null : "Intake_ChangedMeanwhile";
    }

    private static string? Refusal(IntakeRequest request, int seenVersion) =>
        request.Status != IntakeStatus.Received ? "Intake_AlreadyDecided"
        : request.Version != seenVersion ? "Intake_ChangedMeanwhile"
        : null;

    private void Decide(IntakeRequest request, IntakeStatus status, Guid userId)
    {
        request.Status = status;
        request.DecidedAtUtc = Now;
        request.DecidedByUserId = userId;
        request.Version++;
    }

    /// <summary>Saves; false when a colleague decided (or changed) the request meanwhile, and nothing of this is kept.</summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>How the person came in, for the trajectory's intake: the website, or the kind of partner that referred.</summary>
    private async Task<ReferralRoute> RouteAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        if (request.Source == IntakeSource.SelfReferral || request.ReferrerOrganisationId is not { } referrer)
        {
            return ReferralRoute.SelfReferralWebsite;
        }

        var type = await db.Set<DirectoryOrganization>().Where(d => d.OrganisationId == referrer).Select(d => (PartnerType?)d.PartnerType)
            .FirstOrDefaultAsync(cancellationToken);
        return type switch
        {
            PartnerType.Police => ReferralRoute.Police,
            PartnerType.PublicHealth => ReferralRoute.PublicHealthService,
            PartnerType.TraffickingCentre => ReferralRoute.TraffickingCentre,
            _ => ReferralRoute.RegionalOrganisation,
        };
    }
}
