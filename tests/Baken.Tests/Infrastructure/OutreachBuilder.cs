using Baken.Features.Admin;
using Baken.Features.Outreach;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Infrastructure;

public static class OutreachBuilder
{
    /// <summary>A round at the first example place, worked by a new outreach worker of the organisation, with one contact.</summary>
    public static async Task<(Guid Session, Guid Contact)> StartOutreachAsync(this BakenAppFactory app, Guid organisationId)
    {
        var worker = await app.CreateUserAsync(Roles.Veldwerker, organisationId: organisationId);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var session = new OutreachSession
        {
            OrganisationId = organisationId,
            Mode = OutreachMode.Offline,
            LocationId = OutreachDefaults.Locations[0].Id,
            StartedAtUtc = DateTime.UtcNow,
            CreatedByUserId = worker.Id,
        };
        var contact = new OutreachContact { SessionId = session.Id, IsNew = true, AtUtc = DateTime.UtcNow };
        db.AddRange(session, new OutreachWorker { SessionId = session.Id, UserId = worker.Id }, contact);
        await db.SaveChangesAsync();
        return (session.Id, contact.Id);
    }
}
