namespace Baken.Features.Retention;

public static class RetentionRegistration
{
    public static IServiceCollection AddBakenRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(options => !options.Problems().Any(), "Baken:Retention has settings out of range; see docs/decisions/0012-retention.md.")
            .ValidateOnStart();
        services.AddScoped<ClientRetention>();
        services.AddScoped<RecordErasure>();
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService<RetentionWorker>();
        return services;
    }
}
