using System.Text.Json;

namespace Baken.Features.Intake;

/// <summary>
/// Checks a partner system's referral against <see cref="IntakeRules"/>, with English messages per snake_case
/// field for the problem details; the organisation's existence is checked by the caller (it needs the database).
/// </summary>
public static class PartnerReferralCheck
{
    public const int MaxReason = 4000;

    public sealed record Input(
        Guid? ReceivingOrganisationId, string? Alias, IntakeContactChannel? Channel, string? ContactDetails, string? Language, string? Reason, string? Reference);

    /// <summary>The wire name of a channel: <c>via_referrer</c>, <c>phone</c>, ...</summary>
    public static string Name(IntakeContactChannel channel) => JsonNamingPolicy.SnakeCaseLower.ConvertName(channel.ToString());

    public static (Dictionary<string, string[]> Errors, Input Input) Check(PartnerReferralRequest body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        Guid? organisation = null;
        if (string.IsNullOrWhiteSpace(body.ReceivingOrganisationId))
        {
            Add("receiving_organisation_id", "Required.");
        }
        else if (Guid.TryParse(body.ReceivingOrganisationId.Trim(), out var parsed))
        {
            organisation = parsed;
        }
        else
        {
            Add("receiving_organisation_id", "Must be an id (a UUID).");
        }

        var alias = IntakeRules.Clean(body.Alias);
        if (alias is not null && (alias.Length > IntakeRules.MaxAlias || alias.Any(char.IsControl)))
        {
            Add("alias", $"At most {IntakeRules.MaxAlias} characters, on one line.");
        }

        var channelName = IntakeRules.Clean(body.ContactChannel);
        var channel = IntakeRules.PartnerChannels.Cast<IntakeContactChannel?>().FirstOrDefault(c => Name(c!.Value) == channelName);
        if (channel is null)
        {
            Add("contact_channel", channelName is null
                ? "Required."
                : $"Must be one of: {string.Join(", ", IntakeRules.PartnerChannels.Select(Name))}.");
        }

        var details = IntakeRules.Clean(body.ContactDetails);
        if (channel is { } chosen && IntakeRules.NeedsDetails(chosen))
        {
            if (details is null)
            {
                Add("contact_details", $"Required for {Name(chosen)}.");
            }
            else if (!IntakeRules.DetailsFit(chosen, details))
            {
                Add("contact_details", chosen switch
                {
                    IntakeContactChannel.Phone => "A phone number: digits and spaces, one leading +, 6 to 15 digits.",
                    IntakeContactChannel.Email => "An e-mail address, like name@example.org.",
                    _ => $"A messenger handle of 2 to {IntakeRules.MaxContactDetails} characters, on one line.",
                });
            }
        }

        var language = IntakeRules.Clean(body.Language);
        if (language is null || !IntakeRules.Languages.Contains(language))
        {
            Add("language", $"Must be one of: {string.Join(", ", IntakeRules.Languages)}.");
        }

        var reason = IntakeRules.Clean(body.Reason);
        if (reason is null)
        {
            Add("reason", "Required.");
        }
        else if (reason.Length > MaxReason)
        {
            Add("reason", $"At most {MaxReason} characters.");
        }

        var reference = IntakeRules.Clean(body.Reference);
        if (reference is null)
        {
            Add("reference", "Required: your own reference, so a referral sent twice is recognised.");
        }
        else if (reference.Length > IntakeRules.MaxReference || reference.Any(char.IsControl))
        {
            Add("reference", $"At most {IntakeRules.MaxReference} characters, on one line.");
        }

        return (errors, new Input(organisation, alias, channel, IntakeRules.NeedsDetails(channel ?? default) ? details : null, language, reason, reference));
    }
}
