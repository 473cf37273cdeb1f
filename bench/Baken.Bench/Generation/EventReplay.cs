using System.Globalization;
using System.Text;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Intake;
using Baken.Features.Signals;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Bench.Generation;

/// <summary>
/// Replays the signals and the referrals in that were not taken on, after the histories, through
/// <see cref="SignalRecords"/> and <see cref="IntakeRecords"/> as the signal and intake pages call them: each
/// step at its moment, by its person, saved by the record itself as in the app (these are few beside the
/// histories, so they take EF's own path rather than <see cref="BulkWriter"/>). One transaction per batch.
/// </summary>
public sealed class EventReplay(IServiceProvider services, BenchClock clock, PartnerNetwork partners)
{
    private const int PerBatch = 50;
    private static readonly CultureInfo Dutch = new("nl-NL");

    public async Task SignalsAsync(IReadOnlyList<SignalPlan> plans, IReadOnlyList<Guid> clients, Progress progress, CancellationToken cancellationToken)
    {
        CultureInfo.CurrentUICulture = Dutch;
        foreach (var (batch, done) in Batches(plans))
        {
            progress.Report(done, await InBatchAsync(async (provider, acting) =>
            {
                var records = provider.GetRequiredService<SignalRecords>();
                var db = provider.GetRequiredService<BakenDbContext>();
                foreach (var plan in batch)
                {
                    await SignalAsync(plan, plan.ClientNumber is { } number ? clients[number] : null, provider, records, acting, cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }, cancellationToken));
        }
    }

    public async Task DeclinedAsync(IReadOnlyList<DeclinedIntake> plans, Progress progress, CancellationToken cancellationToken)
    {
        foreach (var (batch, done) in Batches(plans))
        {
            progress.Report(done, await InBatchAsync(async (provider, acting) =>
            {
                var records = provider.GetRequiredService<IntakeRecords>();
                var db = provider.GetRequiredService<BakenDbContext>();
                foreach (var plan in batch)
                {
                    // The Verwijzer's form (or the partner's system) ...
                    var partner = partners[plan.Partner];
                    acting.As(partner.Referrer!.Value, partner.OrganisationId, Roles.Verwijzer, plan.ReceivedAtUtc);
                    var submitted = await records.SubmitAsync(new IntakeRecords.Submission(
                        plan.OrganisationId, plan.Source, plan.Channel, plan.Language, plan.Alias, plan.ContactDetails, plan.Reason, Guid.NewGuid(),
                        partner.Referrer, partner.OrganisationId, plan.Reference), cancellationToken);
                    if (submitted.Outcome != IntakeRecords.Outcome.Stored)
                    {
                        throw new InvalidOperationException($"The app did not store a generated referral in: {submitted.Outcome}.");
                    }

                    // ... and the intake page's decision not to take it on, with the team's note.
                    if (plan.DecidedBy is { } decider)
                    {
                        var user = acting.As(decider, plan.OrganisationId, plan.DeciderRole!, plan.DecidedAtUtc!.Value);
                        var request = await records.Visible(user).FirstAsync(r => r.Id == submitted.Id, cancellationToken);
                        HistoryReplay.Refused(await records.DeclineAsync(request, request.Version, plan.Note!, decider, cancellationToken), "intake decline");
                    }

                    db.ChangeTracker.Clear();
                }
            }, cancellationToken));
        }
    }

    private static IEnumerable<(T[] Batch, int Done)> Batches<T>(IReadOnlyList<T> plans)
    {
        var done = 0;
        foreach (var batch in plans.Chunk(PerBatch))
        {
            done += batch.Length;
            yield return (batch, done);
        }
    }

    /// <summary>Runs one batch in its own scope and transaction; returns the rows saved.</summary>
    private async Task<int> InBatchAsync(Func<IServiceProvider, Acting, Task> work, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<BakenDbContext>();
        var rows = 0;
        db.SavedChanges += (_, e) => rows += e.EntitiesSavedCount;
        var acting = new Acting(clock, provider.GetRequiredService<IHttpContextAccessor>());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work(provider, acting);
        await transaction.CommitAsync(cancellationToken);
        acting.SignOut();
        return rows;
    }

    /// <summary>A signal raised on the new-signal page, then every later step as the signal and handover pages make it.</summary>
    private async Task SignalAsync(SignalPlan plan, Guid? clientId, IServiceProvider provider, SignalRecords records, Acting acting, CancellationToken cancellationToken)
    {
        var db = provider.GetRequiredService<BakenDbContext>();
        acting.As(plan.RaisedBy, plan.OrganisationId, plan.RaiserRole, plan.RaisedAtUtc);
        var signal = await records.RaiseAsync(plan.OrganisationId, plan.RaisedBy, new SignalRecords.Draft(
            plan.Source, plan.Category, plan.Urgency, plan.RaisedAtUtc + SignalRules.ResponseTime(plan.Urgency), plan.Description, plan.Indicators, clientId), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var step in plan.Steps)
        {
            var user = acting.As(step.By, plan.OrganisationId, step.Role, step.AtUtc);
            if (step is not SignalHandoverDecided && !SignalAccess.MayHandle(user, signal))
            {
                throw new InvalidOperationException($"The generated {step.GetType().Name} is by someone who may not handle the signal.");
            }

            switch (step)
            {
                case SignalStatusSet s:
                    HistoryReplay.Refused(await records.ChangeStatusAsync(signal, s.To, s.By, cancellationToken), "signal status");
                    break;
                case SignalAssigned a:
                    await records.AssignAsync(signal, a.Assignee, a.By, cancellationToken);
                    break;
                case SignalHandoverAsked h:
                    var text = await HandoverTextAsync(signal, h, provider, records, cancellationToken);
                    HistoryReplay.Refused(await records.RequestHandoverAsync(signal, partners[h.Partner].OrganisationId, h.Items, text, h.By, cancellationToken), "handover");
                    break;
                case SignalHandoverDecided d:
                    var handover = await db.Set<SignalHandover>().FirstAsync(x => x.SignalId == signal.Id && x.Decision == HandoverDecision.Pending, cancellationToken);
                    if (!SignalAccess.MayApprove(user, signal, handover))
                    {
                        throw new InvalidOperationException("The generated handover decision is not a second colleague's.");
                    }

                    HistoryReplay.Refused(await records.DecideHandoverAsync(signal, handover, d.Approve, d.Note, d.By, cancellationToken), "handover decision");
                    break;
                case SignalClosed c:
                    HistoryReplay.Refused(await records.CloseAsync(signal, c.Reason, c.Note, c.By, cancellationToken), "signal close");
                    break;
                default:
                    throw new InvalidOperationException($"Unknown signal step {step.GetType().Name}.");
            }
        }
    }

    /// <summary>The text the handover page builds from the chosen parts, in its order (the description's read is logged).</summary>
    private static async Task<string> HandoverTextAsync(Signal signal, SignalHandoverAsked step, IServiceProvider provider, SignalRecords records, CancellationToken cancellationToken)
    {
        var db = provider.GetRequiredService<BakenDbContext>();
        var t = provider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var text = new StringBuilder();
        var items = step.Items;
        if (items.HasFlag(HandoverItems.Category))
        {
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Signal_Category"]}: {t[$"SignalCategory_{signal.Category}"]}");
        }

        if (items.HasFlag(HandoverItems.Urgency))
        {
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Signal_Urgency"]}: {t[$"SignalUrgency_{signal.Urgency}"]}");
        }

        if (items.HasFlag(HandoverItems.Indicators))
        {
            var names = await db.Set<SignalIndicatorMark>().Where(m => m.SignalId == signal.Id)
                .Join(db.Set<SignalIndicator>(), m => m.IndicatorId, i => i.Id, (m, i) => i.Name).OrderBy(n => n).ToListAsync(cancellationToken);
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Signal_Indicators"]}: {(names.Count == 0 ? "—" : string.Join("; ", names))}");
        }

        if (items.HasFlag(HandoverItems.ClientCode) && signal.ClientId is { } clientId)
        {
            var code = await db.Set<Client>().Where(c => c.Id == clientId).Select(c => c.Code).FirstAsync(cancellationToken);
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Signal_ClientCode"]}: {code}");
        }

        if (items.HasFlag(HandoverItems.Description))
        {
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Signal_Description"]}:").AppendLine(await records.ReadDescriptionAsync(signal, cancellationToken));
        }

        if (step.Note is { } note)
        {
            text.AppendLine(CultureInfo.CurrentCulture, $"{t["Handover_Note"]}:").AppendLine(note);
        }

        return text.ToString().TrimEnd();
    }
}
