using Baken.Features.Clients;
using Baken.Features.ServiceDirectory;

namespace Baken.Features.Referrals;

/// <summary>
/// The minimal data set that goes along by default, per kind of partner: only what that partner needs to pick
/// the referral up. The worker may tick more or fewer; the question (why the referral) always goes along.
/// </summary>
public static class ReferralDefaults
{
    public static SharedItem For(PartnerType type) => SharedItem.Question | type switch
    {
        PartnerType.ReturnMigration => SharedItem.Alias | SharedItem.Languages | SharedItem.ContactChannel,
        PartnerType.PublicHealth => SharedItem.Alias | SharedItem.ContactChannel,
        PartnerType.Police or PartnerType.TraffickingCentre => SharedItem.Alias,
        _ => SharedItem.Alias,
    };

    /// <summary>The items that identify a person by law: offered only for a client who chose to be identified.</summary>
    public const SharedItem Identifying = SharedItem.LegalName | SharedItem.DateOfBirth;

    /// <summary>The items a worker can tick for this client, in the order they appear in the letter (the question comes last, always).</summary>
    public static IReadOnlyList<SharedItem> Offered(IdentityLevel level) =>
        [.. Enum.GetValues<SharedItem>().Where(i => i is not (SharedItem.None or SharedItem.Question)
            && (level == IdentityLevel.Identified || !Identifying.HasFlag(i)))];
}

/// <summary>
/// Which status may follow which: sent → accepted, declined or completed; accepted → completed. Declined and
/// completed are final.
/// </summary>
public static class ReferralStatuses
{
    public static IReadOnlyList<ReferralStatus> Next(ReferralStatus status) => status switch
    {
        ReferralStatus.Sent => [ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.Completed],
        ReferralStatus.Accepted => [ReferralStatus.Completed],
        _ => [],
    };

    public static bool CanGo(ReferralStatus from, ReferralStatus to) => Next(from).Contains(to);
}
