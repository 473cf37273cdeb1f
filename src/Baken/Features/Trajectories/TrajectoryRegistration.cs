using Baken.Features.Retention;

namespace Baken.Features.Trajectories;

public static class TrajectoryRegistration
{
    public static IServiceCollection AddBakenTrajectories(this IServiceCollection services)
    {
        services.AddScoped<TrajectoryRecords>();
        services.AddScoped<TrajectoryAccess>();
        services.AddSingleton<IClientRetentionHold, OpenTrajectoryHold>();
        return services;
    }
}
