namespace Baken.Features.Intake;

/// <summary>Settings under <c>Baken:Intake</c>.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Baken:Intake";

    /// <summary>
    /// The organisation whose intake queue receives self-referrals from the portal. Empty (the default): the
    /// organisation that runs the exit programme, found in the help-service directory (see <see cref="IntakeRecords.SelfReferralOrganisationAsync"/>).
    /// </summary>
    public Guid? SelfReferralOrganisationId { get; set; }

    /// <summary>A request that was not taken on is erased (key shredded, row deleted) this many days after the decision.</summary>
    public int NotTakenOnDays { get; set; } = 90;

    /// <summary>Requests one address may make to the partner API per minute (counted in memory only).</summary>
    public int PartnerRequestsPerMinute { get; set; } = 60;

    public IEnumerable<string> Problems()
    {
        if (NotTakenOnDays is < 1 or > 3650)
        {
            yield return "Baken:Intake:NotTakenOnDays must be between 1 and 3650.";
        }

        if (PartnerRequestsPerMinute is < 1 or > 10_000)
        {
            yield return "Baken:Intake:PartnerRequestsPerMinute must be between 1 and 10,000.";
        }
    }
}
