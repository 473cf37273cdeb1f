using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Baken.Features.ServiceDirectory.Hsds;

/// <summary>
/// The read-only HSDS 3.0 API at <c>/api/hsds/</c>: <c>/</c>, <c>/services</c>, <c>/services/{id}</c>,
/// <c>/organizations</c>, <c>/organizations/{id}</c>, paged as in the specification (<c>page</c>, <c>per_page</c>),
/// described by the OpenAPI document at <c>/api/hsds/openapi.json</c>. Public: no sign-in, no cookies.
/// </summary>
public static class HsdsApi
{
    public const string DocumentName = "hsds";

    public static IServiceCollection AddBakenDirectory(this IServiceCollection services)
    {
        services.AddScoped<HsdsQueries>();
        services.AddScoped<Portal.PortalDirectory>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddOpenApi(DocumentName, openApi =>
        {
            openApi.ShouldInclude = description => description.GroupName == DocumentName;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Baken help-service directory (Open Referral HSDS 3.0)";
                document.Info.Version = "3.0";
                document.Info.Description = "Read-only public directory of help services, following the Open Referral Human Services Data Specification 3.0. Confidential locations are never included.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static void MapHsdsApi(this WebApplication app)
    {
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        var api = app.MapGroup("/api/hsds").AllowAnonymous().WithGroupName(DocumentName);

        api.MapGet("/", (HttpRequest request) => TypedResults.Ok(new HsdsRoot(
                "3.0", "https://docs.openreferral.org/en/latest/hsds/", $"{request.Scheme}://{request.Host}/api/hsds/openapi.json")))
            .WithSummary("About this API");

        api.MapGet("/services", async Task<Results<Ok<HsdsPage<HsdsService>>, ProblemHttpResult>> (
                HsdsQueries queries, int? page, int? per_page, string? search, Guid? organization_id, Guid? taxonomy_term_id, CancellationToken cancellationToken) =>
                Paging(page, per_page) is { } problem ? problem
                    : TypedResults.Ok(await queries.ServicesAsync(page ?? 1, per_page ?? HsdsQueries.DefaultPageSize, search, organization_id, taxonomy_term_id, cancellationToken)))
            .WithSummary("Paginated services (one-to-one fields only)");

        api.MapGet("/services/{id:guid}", async Task<Results<Ok<HsdsService>, NotFound>> (HsdsQueries queries, Guid id, CancellationToken cancellationToken) =>
                await queries.ServiceAsync(id, cancellationToken) is { } service ? TypedResults.Ok(service) : TypedResults.NotFound())
            .WithSummary("One service, fully nested");

        api.MapGet("/organizations", async Task<Results<Ok<HsdsPage<HsdsOrganization>>, ProblemHttpResult>> (
                HsdsQueries queries, int? page, int? per_page, string? search, CancellationToken cancellationToken) =>
                Paging(page, per_page) is { } problem ? problem
                    : TypedResults.Ok(await queries.OrganizationsAsync(page ?? 1, per_page ?? HsdsQueries.DefaultPageSize, search, cancellationToken)))
            .WithSummary("Paginated organizations");

        api.MapGet("/organizations/{id:guid}", async Task<Results<Ok<HsdsOrganization>, NotFound>> (HsdsQueries queries, Guid id, CancellationToken cancellationToken) =>
                await queries.OrganizationAsync(id, cancellationToken) is { } organization ? TypedResults.Ok(organization) : TypedResults.NotFound())
            .WithSummary("One organization with its phones, public locations and contacts");
    }

    private static ProblemHttpResult? Paging(int? page, int? perPage) =>
        page is < 1 ? TypedResults.Problem("page must be 1 or more.", statusCode: StatusCodes.Status400BadRequest)
        : perPage is < 1 or > HsdsQueries.MaxPageSize ? TypedResults.Problem($"per_page must be between 1 and {HsdsQueries.MaxPageSize}.", statusCode: StatusCodes.Status400BadRequest)
        : null;
}
