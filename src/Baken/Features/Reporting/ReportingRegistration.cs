using Baken.Features.Reporting.Disclosure;
using Baken.Features.Reporting.Facts;
using Baken.Features.Reporting.Figures;

namespace Baken.Features.Reporting;

public static class ReportingRegistration
{
    public static IServiceCollection AddBakenReporting(this IServiceCollection services)
    {
        services.AddScoped<StatisticsFacts>();
        services.AddOptions<ReportingOptions>().BindConfiguration("Baken:Reporting")
            .Validate(o => DisclosureRules.ValidateThreshold(o.Threshold) is null, "Baken:Reporting:Threshold: " + DisclosureRules.ThresholdTooLowMessage)
            .ValidateOnStart();
        services.AddScoped<ReportAccess>();
        services.AddScoped<FigureText>();
        services.AddScoped<ExitProgrammeFigures>();
        services.AddScoped<OutreachFigures>();
        services.AddScoped<EventFigures>();
        services.AddScoped<ReportFigures>();
        return services;
    }
}
