using Baken.Features.Clients;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Infrastructure;

/// <summary>Creates clients through the application's own records service (encrypted, indexed, logged).</summary>
public static class ClientBuilder
{
    /// <summary>A client in the intake queue of <paramref name="organisationId"/>, or with <paramref name="teamMember"/> on its team.</summary>
    public static async Task<(Guid Id, string Code)> CreateClientAsync(this BakenAppFactory app, Guid organisationId,
        ClientIdentity? identity = null, IdentityLevel level = IdentityLevel.Pseudonymous, Guid? teamMember = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<ClientRecords>();
        var creator = teamMember ?? db.Users.Select(u => u.Id).First();
        var client = await records.CreateAsync(level, identity ?? new ClientIdentity { Alias = "Test" }, organisationId, creator, CancellationToken.None);
        if (teamMember is null)
        {
            // Leave the intake queue state: nobody on the team yet.
            db.ChangeTracker.Entries<ClientTeamMember>().Single().Entity.ToUtc = client.CreatedAtUtc;
            client.WaitingSinceUtc = client.CreatedAtUtc;
        }

        await db.SaveChangesAsync();
        return (client.Id, client.Code);
    }
}
