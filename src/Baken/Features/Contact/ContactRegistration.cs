using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Baken.Features.Contact;

public static class ContactRegistration
{
    public const string PathPrefix = "/Contact";

    public static IServiceCollection AddBakenAnonymousChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnonymousChannelOptions>()
            .Bind(configuration.GetSection(AnonymousChannelOptions.Section))
            .Validate(options => !options.Problems().Any(), "Baken:AnonymousChannel has settings out of range.")
            .ValidateOnStart();
        services.AddScoped<AnonymousReports>();
        services.AddSingleton<GuessThrottle>();
        services.AddSingleton<ReporterSession>();

        // Posts to the public channel are limited per address, in memory only: the address is a partition key
        // for the lifetime of a window and is never written anywhere. Everything else is not limited here.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments(PathPrefix))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var options = context.RequestServices.GetRequiredService<IOptions<AnonymousChannelOptions>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var opening = context.Request.Path.StartsWithSegments(PathPrefix + "/Open")
                    && !context.Request.Query.ContainsKey("handler");
                return opening
                    ? RateLimitPartition.GetFixedWindowLimiter("open|" + address, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.OpensPer15Minutes,
                        Window = TimeSpan.FromMinutes(15),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetFixedWindowLimiter("send|" + address, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.SendsPerHour,
                        Window = TimeSpan.FromHours(1),
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }
}
