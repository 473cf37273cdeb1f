using Baken.Features.Contact;
using Baken.Features.Signals;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Demo;

/// <summary>
/// Demo signals in every state (one overdue, one handover waiting for a second colleague, handed over, closed)
/// and anonymous reports with replies. The reports use the fixed receipt codes below, printed at seeding and
/// listed in the README, so a tester can open them on /Contact/Open. Everything is synthetic.
/// </summary>
public sealed class DemoSignals(BakenDbContext db, SignalRecords records, AnonymousReports reports, TimeProvider timeProvider)
{
    public static readonly IReadOnlyList<string> ReceiptCodes =
    [
        "DM01-7KQ2-M9XD-4TPA-RW3H",
        "DM02-C8VN-5JTE-H6QB-2ZGF",
        "DM03-WX4R-9PKM-3DNA-7YTS",
        "DM04-B2HF-6QVZ-8MCE-5RJW",
    ];

    public async Task SeedAsync(Guid organisationId, Guid policeId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var users = await db.Users.Where(u => u.OrganisationId == organisationId).ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        var worker = users["veldwerker@baken.example"];
        var coordinator = users["mensenhandel@baken.example"];
        var lead = users["teamleider-ic@baken.example"];
        var indicators = SignalDefaults.Indicators;

        async Task<Signal> Raise(int daysAgo, SignalCategory category, SignalUrgency urgency, SignalSource source, string text, params int[] marks)
        {
            var raisedAt = now.AddDays(-daysAgo).AddHours(-2);
            var signal = await records.RaiseAsync(organisationId, worker, new SignalRecords.Draft(
                source, category, urgency, raisedAt + SignalRules.ResponseTime(urgency), "Demo: " + text,
                [.. marks.Select(m => indicators[m].Id)], null), cancellationToken);
            db.Entry(signal).Property(s => s.RaisedAtUtc).CurrentValue = raisedAt;
            await db.SaveChangesAsync(cancellationToken);
            return signal;
        }

        await Raise(2, SignalCategory.MinorOrGrooming, SignalUrgency.Immediate, SignalSource.AdReview,
            "advertentie met foto's van iemand die erg jong lijkt; hetzelfde nummer staat bij vier andere advertenties.", 7, 9);
        await Raise(0, SignalCategory.HealthRisk, SignalUrgency.Normal, SignalSource.Outreach,
            "vrouw bij het raamgebied vertelt dat ze al weken niet naar een arts kan.", 3);

        var triage = await Raise(1, SignalCategory.Exploitation, SignalUrgency.High, SignalSource.Outreach,
            "tijdens de ronde praat steeds dezelfde man voor twee vrouwen; zij hebben geen eigen telefoon.", 0, 2);
        await records.ChangeStatusAsync(triage, SignalStatus.InTriage, coordinator, cancellationToken);

        var progress = await Raise(6, SignalCategory.Violence, SignalUrgency.High, SignalSource.Partner,
            "partner meldt blauwe plekken bij een bezoeker van het inloopspreekuur.", 5);
        await records.ChangeStatusAsync(progress, SignalStatus.InTriage, coordinator, cancellationToken);
        await records.AssignAsync(progress, coordinator, coordinator, cancellationToken);
        await records.ChangeStatusAsync(progress, SignalStatus.InProgress, coordinator, cancellationToken);

        var pending = await Raise(4, SignalCategory.Exploitation, SignalUrgency.Immediate, SignalSource.Outreach,
            "bij een thuiswerkplek woont iemand die de verdiensten moet afgeven en een schuld 'terugbetaalt'.", 1, 4, 6);
        await records.ChangeStatusAsync(pending, SignalStatus.InTriage, coordinator, cancellationToken);
        await records.RequestHandoverAsync(pending, policeId, HandoverItems.Category | HandoverItems.Urgency | HandoverItems.Indicators,
            "Soort: Uitbuiting\nUrgentie: Direct (24 uur)\nIndicatoren: zie signaal (demo)", coordinator, cancellationToken);

        var handed = await Raise(30, SignalCategory.Exploitation, SignalUrgency.High, SignalSource.AnonymousReport,
            "anonieme melder beschrijft een pand waar vrouwen wonen en werken zonder eigen sleutel.", 6, 10);
        await records.ChangeStatusAsync(handed, SignalStatus.InTriage, coordinator, cancellationToken);
        await records.RequestHandoverAsync(handed, policeId, HandoverItems.Category | HandoverItems.Description,
            "Soort: Uitbuiting\nOmschrijving: pand met bewoners zonder eigen sleutel (demo)", coordinator, cancellationToken);
        var handover = await db.Set<SignalHandover>().SingleAsync(h => h.SignalId == handed.Id, cancellationToken);
        await records.DecideHandoverAsync(handed, handover, approve: true, null, lead, cancellationToken);

        var reasons = new[] { SignalCloseReason.NoGrounds, SignalCloseReason.Resolved, SignalCloseReason.Duplicate, SignalCloseReason.HandedOverAndDone };
        for (var i = 0; i < reasons.Length; i++)
        {
            var closed = await Raise(40 + (i * 60), (SignalCategory)(i % 5 + 1), SignalUrgency.Normal, (SignalSource)(i % 5 + 1),
                "afgehandeld voorbeeldsignaal " + (i + 1) + ".", i);
            await records.ChangeStatusAsync(closed, SignalStatus.InTriage, coordinator, cancellationToken);
            await records.CloseAsync(closed, reasons[i], "Demo: afgesloten na beoordeling.", coordinator, cancellationToken);
        }

        await SeedReportsAsync(worker, cancellationToken);
    }

    private async Task SeedReportsAsync(Guid worker, CancellationToken cancellationToken)
    {
        (ReportKind Kind, string Language, string Question, string? Answer, bool Close)[] conversations =
        [
            (ReportKind.Question, "nl", "Demo: ik werk thuis en wil weten of ik een vergunning nodig heb.", "Demo: goede vraag. Thuiswerken mag onder voorwaarden. Kom gerust naar het inloopspreekuur, of schrijf hier verder.", false),
            (ReportKind.Concern, "nl", "Demo: mijn nichtje van 16 heeft een 'vriend' van 30 die haar dure cadeaus geeft. Ik maak me zorgen.", "Demo: dank u voor uw melding. We nemen dit serieus. Kunt u vertellen in welke stad zij woont?", false),
            (ReportKind.Question, "en", "Demo: I want to stop this work. Who can help me with housing?", null, false),
            (ReportKind.Question, "nl", "Demo: waar kan ik anoniem een soa-test doen?", "Demo: bij de GGD kan dat gratis en anoniem. Veel succes!", true),
        ];
        for (var i = 0; i < conversations.Length; i++)
        {
            var (kind, language, question, answer, close) = conversations[i];
            await reports.CreateAsync(kind, language, question, Guid.NewGuid(), cancellationToken, ReceiptCodes[i]);
            var report = await db.Set<AnonymousReport>().SingleAsync(r => r.Locator == ReceiptCode.Locator(ReceiptCode.Normalise(ReceiptCodes[i])!), cancellationToken);
            if (answer is not null)
            {
                await reports.WriteAsync(report, worker, answer, Guid.NewGuid(), cancellationToken);
            }

            if (close)
            {
                await reports.CloseAsync(report, true, cancellationToken);
            }
        }

        foreach (var code in ReceiptCodes)
        {
            // Printed on the console, not logged: these synthetic codes are for testers (also in the README).
            Console.WriteLine($"Demo anonymous report, receipt code: {code}");
        }
    }
}
