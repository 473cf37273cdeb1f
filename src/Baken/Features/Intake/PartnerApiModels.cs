using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baken.Features.Intake;

// The JSON of the partner API. Property names are snake_case through the application's JSON options (see
// HsdsApi.AddBakenDirectory and docs/decisions/0016), on the way in and out. Everything arrives as text and is
// checked by PartnerApi, so a wrong value gets a field-level problem rather than a binding error.

/// <summary>A referral sent by a partner system.</summary>
public sealed record PartnerReferralRequest
{
    [Required]
    [Description("Id (UUID) of the Baken organisation whose intake queue receives the referral: a care provider or information centre.")]
    public string? ReceivingOrganisationId { get; init; }

    [Description("A name or nickname the person wants to be called by; optional, at most 100 characters.")]
    public string? Alias { get; init; }

    [Required]
    [Description("How the person wants to be reached: via_referrer, phone, email, messenger or info_centre.")]
    public string? ContactChannel { get; init; }

    [Description("Phone number (digits, spaces, one leading +), e-mail address or messenger handle; required for phone, email and messenger.")]
    public string? ContactDetails { get; init; }

    [Required]
    [Description("The language the person prefers: nl, en, es, ro, pl, bg, pt or th.")]
    public string? Language { get; init; }

    [Required]
    [Description("Why the person is referred and what they ask for; at most 4000 characters.")]
    public string? Reason { get; init; }

    [Required]
    [Description("The partner's own reference, at most 100 characters. Sending the same reference again returns the referral made the first time (200) instead of a new one (201).")]
    public string? Reference { get; init; }
}

/// <summary>All a referrer learns about a referral: its status and when it was received and decided. Never the file.</summary>
public sealed record PartnerReferralStatus
{
    public Guid Id { get; init; }

    public string? Reference { get; init; }

    [Description("received, accepted or not_taken_on.")]
    public required string Status { get; init; }

    public DateTime ReceivedAt { get; init; }

    /// <summary>Always present (null until decided), although the API leaves other nulls out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTime? DecidedAt { get; init; }

    public static PartnerReferralStatus From(Guid id, string? reference, IntakeStatus status, DateTime receivedAtUtc, DateTime? decidedAtUtc) => new()
    {
        Id = id,
        Reference = reference,
        Status = Name(status),
        ReceivedAt = DateTime.SpecifyKind(receivedAtUtc, DateTimeKind.Utc),
        DecidedAt = decidedAtUtc is { } decided ? DateTime.SpecifyKind(decided, DateTimeKind.Utc) : null,
    };

    public static string Name(IntakeStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}

/// <summary>One page of the partner organisation's referrals, newest first.</summary>
public sealed record PartnerReferralList
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public required IReadOnlyList<PartnerReferralStatus> Items { get; init; }

    public int Page { get; init; }

    public int PerPage { get; init; }

    public int Total { get; init; }
}
