namespace Baken.Features.Rules;

public static class RulesRegistration
{
    /// <summary>
    /// The rule pages: reading, publishing and the start pages. Call after the start-up tasks are registered:
    /// hosted services start in order, and the seeding needs the migrated database.
    /// </summary>
    public static IServiceCollection AddBakenRules(this IServiceCollection services)
    {
        services.AddScoped<RuleContent>();
        services.AddScoped<RulePublishing>();
        services.AddScoped<RuleSeeder>();
        services.AddHostedService<RulePageSeeding>();
        return services;
    }
}
