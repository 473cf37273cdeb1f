using System.Threading.RateLimiting;
using Baken.Features.Contact;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Baken.Features.Intake;

public static class IntakeRegistration
{
    public static IServiceCollection AddBakenIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>()
            .Bind(configuration.GetSection(IntakeOptions.Section))
            .Validate(options => !options.Problems().Any(), "Baken:Intake has settings out of range.")
            .ValidateOnStart();
        services.AddScoped<IntakeRecords>();
        services.AddScoped<PartnerTokens>();
        services.AddScoped<Demo.DemoIntake>();

        // The partner API is limited per address (IPv6 per /64), in memory only, like the anonymous channel.
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(PartnerApi.RateLimitPolicy, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value.PartnerRequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(ContactRegistration.AddressKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }));

        // Its own OpenAPI document (/api/partner/openapi.json), apart from the HSDS one: only this group, and the bearer scheme.
        services.AddOpenApi(PartnerApi.DocumentName, openApi =>
        {
            openApi.ShouldInclude = description => description.GroupName == PartnerApi.DocumentName;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Baken partner referrals";
                document.Info.Version = "1";
                document.Info.Description =
                    "Referrals in from partner systems: send a referral to an organisation's intake queue and follow its status "
                    + "(received, accepted, not taken on). A referrer never sees more than that. Authenticate with a partner token "
                    + "(Authorization: Bearer bkn_...) that a Verwijzer makes at /Partner/Tokens. Requests are limited per address; past the "
                    + "limit the answer is 429 Too Many Requests.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[PartnerApi.SecurityScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "bkn_ followed by 43 base64url characters",
                    Description = "A partner token of an active Verwijzer; revoked or unknown tokens get 401.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(PartnerApi.SecurityScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
