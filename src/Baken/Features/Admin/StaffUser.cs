using Microsoft.AspNetCore.Identity;

namespace Baken.Features.Admin;

/// <summary>A staff member. Staff are never deleted, only deactivated, so the audit trail keeps its meaning.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public StaffUser() => Id = Guid.CreateVersion7();

    public required string DisplayName { get; set; }

    public Guid OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public bool IsActive { get; set; } = true;

    public bool IsDemo { get; init; }

    public DateTime CreatedAtUtc { get; init; }
}
