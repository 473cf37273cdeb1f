using System.Diagnostics;
using System.Security.Claims;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Data;

namespace Baken.Infrastructure.ProcessingLog;

/// <summary>
/// What features call: one entry per action per data subject, added to the current unit of work so it is saved
/// (and chained) together with the change, or with the read it records.
/// </summary>
public sealed class ProcessingLogWriter(BakenDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider timeProvider)
{
    public ProcessingLogEntry Record(string activityCode, string action, Guid subjectId, ProcessingStatus status = ProcessingStatus.Succeeded)
    {
        var activity = ProcessingActivities.Register.LastOrDefault(a => a.Code == activityCode)
            ?? throw new ArgumentException($"Unknown processing activity '{activityCode}'.", nameof(activityCode));
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var current = Activity.Current;
        var user = httpContextAccessor.HttpContext?.User;
        var entry = new ProcessingLogEntry
        {
            TraceId = current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString(),
            SpanId = current?.SpanId.ToHexString() ?? ActivitySpanId.CreateRandom().ToHexString(),
            Action = action,
            StartedAtUtc = current is null ? now : DateTime.SpecifyKind(current.StartTimeUtc, DateTimeKind.Utc),
            EndedAtUtc = now,
            Status = status,
            ProcessingActivityId = activity.Id,
            SubjectId = subjectId,
            Actor = new ProcessingLogActor
            {
                UserId = user?.UserId(),
                OrganisationId = user?.OrganisationId(),
                Roles = user is null ? null : string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value)),
            },
            PreviousHash = string.Empty,
            Hash = string.Empty,
        };
        db.Add(entry);
        return entry;
    }
}
