using Baken.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;

namespace Baken.Features.Admin;

/// <summary>A staff member. Staff are never deleted, only deactivated, so the audit trail keeps its meaning.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public StaffUser() => Id = Guid.CreateVersion7();

    [Classified(DataClass.Identifying, DataSubject.Staff)]
    public required string DisplayName { get; set; }

    [Classified(DataClass.NotPersonal)]
    public Guid OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    [Classified(DataClass.NotPersonal)]
    public bool IsActive { get; set; } = true;

    [Classified(DataClass.NotPersonal)]
    public bool IsDemo { get; init; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }
}
