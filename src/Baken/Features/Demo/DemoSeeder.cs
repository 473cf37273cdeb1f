using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Infrastructure;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Demo;

/// <summary>
/// Fills an empty database with synthetic, visibly fake demo data. Refuses a database that holds anything that
/// is not demo data. Later features add their own demo data here.
/// </summary>
public sealed class DemoSeeder(
    BakenDbContext db,
    StaffAccounts accounts,
    ClientRecords clients,
    DemoTrajectories trajectories,
    DemoFigures figures,
    DemoOutreach outreach,
    DemoSignals signals,
    DemoDirectory directory,
    DemoReferrals referrals,
    DemoIntake intake,
    TimeProvider timeProvider,
    ILogger<DemoSeeder> logger)
{
    public const string Password = "Baken-demo-2026!";
    public const string TotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>
    /// The demo accounts: e-mail, role and which organisation (0 municipality, 1 care provider, 2 info centre,
    /// 3 police, 4 trafficking centre). The info centre has its own Zorgcoordinator mensenhandel and team lead, so
    /// the outreach worker's signals have a queue and a handover can get its second pair of eyes.
    /// </summary>
    public static readonly IReadOnlyList<(string Email, string Role, int Organisation)> Accounts =
    [
        ("beheerder@baken.example", Roles.Beheerder, 1),
        ("teamleider@baken.example", Roles.Teamleider, 1),
        ("casemanager@baken.example", Roles.Casemanager, 1),
        ("jobcoach@baken.example", Roles.Jobcoach, 1),
        ("woonbegeleider@baken.example", Roles.Woonbegeleider, 1),
        ("zorgcoordinator@baken.example", Roles.Zorgcoordinator, 1),
        ("veldwerker@baken.example", Roles.Veldwerker, 2),
        ("voorlichter@baken.example", Roles.Voorlichter, 2),
        ("beleid@baken.example", Roles.Beleidsmedewerker, 0),
        ("verwijzer@baken.example", Roles.Verwijzer, 2),
        ("mensenhandel@baken.example", Roles.Zorgcoordinator, 2),
        ("teamleider-ic@baken.example", Roles.Teamleider, 2),
        ("verwijzer-politie@baken.example", Roles.Verwijzer, 3),
    ];

    /// <summary>Synthetic clients at each identity level, on the demo case manager's caseload. Obviously fake details.</summary>
    private async Task SeedClientsAsync(Guid careProvider, CancellationToken cancellationToken)
    {
        var manager = await db.Users.Where(u => u.Email == "casemanager@baken.example").Select(u => u.Id).SingleAsync(cancellationToken);
        await clients.CreateAsync(IdentityLevel.Anonymous, new ClientIdentity { Alias = "Demo Zonnebloem" }, careProvider, manager, cancellationToken);
        await clients.CreateAsync(IdentityLevel.Pseudonymous,
            new ClientIdentity { Alias = "Demo Merel", ContactChannel = "infocentre" }, careProvider, manager, cancellationToken);
        await clients.CreateAsync(IdentityLevel.Identified, new ClientIdentity
        {
            Alias = "Demo Sam",
            LegalName = "Sam Voorbeeld (demo)",
            DateOfBirth = "1994-03-12",
            Languages = "Nederlands, Engels",
            GenderIdentity = "non-binair",
        }, careProvider, manager, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(o => !o.IsDemo, cancellationToken) || await db.Users.AnyAsync(u => !u.IsDemo, cancellationToken))
        {
            throw new StartupRefusedException(
                "Demo mode refuses to seed: this database already holds real (non-demo) data. Use an empty data directory for the demo.");
        }

        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Demo data already present");
            return;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        Organisation[] organisations =
        [
            new() { Name = "Gemeente Voorbeeldstad (demo)", Kind = OrganisationKind.Municipality, IsDemo = true, CreatedAtUtc = now },
            new() { Name = "Zorgaanbieder Uitstap (demo)", Kind = OrganisationKind.CareProvider, IsDemo = true, CreatedAtUtc = now },
            new() { Name = "Informatiecentrum (demo)", Kind = OrganisationKind.InfoCentre, IsDemo = true, CreatedAtUtc = now },
            new() { Name = "Politie, team mensenhandel (demo)", Kind = OrganisationKind.PartnerReferrer, IsDemo = true, CreatedAtUtc = now },
            new() { Name = "Landelijk expertisecentrum mensenhandel (demo)", Kind = OrganisationKind.PartnerReferrer, IsDemo = true, CreatedAtUtc = now },
        ];

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (email, role, organisation) in Accounts)
        {
            var user = new StaffUser
            {
                DisplayName = $"Demo {role}",
                Email = email,
                EmailConfirmed = true,
                OrganisationId = organisations[organisation].Id,
                IsDemo = true,
                CreatedAtUtc = now,
            };
            var result = await accounts.CreateAsync(user, Password, [role]);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo account could not be created: " + string.Join(", ", result.Errors.Select(e => e.Code)));
            }

            await accounts.SetKnownAuthenticatorKeyAsync(user, TotpSecret, cancellationToken);
        }

        await SeedClientsAsync(organisations[1].Id, cancellationToken);
        await trajectories.SeedAsync(organisations[1].Id, cancellationToken);
        await outreach.SeedAsync(organisations[2].Id, cancellationToken);
        await signals.SeedAsync(organisations[2].Id, organisations[3].Id, cancellationToken);
        await directory.SeedAsync(new DemoDirectory.Links(organisations[2].Id, organisations[1].Id, organisations[3].Id, organisations[4].Id), cancellationToken);
        await referrals.SeedAsync(cancellationToken);
        await intake.SeedAsync(organisations[1].Id, organisations[3].Id, cancellationToken);
        await Reporting.Commitments.CommitmentDemo.SeedAsync(db, cancellationToken);
        await figures.SeedAsync(organisations[1].Id, organisations[2].Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Counted afterwards: the referral partners (IOM, public health service) join the organisations above.
        var organisationCount = await db.Organisations.CountAsync(cancellationToken);
        logger.LogInformation("Demo data seeded: {Organisations} organisations, {Users} users", organisationCount, Accounts.Count);
    }
}
