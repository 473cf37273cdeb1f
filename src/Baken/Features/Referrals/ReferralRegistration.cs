namespace Baken.Features.Referrals;

public static class ReferralRegistration
{
    public static IServiceCollection AddBakenReferrals(this IServiceCollection services)
    {
        services.AddScoped<ReferralRecords>();
        services.AddScoped<ReferralLetter>();
        services.AddScoped<Demo.DemoReferrals>();
        return services;
    }
}
