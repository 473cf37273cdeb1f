using System.Text.Json;
using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Baken.Features.Intake;

/// <summary>
/// The partner API at <c>/api/partner/</c>, for partner systems that refer people in: <c>POST /referrals</c>,
/// <c>GET /referrals</c> (the organisation's own, paged) and <c>GET /referrals/{id}</c>, described by its own OpenAPI document at <c>/api/partner/openapi.json</c>. Only a
/// bearer token counts (<see cref="PartnerTokens"/>), checked by a filter on the whole group: no cookie, no
/// antiforgery, nothing issued. Errors are problem details; limited per address.
/// </summary>
public static class PartnerApi
{
    public const string DocumentName = "partner";
    public const string RateLimitPolicy = "partner-api";
    public const string SecurityScheme = "bearer";
    private const int MaxBodyBytes = 64 * 1024;
    private const string HolderKey = "baken.partner-token";

    public static void MapPartnerApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/partner").AllowAnonymous().DisableAntiforgery().WithGroupName(DocumentName)
            .RequireRateLimiting(RateLimitPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var header = http.Request.Headers.Authorization.ToString();
                var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
                var holder = await http.RequestServices.GetRequiredService<PartnerTokens>().AuthenticateAsync(token, http.RequestAborted);
                if (holder is null)
                {
                    http.Response.Headers.WWWAuthenticate = token is null ? "Bearer" : "Bearer error=\"invalid_token\"";
                    return TypedResults.Problem("A valid partner token is needed: Authorization: Bearer bkn_…", statusCode: StatusCodes.Status401Unauthorized);
                }

                http.User = PartnerTokens.Principal(holder);
                http.Items[HolderKey] = holder;
                return await next(context);
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        // The body is read by the handler (so bad JSON is a 400 problem, not a binding failure), and described here.
        // No Accepts(): its content-type check would answer another type before the token is checked.
        api.MapPost("/referrals", CreateAsync)
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(PartnerReferralRequest), null, cancellationToken) },
                },
            })
            .Produces<PartnerReferralStatus>(StatusCodes.Status201Created)
            .Produces<PartnerReferralStatus>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Refer someone to an organisation's intake queue")
            .WithDescription("Idempotent on the partner organisation's reference: the same reference again returns the existing referral with 200.");

        // Query values arrive as text and are checked here, so a malformed one gets a 400 problem, not a binding error.
        api.MapGet("/referrals", async Task<Results<Ok<PartnerReferralList>, ProblemHttpResult>> (
                HttpContext http, BakenDbContext db, string? page, string? per_page, CancellationToken cancellationToken) =>
            {
                var number = 1;
                var size = PartnerReferralList.DefaultPageSize;
                if ((page is not null && (!int.TryParse(page, out number) || number < 1))
                    || (per_page is not null && (!int.TryParse(per_page, out size) || size is < 1 or > PartnerReferralList.MaxPageSize)))
                {
                    return Bad($"page must be a whole number of 1 or more, per_page one from 1 to {PartnerReferralList.MaxPageSize}.");
                }

                var holder = Holder(http);
                var referrals = db.Set<IntakeRequest>().AsNoTracking()
                    .Where(r => r.ReferrerOrganisationId == holder.OrganisationId && r.Source != IntakeSource.SelfReferral);
                var total = await referrals.CountAsync(cancellationToken);
                var rows = await referrals.OrderByDescending(r => r.ReceivedAtUtc).ThenByDescending(r => r.Id)
                    .Skip((number - 1) * size).Take(size)
                    .Select(r => new { r.Id, r.ExternalReference, r.Status, r.ReceivedAtUtc, r.DecidedAtUtc })
                    .ToListAsync(cancellationToken);
                return TypedResults.Ok(new PartnerReferralList
                {
                    Items = [.. rows.Select(r => PartnerReferralStatus.From(r.Id, r.ExternalReference, r.Status, r.ReceivedAtUtc, r.DecidedAtUtc))],
                    Page = number,
                    PerPage = size,
                    Total = total,
                });
            })
            .WithSummary("Your organisation's referrals, newest first, with status and dates only (paged: page, per_page)");

        api.MapGet("/referrals/{id}", async Task<Results<Ok<PartnerReferralStatus>, ProblemHttpResult>> (string id, HttpContext http, BakenDbContext db, CancellationToken cancellationToken) =>
                Guid.TryParse(id, out var guid) && await StatusAsync(db, Holder(http), guid, cancellationToken) is { } status ? TypedResults.Ok(status) : NotFound())
            .WithSummary("The status of one of your organisation's referrals (received, accepted, not taken on) with its dates");
    }

    private static PartnerTokens.Holder Holder(HttpContext http) => (PartnerTokens.Holder)http.Items[HolderKey]!;

    private static async Task<Results<Created<PartnerReferralStatus>, Ok<PartnerReferralStatus>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, IntakeRecords records, BakenDbContext db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var holder = Holder(http);
        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem("Send the referral as JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        PartnerReferralRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<PartnerReferralRequest>(http.Request.Body, json.Value.SerializerOptions, cancellationToken);
        }
        catch (JsonException exception)
        {
            // The path names the field (never the value), so the partner can find the mistake.
            return Bad($"The body is not valid JSON for a referral{(exception.Path is { Length: > 1 } path ? $" (at {path})" : string.Empty)}.");
        }
        catch (BadHttpRequestException)
        {
            return TooLarge();
        }

        if (body is null)
        {
            return Bad("The body must be a JSON object.");
        }

        var (errors, input) = PartnerReferralCheck.Check(body);
        if (input.ReceivingOrganisationId is { } receiving && !await records.ReceivingOrganisations().AnyAsync(o => o.Id == receiving, cancellationToken))
        {
            errors["receiving_organisation_id"] = ["No organisation that receives referrals has this id."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The referral has errors; nothing was stored.");
        }

        var result = await records.SubmitAsync(new IntakeRecords.Submission(
            input.ReceivingOrganisationId!.Value, IntakeSource.PartnerSystem, input.Channel!.Value, input.Language!, input.Alias, input.ContactDetails,
            input.Reason, Guid.NewGuid(), holder.UserId, holder.OrganisationId, input.Reference), cancellationToken);
        var status = (await StatusAsync(db, holder, result.Id, cancellationToken))!;
        return result.Outcome == IntakeRecords.Outcome.Stored
            ? TypedResults.Created($"/api/partner/referrals/{result.Id}", status)
            : TypedResults.Ok(status);
    }

    /// <summary>A referral of the token's organisation (any of its Verwijzers, form or system): status and dates only.</summary>
    private static async Task<PartnerReferralStatus?> StatusAsync(BakenDbContext db, PartnerTokens.Holder holder, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Set<IntakeRequest>().AsNoTracking()
            .Where(r => r.Id == id && r.ReferrerOrganisationId == holder.OrganisationId && r.Source != IntakeSource.SelfReferral)
            .Select(r => new { r.Id, r.ExternalReference, r.Status, r.ReceivedAtUtc, r.DecidedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : PartnerReferralStatus.From(row.Id, row.ExternalReference, row.Status, row.ReceivedAtUtc, row.DecidedAtUtc);
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem("No such referral of your organisation.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Bad(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"The body may be at most {MaxBodyBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
