using Baken.Features.Clients;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Retention;

/// <summary>
/// One run of the retention job: erases every expired client file through <see cref="ClientErasure"/>, then every
/// expired anonymous report and closed signal through <see cref="RecordErasure"/>, one transaction each, so a
/// failure leaves the others done and the failed one whole for the next run.
/// </summary>
public sealed class RetentionSweep(IServiceScopeFactory scopes, ILogger<RetentionSweep> logger)
{
    public sealed record Result(int Erased, int Failed, int RecordsErased = 0);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> expired;
        await using (var scope = scopes.CreateAsyncScope())
        {
            expired = await scope.ServiceProvider.GetRequiredService<ClientRetention>().Expired()
                .OrderBy(c => c.LastActivityAtUtc).Select(c => c.Id).ToListAsync(cancellationToken);
        }

        int erased = 0, failed = 0;
        foreach (var id in expired)
        {
            // A fresh scope per client: its own unit of work and key cache, nothing carried from one erasure to the next.
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            try
            {
                // Checked again inside the scope: the file may have been worked on since the list was made.
                var client = await services.GetRequiredService<ClientRetention>().Expired().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
                if (client is null)
                {
                    continue;
                }

                await services.GetRequiredService<ClientErasure>().EraseAsync(client, ClientErasure.RetentionExpired, cancellationToken);
                erased++;
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
            {
                failed++;
                logger.LogError("Retention: erasing an expired client file failed ({ExceptionType}); it is tried again on the next run.", exception.GetType().Name);
            }
        }

        var records = await EraseRecordsAsync(cancellationToken);
        failed += records.Failed;
        logger.LogInformation("Retention: {Erased} expired client files and {Records} reports and signals erased, {Failed} failed.", erased, records.Erased, failed);
        return new Result(erased, failed, records.Erased);
    }

    private async Task<(int Erased, int Failed)> EraseRecordsAsync(CancellationToken cancellationToken)
    {
        List<Guid> expired;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var records = scope.ServiceProvider.GetRequiredService<RecordErasure>();
            expired =
            [
                .. await records.ExpiredReports().ToListAsync(cancellationToken),
                .. await records.ExpiredSignals().ToListAsync(cancellationToken),
                .. await records.ExpiredIntakeRequests().ToListAsync(cancellationToken),
            ];
        }

        int erased = 0, failed = 0;
        foreach (var id in expired)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                erased += await scope.ServiceProvider.GetRequiredService<RecordErasure>().EraseIfExpiredAsync(id, cancellationToken) ? 1 : 0;
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
            {
                failed++;
                logger.LogError("Retention: erasing an expired report or signal failed ({ExceptionType}); it is tried again on the next run.", exception.GetType().Name);
            }
        }

        return (erased, failed);
    }
}
