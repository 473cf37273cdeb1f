using Baken.Features.Intake;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Demo;

/// <summary>
/// The care provider's demo intake queue: two referrals by the police's demo Verwijzer (one waiting, one taken on)
/// and a self-referral from the portal with the fixed receipt code below (printed at seeding, listed in the README),
/// so a tester can follow the conversation on /Contact/Open. Everything is synthetic.
/// </summary>
public sealed class DemoIntake(BakenDbContext db, IntakeRecords records, TimeProvider timeProvider)
{
    public const string ReceiptCode = "DM05-8TQK-3VXH-6CNR-9WPB";

    public async Task SeedAsync(Guid careProviderId, Guid policeId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var referrer = await db.Users.Where(u => u.Email == "verwijzer-politie@baken.example").Select(u => u.Id).SingleAsync(cancellationToken);
        var manager = await db.Users.Where(u => u.Email == "casemanager@baken.example").Select(u => u.Id).SingleAsync(cancellationToken);

        async Task<IntakeRequest> Refer(int daysAgo, string alias, string language, string reason, string reference)
        {
            var submitted = await records.SubmitAsync(new IntakeRecords.Submission(
                careProviderId, IntakeSource.PartnerForm, IntakeContactChannel.ViaReferrer, language, alias, null, reason, Guid.NewGuid(),
                referrer, policeId, reference), cancellationToken);
            var request = await db.Set<IntakeRequest>().SingleAsync(r => r.Id == submitted.Id, cancellationToken);
            db.Entry(request).Property(r => r.ReceivedAtUtc).CurrentValue = now.AddDays(-daysAgo);
            await db.SaveChangesAsync(cancellationToken);
            return request;
        }

        await Refer(1, "Demo Ioana", "ro",
            "Demo: bij een controle vertelde zij dat ze wil stoppen en een veilige slaapplek zoekt. Ze spreekt Roemeens en een beetje Engels. Contact via ons.",
            "DEMO-POL-0001");
        var accepted = await Refer(12, "Demo Lina", "en",
            "Demo: wil stoppen met escortwerk en zoekt hulp bij schulden en ander werk. Heeft toestemming gegeven voor deze verwijzing.",
            "DEMO-POL-0002");
        await records.AcceptAsync(accepted, new IntakeRecords.Acceptance(
            accepted.Version, TrajectoryType.Exit, "Demo: kennismaking gepland op het spreekuur.", "Uit de verwijzing:", JoinAsCaseManager: true), manager, cancellationToken);

        await records.SubmitAsync(new IntakeRecords.Submission(
            careProviderId, IntakeSource.SelfReferral, IntakeContactChannel.ReceiptCodeOnly, "nl", null, null,
            "Demo: ik wil stoppen, maar ik weet niet waar ik moet beginnen. Kan iemand mij helpen met ander werk?", Guid.NewGuid(),
            ReportLanguage: "nl", FixedCode: ReceiptCode), cancellationToken);

        // Printed on the console, not logged: this synthetic code is for testers (also in the README).
        Console.WriteLine($"Demo self-referral, receipt code: {ReceiptCode}");
    }
}
