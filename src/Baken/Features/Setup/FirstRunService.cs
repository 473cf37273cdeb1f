using System.Security.Cryptography;
using Baken.Infrastructure;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Baken.Features.Setup;

/// <summary>
/// On an empty database Baken prints a one-time setup link; the page behind it creates the first organisation
/// and administrator and then stops working. Only token hashes are stored.
/// </summary>
public sealed class FirstRunService(
    BakenDbContext db,
    TimeProvider timeProvider,
    IOptions<BakenOptions> options,
    IConfiguration configuration)
{
    public Task<bool> IsSetUpAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(cancellationToken);

    public async Task AnnounceSetupLinkIfNeededAsync(CancellationToken cancellationToken)
    {
        if (await IsSetUpAsync(cancellationToken))
        {
            return;
        }

        var token = await CreateTokenAsync(cancellationToken);
        var baseUrl = options.Value.PublicBaseUrl
            ?? configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? BakenServices.DefaultUrl;
        // Deliberately the console, not the log pipeline: the link is a secret for whoever installs Baken.
        await Console.Out.WriteLineAsync(
            $"{Environment.NewLine}Baken is nog niet ingericht / Baken is not set up yet.{Environment.NewLine}" +
            $"Open deze eenmalige link / Open this one-time link: {baseUrl.TrimEnd('/')}/Setup/{token}{Environment.NewLine}");
    }

    public async Task<string> CreateTokenAsync(CancellationToken cancellationToken)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.SetupTokens.Add(new SetupToken { TokenHash = Hash(token), CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<bool> IsValidAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100 || await IsSetUpAsync(cancellationToken))
        {
            return false;
        }

        var hash = Hash(token);
        return await db.SetupTokens.AnyAsync(t => t.TokenHash == hash && t.UsedAtUtc == null, cancellationToken);
    }

    /// <summary>Marks every outstanding token used; called in the same transaction that creates the administrator.</summary>
    public async Task ConsumeAllAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var token in await db.SetupTokens.Where(t => t.UsedAtUtc == null).ToListAsync(cancellationToken))
        {
            token.UsedAtUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
}
