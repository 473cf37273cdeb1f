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

        // Query values arrive as text and are parsed here, so a malformed one gets a 400 problem, not a binding error.
        api.MapGet("/services", async Task<Results<Ok<HsdsPage<HsdsService>>, ProblemHttpResult>> (
                HsdsQueries queries, HttpRequest request, string? page, string? per_page, string? search, string? organization_id, string? taxonomy_term_id,
                CancellationToken cancellationToken) =>
                Unsupported(request) ?? Paging(page, per_page, out var number, out var size) ?? Id(organization_id, "organization_id", out var organization)
                    ?? Id(taxonomy_term_id, "taxonomy_term_id", out var term)
                    ?? (Results<Ok<HsdsPage<HsdsService>>, ProblemHttpResult>)TypedResults.Ok(
                        await queries.ServicesAsync(number, size, search, organization, term, cancellationToken)))
            .WithSummary("Paginated services (one-to-one fields only)");

        api.MapGet("/services/{id}", async Task<Results<Ok<HsdsService>, ProblemHttpResult>> (HsdsQueries queries, string id, CancellationToken cancellationToken) =>
                Guid.TryParse(id, out var guid) && await queries.ServiceAsync(guid, cancellationToken) is { } service ? TypedResults.Ok(service) : NotFound())
            .WithSummary("One service, fully nested");

        api.MapGet("/organizations", async Task<Results<Ok<HsdsPage<HsdsOrganization>>, ProblemHttpResult>> (
                HsdsQueries queries, HttpRequest request, string? page, string? per_page, string? search, CancellationToken cancellationToken) =>
                Unsupported(request) ?? Paging(page, per_page, out var number, out var size)
                    ?? (Results<Ok<HsdsPage<HsdsOrganization>>, ProblemHttpResult>)TypedResults.Ok(await queries.OrganizationsAsync(number, size, search, cancellationToken)))
            .WithSummary("Paginated organizations");

        api.MapGet("/organizations/{id}", async Task<Results<Ok<HsdsOrganization>, ProblemHttpResult>> (HsdsQueries queries, string id, CancellationToken cancellationToken) =>
                Guid.TryParse(id, out var guid) && await queries.OrganizationAsync(guid, cancellationToken) is { } organization ? TypedResults.Ok(organization) : NotFound())
            .WithSummary("One organization with its services, phones, public locations and contacts");
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem("No such entry in the directory.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Bad(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Parameters of the HSDS OpenAPI this directory does not offer: refused, rather than silently ignored.</summary>
    private static readonly string[] UnsupportedParameters = ["taxonomy_id", "modified_after", "minimal", "full", "format"];

    private static ProblemHttpResult? Unsupported(HttpRequest request) =>
        UnsupportedParameters.FirstOrDefault(request.Query.ContainsKey) is { } name
            ? Bad($"The parameter {name} is not supported by this directory.")
            : null;

    private static ProblemHttpResult? Paging(string? page, string? perPage, out int number, out int size)
    {
        number = 1;
        size = HsdsQueries.DefaultPageSize;
        if (page is not null && (!int.TryParse(page, out number) || number < 1))
        {
            return Bad("page must be a whole number, 1 or more.");
        }

        return perPage is not null && (!int.TryParse(perPage, out size) || size is < 1 or > HsdsQueries.MaxPageSize)
            ? Bad($"per_page must be a whole number between 1 and {HsdsQueries.MaxPageSize}.")
            : null;
    }

    private static ProblemHttpResult? Id(string? value, string name, out Guid? id)
    {
        id = null;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!Guid.TryParse(value, out var parsed))
        {
            return Bad($"{name} must be an id (a UUID).");
        }

        id = parsed;
        return null;
    }
}
