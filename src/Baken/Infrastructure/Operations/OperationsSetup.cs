using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Baken.Infrastructure.Operations;

public static class OperationsSetup
{
    public const string ActivitySourceName = "Baken";
    private const string ReadyTag = "ready";

    /// <summary>Structured JSON logs on the console. Log lines carry ids and counts, never personal data.</summary>
    public static void AddBakenLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }

    public static IServiceCollection AddBakenOperations(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("baken"))
            .WithTracing(tracing => tracing
                .AddSource(ActivitySourceName)
                .AddAspNetCoreInstrumentation(aspnet =>
                {
                    aspnet.Filter = context => !context.Request.Path.StartsWithSegments("/health");

                    // Traces never carry who is asking: no browser details (the anonymous channel promises it).
                    aspnet.EnrichWithHttpResponse = (activity, _) => activity.SetTag("user_agent.original", null);
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(ActivitySourceName)
                .AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        services.AddHealthChecks()
            .AddDbContextCheck<BakenDbContext>("database", tags: [ReadyTag])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [ReadyTag]);
        return services;
    }

    public static void MapBakenHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
    }
}

internal sealed class MigrationsAppliedCheck(BakenDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return pending.Any()
            ? HealthCheckResult.Unhealthy("Database migrations are pending.")
            : HealthCheckResult.Healthy();
    }
}
