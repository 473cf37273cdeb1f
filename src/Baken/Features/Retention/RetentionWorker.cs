using Baken.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Baken.Features.Retention;

/// <summary>Runs <see cref="RetentionSweep"/> once a day at the configured local time.</summary>
public sealed class RetentionWorker(RetentionSweep sweep, IOptions<RetentionOptions> options, TimeProvider timeProvider, ILogger<RetentionWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogWarning("Retention: the daily job is switched off (Baken:Retention:Enabled=false); expired files are not erased.");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = timeProvider.GetUtcNow();
            var next = NextRun(now, options.Value.RunAt);
            await Task.Delay(next - now, timeProvider, stoppingToken);
            try
            {
                await sweep.RunAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError("Retention: the daily run failed ({ExceptionType}); it runs again tomorrow.", exception.GetType().Name);
            }
        }
    }

    /// <summary>The next moment, strictly after <paramref name="now"/>, at which the local clock shows <paramref name="runAt"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly runAt)
    {
        var local = TimeZoneInfo.ConvertTime(now, DisplayTime.Zone);
        var candidate = local.Date + runAt.ToTimeSpan();
        if (candidate <= local.DateTime)
        {
            candidate = candidate.AddDays(1);
        }

        var offset = DisplayTime.Zone.GetUtcOffset(candidate);
        return new DateTimeOffset(candidate, offset);
    }
}
