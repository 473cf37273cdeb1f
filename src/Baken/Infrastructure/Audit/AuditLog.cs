using System.Diagnostics;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;

namespace Baken.Infrastructure.Audit;

/// <summary>
/// Records staff-side administrative changes (who, what, when). The event is added to the same unit of work as
/// the change itself, so both are saved together or not at all.
/// </summary>
public sealed class AuditLog(BakenDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider timeProvider)
{
    /// <summary>Adds an event acted by the signed-in user; the caller's SaveChanges stores it with the change.</summary>
    public void Record(string action, string targetType, Guid? targetId, string? details = null)
    {
        var actor = httpContextAccessor.HttpContext?.User;
        RecordAs(actor?.UserId(), actor?.OrganisationId(), action, targetType, targetId, details);
    }

    /// <summary>For events where the actor is not (yet) signed in, such as sign-in with a recovery code or first-run setup.</summary>
    public void RecordAs(Guid? actorUserId, Guid? actorOrganisationId, string action, string targetType, Guid? targetId, string? details = null)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId,
            ActorOrganisationId = actorOrganisationId,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Details = details,
            TraceId = Activity.Current?.TraceId.ToHexString(),
        });
    }
}
