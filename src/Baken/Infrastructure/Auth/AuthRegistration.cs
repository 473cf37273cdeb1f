using Baken.Features.Admin;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Baken.Infrastructure.Auth;

public static class AuthRegistration
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(10);

    public static IServiceCollection AddBakenAuth(this IServiceCollection services, CookieNames cookies)
    {
        services.AddIdentity<StaffUser, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<BakenDbContext>()
            .AddSignInManager<BakenSignInManager>()
            .AddClaimsPrincipalFactory<BakenClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.Configure<IdentityPasskeyOptions>(options =>
        {
            options.UserVerificationRequirement = "required";
            // Identity's default compares the credential's origin with the request's Origin header, which
            // browsers send as "null" on form posts under Referrer-Policy: no-referrer. Compare with this
            // site's own address instead (the public one, behind a proxy with forwarded headers).
            options.ValidateOrigin = context =>
            {
                var request = context.HttpContext.Request;
                var own = $"{request.Scheme}://{request.Host}";
                return ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin, own, StringComparison.OrdinalIgnoreCase));
            };
        });

        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            // Deactivation and second-factor resets change the security stamp; sessions notice within a minute.
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = context =>
            {
                foreach (var claim in context.CurrentPrincipal?.Claims.Where(c => c.Type is BakenClaims.AuthTime or "amr") ?? [])
                {
                    context.NewPrincipal?.Identities.First().AddClaim(claim.Clone());
                }

                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = cookies.Session;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = cookies.SecurePolicy;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.ReturnUrlParameter = "returnUrl";
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // No access answers 404: nobody learns that a page or record exists.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = SessionLimits.ValidateAsync;
        });

        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.Name = cookies.Named(scheme.Replace("Identity.", string.Empty, StringComparison.Ordinal).ToLowerInvariant());
                options.Cookie.SecurePolicy = cookies.SecurePolicy;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.Path = "/";
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            });
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(BakenClaims.SecondFactor, "1")
                .Build())
            .AddPolicy(BakenPolicies.Enrolment, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(BakenPolicies.Admin, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(BakenClaims.SecondFactor, "1")
                .RequireRole(Roles.Beheerder));

        services.AddScoped<RequireRecentAuthenticationFilter>();
        return services;
    }
}
