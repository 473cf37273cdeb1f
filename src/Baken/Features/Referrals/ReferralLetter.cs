using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Referrals;

/// <summary>
/// Builds the text a referral shares, on the server, from the ticked items only: nothing that was not ticked is
/// decrypted (the intake, when one of its items is ticked, is read through <see cref="TrajectoryRecords"/>). The same text is previewed, hashed, and stored as the letter, so what the worker saw is
/// exactly what goes.
/// </summary>
public sealed class ReferralLetter(ClientCrypto crypto, TrajectoryRecords trajectories, ProcessingLogWriter processingLog, IStringLocalizer<SharedResource> t)
{
    public const int MaxQuestion = 2000;

    private const SharedItem FromIntake = SharedItem.Languages | SharedItem.MigrationSituation | SharedItem.VictimStatus;

    /// <summary>The shared text; reading the client's data for it is logged.</summary>
    public async Task<string> ComposeAsync(Client client, Trajectory trajectory, SharedItem items, string question, CancellationToken cancellationToken)
    {
        // Only the ticked fields are decrypted: what is not shared is not read either.
        async Task<string?> Field(SharedItem item, string column, byte[]? value) =>
            items.HasFlag(item) ? await crypto.DecryptAsync(client.Id, Client.Table, column, client.Id, value, cancellationToken) : null;

        var intake = (items & FromIntake) != 0 ? await trajectories.ReadIntakeAsync(trajectory, cancellationToken) : new TrajectoryIntake();
        processingLog.Record(ProcessingActivities.Referral, "ReferralComposed", client.Id);

        var text = new StringBuilder();
        void Line(SharedItem item, string? value)
        {
            if (items.HasFlag(item))
            {
                text.AppendLine(CultureInfo.CurrentCulture, $"{t[$"SharedItem_{item}"]}: {(string.IsNullOrWhiteSpace(value) ? "—" : value.Trim())}");
            }
        }

        Line(SharedItem.Alias, await Field(SharedItem.Alias, nameof(Client.Alias), client.Alias));
        Line(SharedItem.LegalName, await Field(SharedItem.LegalName, nameof(Client.LegalName), client.LegalName));
        Line(SharedItem.DateOfBirth, await Field(SharedItem.DateOfBirth, nameof(Client.DateOfBirth), client.DateOfBirth));
        Line(SharedItem.ContactChannel, Contact(
            await Field(SharedItem.ContactChannel, nameof(Client.ContactChannel), client.ContactChannel),
            await Field(SharedItem.ContactChannel, nameof(Client.ContactValue), client.ContactValue)));
        Line(SharedItem.Languages, intake.Languages ?? await Field(SharedItem.Languages, nameof(Client.Languages), client.Languages));
        Line(SharedItem.TrajectoryType, t[$"TrajectoryType_{trajectory.Type}"].Value);
        Line(SharedItem.HousingNeed, t[trajectory.HousingNeed ? "Common_Yes" : "Common_No"].Value);
        Line(SharedItem.MigrationSituation, intake.MigrationSituation is { } migration ? t[$"MigrationSituation_{migration}"].Value : null);
        Line(SharedItem.VictimStatus, intake.VictimStatus is { } victim ? t[$"VictimStatus_{victim}"].Value : null);
        text.AppendLine(CultureInfo.CurrentCulture, $"{t["SharedItem_Question"]}:").Append(question.Trim());
        return text.ToString().TrimEnd();
    }

    /// <summary>A hash of the text and the service it goes to: the confirmation must carry the one of the preview.</summary>
    public static string Hash(Guid serviceId, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{serviceId:N}\n{text}")));

    private string? Contact(string? channel, string? value)
    {
        if (string.IsNullOrWhiteSpace(channel))
        {
            return value;
        }

        var label = t[$"Client_Channel_{channel}"];
        var name = label.ResourceNotFound ? channel : label.Value;
        return string.IsNullOrWhiteSpace(value) ? name : $"{name}: {value.Trim()}";
    }
}
