using Baken.Features.Admin;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Infrastructure.Data;

/// <summary>
/// SQLite transactions queue on the in-process gate, one per database file, and every way a transaction can end
/// gives the gate back: a gate left held would stop every later write to the file.
/// </summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task A_second_transaction_waits_for_the_first_and_every_ending_gives_the_gate_back()
    {
        await using var app = new BakenAppFactory(DatabaseProvider.Sqlite, demo: false);
        var gate = app.Services.GetRequiredService<SqliteWriteGate>();
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var a = first.ServiceProvider.GetRequiredService<BakenDbContext>();
        var b = second.ServiceProvider.GetRequiredService<BakenDbContext>();
        gate.IsHeld.ShouldBeFalse();

        // Committed: the waiting transaction goes on only then.
        var held = await a.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        gate.IsHeld.ShouldBeTrue();
        var waiting = b.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        waiting.IsCompleted.ShouldBeFalse("the second transaction waits on the gate while the first is open");
        await held.CommitAsync(TestContext.Current.CancellationToken);
        await held.DisposeAsync();
        var next = await waiting;
        gate.IsHeld.ShouldBeTrue("the second transaction holds it now");

        // Rolled back.
        await next.RollbackAsync(TestContext.Current.CancellationToken);
        await next.DisposeAsync();
        gate.IsHeld.ShouldBeFalse();

        // Disposed without commit or rollback, as on an exception inside `await using`.
        await using (await a.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            gate.IsHeld.ShouldBeTrue();
        }

        gate.IsHeld.ShouldBeFalse();

        // SaveChanges in its own transaction.
        a.Add(new Organisation { Name = "Poortwachter", Kind = OrganisationKind.CareProvider });
        await a.SaveChangesAsync(TestContext.Current.CancellationToken);
        gate.IsHeld.ShouldBeFalse();
        (await b.Set<Organisation>().CountAsync(o => o.Name == "Poortwachter", TestContext.Current.CancellationToken)).ShouldBe(1);
    }
}
