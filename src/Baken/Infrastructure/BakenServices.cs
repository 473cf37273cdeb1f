using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Contact;
using Baken.Features.Demo;
using Baken.Features.Intake;
using Baken.Features.Journal;
using Baken.Features.Plan;
using Baken.Features.Referrals;
using Baken.Features.Reporting;
using Baken.Features.Retention;
using Baken.Features.Rules;
using Baken.Features.ServiceDirectory.Hsds;
using Baken.Features.Setup;
using Baken.Features.Signals;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Auth;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Localization;
using Baken.Infrastructure.Operations;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Features;

namespace Baken.Infrastructure;

/// <summary>Composition of the application: which services exist and in which order requests pass the middleware.</summary>
public static class BakenServices
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddBaken(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var options = configuration.GetSection(BakenOptions.Section).Get<BakenOptions>() ?? new BakenOptions();
        services.Configure<BakenOptions>(configuration.GetSection(BakenOptions.Section));

        if (string.IsNullOrWhiteSpace(configuration["urls"]) && string.IsNullOrWhiteSpace(configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.AddBakenLogging();

        // First hosted service: migrations must run before anything else at start reads the database
        // (Data Protection loads its keys from it).
        services.AddHostedService<StartupTasks>();
        services.AddSingleton(TimeProvider.System);
        StaffDataClassification.Register();
        services.AddBakenDatabase(configuration, options);
        services.AddSingleton<FileKeyEncryptionKeys>();
        services.AddSingleton<IKeyEncryptionKeys>(provider => provider.GetRequiredService<FileKeyEncryptionKeys>());
        services.AddSingleton<DataKeyMemo>();
        services.AddDataProtection()
            .SetApplicationName("Baken")
            .PersistKeysToDbContext<BakenDbContext>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<IKeyEncryptionKeys>((keyManagement, keys) => keyManagement.XmlEncryptor = new KekXmlEncryptor(keys));
        var cookies = CookieNames.From(options, builder.Environment);
        services.AddSingleton(cookies);
        services.AddBakenAuth(cookies);
        services.AddBakenLocalization();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = cookies.Antiforgery;
            antiforgery.Cookie.SecurePolicy = cookies.SecurePolicy;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;

            // One token cookie for the whole site, also under a language prefix such as /en (the path base).
            antiforgery.Cookie.Path = "/";
        });
        services.Configure<FormOptions>(form => form.ValueCountLimit = 200);
        services.AddRazorPages(pages =>
            {
                pages.RootDirectory = "/Features";
                pages.Conventions.AuthorizeFolder("/Admin", BakenPolicies.Admin);
            })
            .AddMvcOptions(mvc => mvc.ModelMetadataDetailsProviders.Add(new KeepEmptyStrings()))
            .AddViewLocalization();

        services.AddBakenOperations(configuration);
        services.AddScoped<AuditLog>();
        services.AddScoped<ClientCrypto>();
        services.AddScoped<BlindIndex>();
        services.AddScoped<KeyRotation>();
        services.AddScoped<ClientAccess>();
        services.AddScoped<ClientRecords>();
        services.AddScoped<ConsentCheck>();
        services.AddScoped<ClientExporter>();
        services.AddScoped<ClientErasure>();
        services.AddBakenRetention(configuration);
        services.AddBakenTrajectories();
        services.AddBakenPlan(configuration);
        services.AddBakenJournal();
        services.AddScoped<Features.Outreach.OutreachAccess>();
        services.AddBakenSignals();
        services.AddBakenReporting();
        services.AddScoped<Features.Reporting.Commitments.CommitmentRecords>();
        services.AddBakenAnonymousChannel(configuration);
        services.AddBakenIntake(configuration);
        services.AddBakenDirectory();
        services.AddScoped<Features.ServiceDirectory.Import.HsdsImporter>();
        services.AddBakenReferrals();
        services.AddBakenRules();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<FirstRunService>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoTrajectories>();
        services.AddScoped<DemoFigures>();
        services.AddScoped<DemoOutreach>();
        services.AddScoped<DemoSignals>();
        services.AddScoped<DemoDirectory>();
        return builder;
    }

    public static WebApplication UseBaken(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<LanguagePathPrefix>();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/Error");
        }

        // The HSDS API answers in JSON (problem details), never with an HTML error page or its cookies.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseNotFoundForUnknownPublicPaths();
        app.UseRateLimiter();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseMiddleware<SecondFactorEnrolmentMiddleware>();
        app.UseAuthorization();
        app.MapRazorPages();
        Features.Bench.BaselineEndpoints.MapBenchBaseline(app);
        app.MapBakenHealthChecks();
        app.MapHsdsApi();
        app.MapPartnerApi();
        return app;
    }
}
