using System.Data.Common;
using System.Net;
using Baken.Features.Admin;
using Baken.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Signals;

/// <summary>The triage queue costs a fixed number of database commands however many signals it shows: no query per row.</summary>
public sealed class SignalQueryCountTests
{
    /// <summary>Counts every command EF Core sends (reads, writes and scalars) on an app of its own.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _commands;

        public int Commands => Volatile.Read(ref _commands);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _commands);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _commands);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _commands);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private static async Task<(int Commands, int Rows)> MeasureAsync(BakenClient client, CommandCounter counter, string url)
    {
        var before = counter.Commands;
        var (response, page) = await client.GetPageAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (counter.Commands - before, page.QuerySelectorAll("#signals tbody tr").Length);
    }

    /// <summary>Signals of every kind the queue shows differently: assigned, with a pending handover, overdue.</summary>
    private static async Task AddSignalsAsync(BakenAppFactory app, Guid organisation, Guid recipient, Guid assignee, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (id, raisedBy) = await app.RaiseSignalAsync(organisation, respondByUtc: DateTime.UtcNow.AddDays(i % 3 == 0 ? -1 : 4));
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
            var records = scope.ServiceProvider.GetRequiredService<SignalRecords>();
            var signal = await db.Set<Signal>().SingleAsync(s => s.Id == id);
            await records.AssignAsync(signal, assignee, assignee, CancellationToken.None);
            if (i % 2 == 0)
            {
                (await records.RequestHandoverAsync(signal, recipient, HandoverItems.Category, "Soort: Uitbuiting", raisedBy, CancellationToken.None)).ShouldBeNull();
            }
        }
    }

    [Theory]
    [Databases]
    public async Task The_queue_costs_the_same_number_of_commands_for_2_and_14_signals(DatabaseProvider provider)
    {
        var counter = new CommandCounter();
        await using var app = new BakenAppFactory(provider, demo: false, services: s => s.AddSingleton<IInterceptor>(counter));
        app.StartServer();
        var coordinator = await app.CreateUserAsync(Roles.Zorgcoordinator);
        var organisation = (await app.FindUserAsync(coordinator.Id)).OrganisationId;
        var recipient = await app.NewOrganisationAsync(OrganisationKind.PartnerReferrer);
        using var client = app.NewClient();
        await client.SignInAsync(coordinator);

        await AddSignalsAsync(app, organisation, recipient, coordinator.Id, 2);
        await MeasureAsync(client, counter, "/Signals");
        var few = await MeasureAsync(client, counter, "/Signals");
        var fewAll = await MeasureAsync(client, counter, "/Signals?show=All");

        await AddSignalsAsync(app, organisation, recipient, coordinator.Id, 12);
        var many = await MeasureAsync(client, counter, "/Signals");
        var manyAll = await MeasureAsync(client, counter, "/Signals?show=All");

        few.Rows.ShouldBe(2);
        many.Rows.ShouldBe(14, "all signals are on the first page");
        few.Commands.ShouldBeGreaterThan(0, "the commands are counted");
        many.Commands.ShouldBe(few.Commands, "2 and 14 signals cost the same number of commands");
        manyAll.Commands.ShouldBe(fewAll.Commands);
    }
}
