namespace Baken.Features.Plan;

public static class PlanRegistration
{
    public static IServiceCollection AddBakenPlan(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlanOptions>()
            .Bind(configuration.GetSection(PlanOptions.Section))
            .Validate(o => o.AssessmentIntervalWeeks is >= 1 and <= 52, "Baken:Plan:AssessmentIntervalWeeks must be between 1 and 52.")
            .ValidateOnStart();
        services.AddScoped<PlanRecords>();
        return services;
    }
}
