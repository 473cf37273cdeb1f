using System.Security.Claims;

namespace Baken.Bench.Generation;

/// <summary>
/// The moment and the person of the step being replayed: sets the clock and signs the staff member in on a fake
/// request, so records, facts and processing-log entries get the time, organisation and role they would in the app.
/// </summary>
public sealed class Acting(BenchClock clock, IHttpContextAccessor http)
{
    public ClaimsPrincipal As(Guid userId, Guid organisationId, string role, DateTime at)
    {
        clock.Now = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        var user = StaffGenerator.Principal(userId, organisationId, role);
        http.HttpContext = new DefaultHttpContext { User = user };
        return user;
    }

    public void SignOut() => http.HttpContext = null;
}
