using Baken.Features.Rules.Seed;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Rules;

/// <summary>
/// Puts the start pages in an empty rule-page table, in Dutch and English, on every installation (not only the
/// demo): the portal needs them from the first day. Not migration seed data (HasData), because the pages are
/// managed content: once a municipality publishes its own versions, a later release must not change or add rows
/// underneath them. The pages say they are example text until the municipality replaces them.
/// </summary>
public sealed class RuleSeeder(BakenDbContext db, TimeProvider timeProvider, ILogger<RuleSeeder> logger)
{
    /// <summary>When the start texts were written and checked; shown as "last reviewed" until a new version.</summary>
    public static readonly DateOnly WrittenOn = new(2026, 11, 30);

    private const string DutchExampleNote =
        "> **Voorbeeldtekst.** Dit is een voorbeeld voor de gemeente Voorbeeldstad. De regels in jouw gemeente kunnen anders zijn. De gemeente controleert deze tekst en past hem aan.";

    private const string EnglishExampleNote =
        "> **Example text.** This is an example for the municipality of Voorbeeldstad. The rules in your municipality may be different. The municipality checks this text and adapts it.";

    private static readonly RuleSeedText[] Texts =
    [
        WithOperatorText.Dutch, WithOperatorText.English,
        AtHomeText.Dutch, AtHomeText.English,
        EscortAndOnlineText.Dutch, EscortAndOnlineText.English,
        NewLawText.Dutch, NewLawText.English,
    ];

    /// <summary>The start pages as rows (version 1), for a table that has none.</summary>
    public static IEnumerable<RulePage> StartPages(DateTime publishedAtUtc) => Texts.Select(text => new RulePage
    {
        Slug = text.Slug,
        Language = text.Language,
        Version = 1,
        SortOrder = text.SortOrder,
        Title = text.Title,
        Summary = text.Summary,
        BodyMarkdown = (text.Language == ContentLanguage.Dutch ? DutchExampleNote : EnglishExampleNote) + "\n\n" + text.Body,
        LegalStatus = text.Slug == RuleCheck.NewLaw ? LegalStatus.NotYetInForce : LegalStatus.InForce,
        StatusDate = text.Slug == RuleCheck.NewLaw ? WrittenOn : null,
        LastReviewedOn = WrittenOn,
        PublishedAtUtc = publishedAtUtc,
    });

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<RulePage>().AnyAsync(cancellationToken))
        {
            return;
        }

        db.AddRange(StartPages(timeProvider.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Rule pages seeded: {Count} start pages", Texts.Length);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment seeded them first (the unique index refused ours).
            db.ChangeTracker.Clear();
            if (!await db.Set<RulePage>().AnyAsync(cancellationToken))
            {
                throw;
            }
        }
    }
}

/// <summary>Seeds the start pages at start-up, after the migrations (registered after <c>StartupTasks</c>).</summary>
internal sealed class RulePageSeeding(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RuleSeeder>().SeedIfEmptyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
