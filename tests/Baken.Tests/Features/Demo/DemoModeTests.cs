using Baken.Features.Admin;
using Baken.Features.Contact;
using Baken.Features.Demo;
using Baken.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Demo;

public sealed class DemoModeTests
{
    // The refusal ends the process with a message on standard error (see BakenCommands); xUnit captures it per test.
    private static string RefusalMessage() => TestContext.Current.TestOutputHelper?.Output ?? string.Empty;

    [Theory]
    [Databases]
    public async Task Demo_mode_refuses_to_run_in_production(DatabaseProvider provider)
    {
        await using var app = new BakenAppFactory(provider, demo: true, environment: "Production");
        Should.Throw<Exception>(() => app.StartServer());
        RefusalMessage().ShouldContain("refuses to run in the Production environment");
    }

    [Theory]
    [Databases]
    public async Task Demo_mode_refuses_a_database_with_real_data_and_leaves_it_untouched(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Create(provider);
        await using (var real = new BakenAppFactory(provider, demo: false, database: database))
        {
            real.StartServer();
            await real.CreateUserAsync(Roles.Beheerder);
        }

        await using var demo = new BakenAppFactory(provider, demo: true, database: database);
        Should.Throw<Exception>(() => demo.StartServer());
        RefusalMessage().ShouldContain("non-demo");

        await using var check = new BakenAppFactory(provider, demo: false, database: database);
        check.StartServer();
        (await check.QueryAsync(db => db.Users.CountAsync())).ShouldBe(1);
        (await check.QueryAsync(db => db.Organisations.CountAsync(o => o.IsDemo))).ShouldBe(0);
    }

    [Theory]
    [Databases]
    public async Task Starting_demo_mode_twice_seeds_once(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Create(provider);
        for (var run = 0; run < 2; run++)
        {
            await using var app = new BakenAppFactory(provider, demo: true, database: database);
            app.StartServer();
            (await app.QueryAsync(db => db.Users.CountAsync())).ShouldBe(DemoSeeder.Accounts.Count);
            (await app.QueryAsync(db => db.Organisations.CountAsync())).ShouldBe(7, "five from the seeder, and IOM and the public health service as referral partners");
            (await app.QueryAsync(db => db.Set<Baken.Features.Clients.Client>().Select(c => c.Level).Distinct().CountAsync())).ShouldBe(3, "demo clients at all three levels");
            (await app.QueryAsync(db => db.Set<Signal>().Select(s => s.Status).Distinct().CountAsync())).ShouldBe(Enum.GetValues<SignalStatus>().Length, "demo signals in every state");
            (await app.QueryAsync(db => db.Set<SignalHandover>().CountAsync(h => h.Decision == HandoverDecision.Pending))).ShouldBe(1);
            (await app.QueryAsync(db => db.Set<AnonymousReport>().CountAsync())).ShouldBe(DemoSignals.ReceiptCodes.Count + 1, "and the demo self-referral, DM05");
            await using var scope = app.Services.CreateAsyncScope();
            var reports = scope.ServiceProvider.GetRequiredService<AnonymousReports>();
            foreach (var code in DemoSignals.ReceiptCodes)
            {
                (await reports.OpenAsync(code, CancellationToken.None)).Result.ShouldBe(AnonymousReports.OpenResult.Opened, "the documented demo codes open their reports");
            }
        }
    }
}
