using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Retention;
using Baken.Features.Signals;
using Baken.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Signals;

/// <summary>
/// Closed signals are erased <c>Baken:Retention:SignalMonths</c> (24) months after closing: the row with its history,
/// marks and handovers, and the data key (crypto-shredding). An app of its own, so the sweep touches no other test's data.
/// </summary>
public sealed class SignalRetentionTests
{
    private static Task<int> CloseAsync(BakenAppFactory app, Guid signal, DateTime closedAtUtc, SignalStatus status = SignalStatus.Closed) =>
        app.QueryAsync(db => db.Set<Signal>().Where(s => s.Id == signal).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, status)
            .SetProperty(x => x.CloseReason, SignalCloseReason.Resolved)
            .SetProperty(x => x.ClosedAtUtc, closedAtUtc)));

    private static Task<bool> KeyExistsAsync(BakenAppFactory app, Guid signal) =>
        app.QueryAsync(db => db.Set<ClientKey>().AnyAsync(k => k.ClientId == signal));

    [Theory]
    [Databases]
    public async Task A_signal_closed_longer_than_the_retention_period_is_erased_with_its_key_and_a_recent_one_stays(DatabaseProvider provider)
    {
        await using var app = new BakenAppFactory(provider, demo: false);
        app.StartServer();
        var coordinator = await app.CreateUserAsync(Roles.Zorgcoordinator);
        var organisation = (await app.FindUserAsync(coordinator.Id)).OrganisationId;
        var partner = await app.NewOrganisationAsync(OrganisationKind.PartnerReferrer);
        var now = DateTime.UtcNow;
        var (expired, raisedBy) = await app.RaiseSignalAsync(organisation);
        var (expiredClient, _) = await app.CreateClientAsync(organisation);
        var (recent, _) = await app.RaiseSignalAsync(organisation, clientId: expiredClient);
        var (oldButOpen, _) = await app.RaiseSignalAsync(organisation);

        // The expired signal carries a history, a handover and indicator marks: all of it goes.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            var records = scope.ServiceProvider.GetRequiredService<SignalRecords>();
            var signal = await db.Set<Signal>().SingleAsync(s => s.Id == expired);
            (await records.RequestHandoverAsync(signal, partner, HandoverItems.Description, "Beschrijving voor de partner", raisedBy, CancellationToken.None)).ShouldBeNull();
            (await records.CloseAsync(signal, SignalCloseReason.Resolved, "Opgelost na gesprek", coordinator.Id, CancellationToken.None)).ShouldBeNull();
        }

        await CloseAsync(app, expired, now.AddMonths(-24).AddDays(-1));
        await CloseAsync(app, recent, now.AddMonths(-23));
        await CloseAsync(app, oldButOpen, now.AddMonths(-30), SignalStatus.InProgress);
        await app.QueryAsync(db => db.Set<Client>().Where(c => c.Id == expiredClient)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.LastActivityAtUtc, now.AddMonths(-25))));
        (await KeyExistsAsync(app, expired)).ShouldBeTrue();

        var result = await app.Services.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None);

        result.Failed.ShouldBe(0);
        result.Erased.ShouldBe(1, "the expired client file");
        result.RecordsErased.ShouldBe(1, "only the signal closed more than 24 months ago");
        (await app.QueryAsync(db => db.Set<Signal>().AnyAsync(s => s.Id == expired))).ShouldBeFalse("the signal is erased");
        (await KeyExistsAsync(app, expired)).ShouldBeFalse("its data key is shredded");
        (await app.QueryAsync(db => db.Set<SignalEvent>().AnyAsync(e => e.SignalId == expired))).ShouldBeFalse("its history goes with it");
        (await app.QueryAsync(db => db.Set<SignalHandover>().AnyAsync(h => h.SignalId == expired))).ShouldBeFalse();
        (await app.QueryAsync(db => db.Set<SignalIndicatorMark>().AnyAsync(m => m.SignalId == expired))).ShouldBeFalse();
        (await app.LogCountAsync(expired, RecordErasure.RetentionExpired)).ShouldBe(1, "the erasure is logged");

        foreach (var kept in new[] { recent, oldButOpen })
        {
            (await app.QueryAsync(db => db.Set<Signal>().AnyAsync(s => s.Id == kept))).ShouldBeTrue();
            (await KeyExistsAsync(app, kept)).ShouldBeTrue();
            var signal = await app.SignalAsync(kept);
            (await app.DecryptAsync(kept, Signal.Table, nameof(Signal.Description), kept, signal.Description)).ShouldNotBeNullOrEmpty("a kept signal stays readable");
        }

        // The client a kept signal pointed at was erased: the signal stays, unlinked, readable under its own key.
        (await app.QueryAsync(db => db.Set<Client>().AnyAsync(c => c.Id == expiredClient))).ShouldBeFalse();
        (await app.SignalAsync(recent)).ClientId.ShouldBeNull("the link to an erased client goes");

        (await app.Services.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None)).RecordsErased.ShouldBe(0, "a second run finds nothing more");
    }
}
