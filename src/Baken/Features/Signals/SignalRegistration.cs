namespace Baken.Features.Signals;

public static class SignalRegistration
{
    public static IServiceCollection AddBakenSignals(this IServiceCollection services)
    {
        services.AddScoped<SignalAccess>();
        services.AddScoped<SignalRecords>();
        return services;
    }
}
