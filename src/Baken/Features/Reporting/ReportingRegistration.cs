using Baken.Features.Reporting.Facts;

namespace Baken.Features.Reporting;

public static class ReportingRegistration
{
    public static IServiceCollection AddBakenReporting(this IServiceCollection services)
    {
        services.AddScoped<StatisticsFacts>();
        return services;
    }
}
