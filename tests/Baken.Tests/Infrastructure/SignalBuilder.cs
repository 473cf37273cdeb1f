using Baken.Features.Admin;
using Baken.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Infrastructure;

public static class SignalBuilder
{
    /// <summary>A signal raised through the application's own records by a new outreach worker of the organisation.</summary>
    public static async Task<(Guid Signal, Guid RaisedBy)> RaiseSignalAsync(
        this BakenAppFactory app, Guid organisationId, string description = "Jonge vrouw bij de club, paspoort bij de eigenaar",
        SignalUrgency urgency = SignalUrgency.Normal, DateTime? respondByUtc = null, Guid? clientId = null)
    {
        var worker = await app.CreateUserAsync(Roles.Veldwerker, organisationId: organisationId);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<SignalRecords>();
        var draft = new SignalRecords.Draft(
            SignalSource.Outreach, SignalCategory.Exploitation, urgency, respondByUtc ?? DateTime.UtcNow.AddDays(10), description,
            [SignalDefaults.Indicators[0].Id, SignalDefaults.Indicators[7].Id], clientId);
        var signal = await records.RaiseAsync(organisationId, worker.Id, draft, CancellationToken.None);
        await db.SaveChangesAsync();
        return (signal.Id, worker.Id);
    }
}

public static class ReportBuilder
{
    /// <summary>An anonymous report received through the channel's own service, answered by the given organisation.</summary>
    public static async Task<Guid> ReceiveReportAsync(this BakenAppFactory app, Guid organisationId, string text = "Demo: een vraag over vergunningen")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var reports = scope.ServiceProvider.GetRequiredService<Baken.Features.Contact.AnonymousReports>();
        var code = await reports.CreateAsync(Baken.Features.Contact.ReportKind.Question, "nl", text, Guid.NewGuid(), CancellationToken.None);
        var locator = Baken.Features.Contact.ReceiptCode.Locator(Baken.Features.Contact.ReceiptCode.Normalise(code)!);
        var report = await db.Set<Baken.Features.Contact.AnonymousReport>().SingleAsync(r => r.Locator == locator);
        db.Entry(report).Property(r => r.OrganisationId).CurrentValue = organisationId;
        await db.SaveChangesAsync();
        return report.Id;
    }
}
