using System.Globalization;
using System.Security.Claims;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;

namespace Baken.Bench.Generation;

/// <summary>
/// One region of the generated country: its care provider and information centre, and their staff. The
/// information centre's own care coordinators (mensenhandel) triage the signals its outreach workers raise: a
/// signal stays in the organisation that raised it.
/// </summary>
public sealed record Region(
    int Number,
    Guid CareProviderId,
    Guid InfoCentreId,
    IReadOnlyList<Guid> CaseManagers,
    IReadOnlyDictionary<TeamRole, IReadOnlyList<Guid>> Specialists,
    IReadOnlyList<Guid> OutreachWorkers,
    Guid TeamLead,
    IReadOnlyList<Guid>? SignalCoordinators = null);

/// <summary>
/// Organisations and accounts, made through <see cref="StaffAccounts"/> as first-run setup and the admin pages do.
/// Every account has the demo's known password and authenticator secret, so the load harness can sign in.
/// Accounts are named by region and role: <c>casemanager-03-17@bench.example</c>. The information centre's two
/// care coordinators are numbered after the care provider's six (<c>zorgcoordinator-03-07</c> and <c>-08</c>).
/// </summary>
public static class StaffGenerator
{
    public const string Domain = "bench.example";

    public static string Email(string role, int region, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{role.ToLowerInvariant()}-{region:00}-{number:00}@{Domain}");

    public static async Task<IReadOnlyList<Region>> CreateAsync(IServiceProvider services, Scale scale, DateTime at, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var regions = new List<Region>();
        var beheerderMade = false;
        for (var r = 1; r <= scale.Regions; r++)
        {
            var care = new Organisation { Name = string.Create(CultureInfo.InvariantCulture, $"Regio {r:00}: zorgaanbieder (benchmark)"), Kind = OrganisationKind.CareProvider, CreatedAtUtc = at };
            var info = new Organisation { Name = string.Create(CultureInfo.InvariantCulture, $"Regio {r:00}: informatiecentrum (benchmark)"), Kind = OrganisationKind.InfoCentre, CreatedAtUtc = at };
            db.AddRange(care, info);
            await db.SaveChangesAsync(cancellationToken);

            async Task<List<Guid>> Make(string role, Guid organisation, int count, int first = 1)
            {
                var ids = new List<Guid>();
                for (var i = first; i < first + count; i++)
                {
                    ids.Add(await AccountAsync(accounts, role, r, i, organisation, at, cancellationToken));
                }

                return ids;
            }

            if (!beheerderMade)
            {
                await Make(Roles.Beheerder, care.Id, 1);
                await Make(Roles.Beleidsmedewerker, care.Id, 1);
                beheerderMade = true;
            }

            var caseManagers = await Make(Roles.Casemanager, care.Id, scale.CaseManagersPerRegion);
            var specialists = new Dictionary<TeamRole, IReadOnlyList<Guid>>
            {
                [TeamRole.Zorgcoordinator] = await Make(Roles.Zorgcoordinator, care.Id, 6),
                [TeamRole.Woonbegeleider] = await Make(Roles.Woonbegeleider, care.Id, 6),
                [TeamRole.Jobcoach] = await Make(Roles.Jobcoach, care.Id, 6),
            };
            var teamLead = (await Make(Roles.Teamleider, care.Id, 2))[0];
            var outreach = await Make(Roles.Veldwerker, info.Id, 10);
            specialists[TeamRole.Veldwerker] = outreach;
            var coordinators = await Make(Roles.Zorgcoordinator, info.Id, 2, first: 7);
            regions.Add(new Region(r, care.Id, info.Id, caseManagers, specialists, outreach, teamLead, coordinators));
        }

        return regions;
    }

    /// <summary>One account with the known password and authenticator secret, named by role, region and number.</summary>
    public static async Task<Guid> AccountAsync(StaffAccounts accounts, string role, int region, int number, Guid organisation, DateTime at, CancellationToken cancellationToken)
    {
        var user = new StaffUser
        {
            DisplayName = string.Create(CultureInfo.InvariantCulture, $"{role} {region:00}-{number:00}"),
            Email = Email(role, region, number),
            EmailConfirmed = true,
            OrganisationId = organisation,
            CreatedAtUtc = at,
        };
        var result = await accounts.CreateAsync(user, Features.Demo.DemoSeeder.Password, [role]);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Account could not be created: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }

        await accounts.SetKnownAuthenticatorKeyAsync(user, Features.Demo.DemoSeeder.TotpSecret, cancellationToken);
        return user.Id;
    }

    /// <summary>The signed-in user a step is replayed as, so processing-log entries name organisation and role as the app would.</summary>
    public static ClaimsPrincipal Principal(Guid userId, Guid organisationId, string role) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
                new Claim(BakenClaims.OrganisationId, organisationId.ToString()),
                new Claim(ClaimTypes.Role, role),
            ],
            "bench"));
}
