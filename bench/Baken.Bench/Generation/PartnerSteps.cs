using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Intake;
using Baken.Features.Referrals;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Bench.Generation;

/// <summary>
/// The partner steps of a history, each as its page's post does it, in <see cref="HistoryReplay"/>'s unit of work:
/// a client arriving through the intake queue, a consent recorded on the consent page, a referral sent from the
/// referral page (consent check, letter, send). Only what a page saves is replayed, not the pages read before it.
/// </summary>
public sealed class PartnerSteps(IServiceProvider provider, PartnerNetwork partners, Acting acting)
{
    private readonly BakenDbContext _db = provider.GetRequiredService<BakenDbContext>();
    private readonly IntakeRecords _intake = provider.GetRequiredService<IntakeRecords>();
    private readonly ClientRecords _clients = provider.GetRequiredService<ClientRecords>();
    private readonly TrajectoryRecords _trajectories = provider.GetRequiredService<TrajectoryRecords>();
    private readonly ReferralRecords _referrals = provider.GetRequiredService<ReferralRecords>();
    private readonly ReferralLetter _letter = provider.GetRequiredService<ReferralLetter>();
    private readonly ConsentCheck _consent = provider.GetRequiredService<ConsentCheck>();
    private readonly ClientCrypto _crypto = provider.GetRequiredService<ClientCrypto>();
    private readonly ProcessingLogWriter _processingLog = provider.GetRequiredService<ProcessingLogWriter>();
    private readonly AuditLog _audit = provider.GetRequiredService<AuditLog>();
    private readonly IStringLocalizer<SharedResource> _t = provider.GetRequiredService<IStringLocalizer<SharedResource>>();
    private readonly TimeProvider _time = provider.GetRequiredService<TimeProvider>();
    private Dictionary<Guid, ReferralRecords.Recipient>? _recipients;

    /// <summary>
    /// The partner's Verwijzer sends the referral in (form or partner system); when the first trajectory starts,
    /// the case manager takes it on (a client and the trajectory, the person's words in the journal). Then, as
    /// the intake conversation goes, the trajectory's intake form is filled in as planned and the identity
    /// completed for someone who gives their name. The intake records save themselves; the rest is saved with
    /// the team.
    /// </summary>
    public async Task<(Client Client, Trajectory Trajectory)> ArriveAsync(ClientHistory history, IntakeArrival arrival, CancellationToken cancellationToken)
    {
        var partner = partners[arrival.Partner];
        var first = history.Trajectories[0];
        var organisation = history.Region.CareProviderId;

        // These records call SaveChanges themselves, which finds changes to tracked rows only with detection on.
        var detecting = _db.ChangeTracker.AutoDetectChangesEnabled;
        _db.ChangeTracker.AutoDetectChangesEnabled = true;
        acting.As(partner.Referrer!.Value, partner.OrganisationId, Roles.Verwijzer, arrival.ReceivedAtUtc);
        var submitted = await _intake.SubmitAsync(new IntakeRecords.Submission(
            organisation, arrival.Source, arrival.Channel, arrival.Language, history.Identity.Alias,
            arrival.Channel == IntakeContactChannel.Phone ? history.Identity.ContactValue : null, arrival.Reason, Guid.NewGuid(),
            partner.Referrer, partner.OrganisationId, arrival.Reference), cancellationToken);
        if (submitted.Outcome != IntakeRecords.Outcome.Stored)
        {
            throw new InvalidOperationException($"The app did not store a generated referral in: {submitted.Outcome}.");
        }

        var user = acting.As(history.CaseManager, organisation, Roles.Casemanager, first.StartedAtUtc);
        var request = await _intake.Visible(user).FirstAsync(r => r.Id == submitted.Id, cancellationToken);
        var (clientId, refusal) = await _intake.AcceptAsync(request, new IntakeRecords.Acceptance(
            request.Version, first.Type, null, _t[$"Intake_JournalHeading_{request.Source}"], JoinAsCaseManager: true), history.CaseManager, cancellationToken);
        HistoryReplay.Refused(refusal, "intake acceptance");
        _db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        var client = _db.Set<Client>().Local.Single(c => c.Id == clientId);
        var trajectory = _db.Set<Trajectory>().Local.Single(t => t.ClientId == clientId);

        // The intake page: the answers of the intake conversation; how and when the referral came stays as accepted.
        HistoryReplay.Refused(await _trajectories.UpdateIntakeAsync(client, trajectory, first.Intake with
        {
            ReferralRoute = trajectory.ReferralRoute,
            ReferringOrganisationId = trajectory.ReferringOrganisationId,
            ReferralDate = trajectory.ReferralDate,
        }, cancellationToken), "intake form");

        // The client's edit page, for someone who gives their name and more.
        if (history.Level != client.Level)
        {
            var changed = await _clients.UpdateAsync(client, history.Level, history.Identity, cancellationToken);
            _audit.Record("ClientCorrected", nameof(Client), client.Id, string.Join(',', changed));
        }

        return (client, trajectory);
    }

    /// <summary>The consent page: a consent for referral towards the partner, given now, without a note.</summary>
    public async Task<string?> RecordConsentAsync(Client client, ConsentRecorded step, Guid userId, CancellationToken cancellationToken)
    {
        if (client.RestrictedAtUtc is not null)
        {
            return "Restrict_NoChanges";
        }

        var consentId = Guid.CreateVersion7();
        _db.Add(new Consent
        {
            Id = consentId,
            ClientId = client.Id,
            Purpose = ConsentPurpose.Referral,
            RecipientOrganisationId = partners[step.Partner].OrganisationId,
            LegalBasis = LegalBasis.Consent,
            GivenAtUtc = _time.GetUtcNow().UtcDateTime,
            RecordedByUserId = userId,
            Note = await _crypto.EncryptAsync(client.Id, Consent.Table, nameof(Consent.Note), consentId, null, cancellationToken),
        });
        _clients.MarkActive(client);
        _processingLog.Record(ProcessingActivities.CaseManagement, "ConsentRecorded", client.Id);
        return null;
    }

    /// <summary>The referral page's confirmation: the consent check towards the service's organisation, the letter from the ticked items, the referral.</summary>
    public async Task<(Referral? Referral, string? Refusal)> SendAsync(Client client, Trajectory trajectory, ReferralSent step, Guid userId, CancellationToken cancellationToken)
    {
        // The directory does not change during a run: its services are read once per batch, not per referral.
        _recipients ??= (await _referrals.Recipients().ToListAsync(cancellationToken)).ToDictionary(r => r.ServiceId);
        var recipient = _recipients[partners[step.Partner].Services[step.Service]];
        var decision = await _consent.CheckAsync(client.Id, ConsentPurpose.Referral, recipient.OrganisationId, cancellationToken);
        _processingLog.Record(ProcessingActivities.Referral, decision.Allowed ? "ReferralConsentChecked" : "ReferralConsentRefused", client.Id);
        if (!decision.Allowed)
        {
            return (null, decision.ReasonKey);
        }

        var text = await _letter.ComposeAsync(client, trajectory, step.Items, step.Question, cancellationToken);
        return (await _referrals.SendAsync(client, trajectory, recipient, step.Items, text, decision.ConsentId, Guid.CreateVersion7(), userId, cancellationToken), null);
    }
}
