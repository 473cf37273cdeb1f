using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Baken.Tests.Features.ServiceDirectory;

/// <summary>
/// The HSDS API against the specification's own compiled schemas (Reference/hsds-3.0), on the demo directory:
/// every list item and every nested service and organization validates, and no confidential location leaks.
/// </summary>
public sealed class HsdsApiTests(SharedApps apps)
{
    private static readonly string[] Confidential = ["Opvanglocatie", "Geheim adres"];

    // The HSDS schemas carry documentation keywords of their own (name, core, constraints): allowed, not checked.
    private static readonly BuildOptions Build = new()
    {
        Dialect = Dialect.Draft202012.With([], new Uri("https://baken.example/dialect/hsds-3.0"), null, true),
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new();

    /// <summary>Each schema is built once (the library registers it by its file address).</summary>
    private static JsonSchema Schema(string name) =>
        Schemas.GetOrAdd(name, n => new Lazy<JsonSchema>(() =>
            JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Reference", "hsds-3.0", n + ".json"), Build))).Value;

    private static void ShouldValidate(JsonNode? node, JsonSchema schema, string what)
    {
        var result = schema.Evaluate(JsonDocument.Parse(node!.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
        result.IsValid.ShouldBeTrue($"{what} does not validate: {string.Join("; ", errors.Take(10))}");
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse($"{url} sets no cookie");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Theory]
    [Databases]
    public async Task Services_validate_against_the_HSDS_schemas_and_hide_confidential_locations(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        var list = await GetJsonAsync(client.Http, "/api/hsds/services?per_page=100");
        list["total_items"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(12, "the demo network");
        list["page_number"]!.GetValue<int>().ShouldBe(1);
        list["first_page"]!.GetValue<bool>().ShouldBeTrue();
        var contents = list["contents"]!.AsArray();
        contents.Count.ShouldBe(list["total_items"]!.GetValue<int>());

        var listSchema = Schema("service_list");
        var fullSchema = Schema("service");
        var sawWalkIn = false;
        foreach (var item in contents)
        {
            ShouldValidate(item, listSchema, $"service list item {item!["name"]}");
            var full = await GetJsonAsync(client.Http, $"/api/hsds/services/{item["id"]}");
            ShouldValidate(full, fullSchema, $"service {item["name"]}");
            full["organization"]!["id"]!.GetValue<string>().ShouldBe(item["organization_id"]!.GetValue<string>());
            var text = full.ToJsonString();
            foreach (var secret in Confidential)
            {
                text.ShouldNotContain(secret, customMessage: "a confidential location is never published");
            }

            sawWalkIn |= full["schedules"]?.AsArray().Any(s => s!["attending_type"]?.GetValue<string>() == "walk-in") == true;
        }

        sawWalkIn.ShouldBeTrue("walk-in hours are published as attending_type walk-in");
        var shelter = contents.Single(s => s!["name"]!.GetValue<string>() == "Opvang");
        var shelterFull = await GetJsonAsync(client.Http, $"/api/hsds/services/{shelter!["id"]}");
        shelterFull["service_at_locations"]!.AsArray().ShouldBeEmpty("the shelter's only location is confidential");
    }

    [Theory]
    [Databases]
    public async Task Organizations_validate_against_the_HSDS_schemas(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        var list = await GetJsonAsync(client.Http, "/api/hsds/organizations?per_page=100");
        var listSchema = Schema("organization_list");
        var fullSchema = Schema("organization");
        list["contents"]!.AsArray().Count.ShouldBeGreaterThanOrEqualTo(9);
        foreach (var item in list["contents"]!.AsArray())
        {
            ShouldValidate(item, listSchema, $"organization list item {item!["name"]}");
            var full = await GetJsonAsync(client.Http, $"/api/hsds/organizations/{item["id"]}");
            ShouldValidate(full, fullSchema, $"organization {item["name"]}");
            foreach (var secret in Confidential)
            {
                full.ToJsonString().ShouldNotContain(secret);
            }
        }
    }

    [Theory]
    [Databases]
    public async Task Paging_follows_the_specification_and_bad_values_are_refused(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        var all = await GetJsonAsync(client.Http, "/api/hsds/services?per_page=100");
        var total = all["total_items"]!.GetValue<int>();

        var second = await GetJsonAsync(client.Http, "/api/hsds/services?page=2&per_page=5");
        second["page_number"]!.GetValue<int>().ShouldBe(2);
        second["size"]!.GetValue<int>().ShouldBe(5);
        second["total_pages"]!.GetValue<int>().ShouldBe((total + 4) / 5);
        second["first_page"]!.GetValue<bool>().ShouldBeFalse();
        second["contents"]!.AsArray().Select(s => s!["id"]!.GetValue<string>())
            .ShouldBe(all["contents"]!.AsArray().Skip(5).Take(5).Select(s => s!["id"]!.GetValue<string>()), "pages are a stable order");

        var beyond = await GetJsonAsync(client.Http, "/api/hsds/services?page=99&per_page=5");
        beyond["contents"]!.AsArray().ShouldBeEmpty();
        beyond["last_page"]!.GetValue<bool>().ShouldBeTrue();

        var searched = await GetJsonAsync(client.Http, "/api/hsds/services?search=soa");
        searched["contents"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ShouldContain("Soa-spreekuur voor sekswerkers");

        (await client.Http.GetAsync("/api/hsds/services?per_page=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.Http.GetAsync("/api/hsds/services?per_page=101")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.Http.GetAsync("/api/hsds/organizations?page=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.Http.GetAsync($"/api/hsds/services/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [Databases]
    public async Task The_root_and_the_OpenAPI_document_describe_the_API(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        var root = await GetJsonAsync(client.Http, "/api/hsds/");
        root["version"]!.GetValue<string>().ShouldBe("3.0");
        root["openapi_url"]!.GetValue<string>().ShouldEndWith("/api/hsds/openapi.json");

        var openApi = await GetJsonAsync(client.Http, "/api/hsds/openapi.json");
        var paths = openApi["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/hsds/services");
        paths.ShouldContain("/api/hsds/services/{id}");
        paths.ShouldContain("/api/hsds/organizations");
        paths.ShouldContain("/api/hsds/organizations/{id}");
        paths.ShouldAllBe(p => p.StartsWith("/api/hsds", StringComparison.Ordinal), "only the public API is described");
    }

    [Fact]
    public void The_schema_check_catches_what_the_specification_forbids()
    {
        static bool Valid(string json, string schema) =>
            Schema(schema).Evaluate(JsonDocument.Parse(json).RootElement).IsValid;

        Valid("""{"id":"a","name":"Inloop","status":"active"}""", "service_list").ShouldBeTrue();
        Valid("""{"id":"a","name":"Inloop","status":"open"}""", "service_list").ShouldBeFalse("status is an enum");
        Valid("""{"id":"a","name":"Inloop"}""", "service_list").ShouldBeFalse("status is required");
        Valid("""{"id":"a","name":"Inloop","status":"active","alternate_name":null}""", "service_list").ShouldBeFalse("null is not a string");
        Valid("""{"id":"a","name":"Centrum"}""", "organization_list").ShouldBeFalse("description is required");
    }

    [Theory]
    [Databases]
    public async Task Errors_are_json_problems_without_cookies_and_odd_values_never_fail(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();

        async Task ProblemAsync(string url, HttpStatusCode status)
        {
            var response = await client.Http.GetAsync(url);
            response.StatusCode.ShouldBe(status, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", url);
            response.Headers.Contains("Set-Cookie").ShouldBeFalse($"{url} sets no cookie");
        }

        await ProblemAsync("/api/hsds/services/not-an-id", HttpStatusCode.NotFound);
        await ProblemAsync($"/api/hsds/organizations/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await ProblemAsync("/api/hsds/services?page=abc", HttpStatusCode.BadRequest);
        await ProblemAsync("/api/hsds/services?per_page=1.5", HttpStatusCode.BadRequest);
        await ProblemAsync("/api/hsds/services?organization_id=zz", HttpStatusCode.BadRequest);
        await ProblemAsync("/api/hsds/services?modified_after=2026-01-01", HttpStatusCode.BadRequest);

        var far = await GetJsonAsync(client.Http, "/api/hsds/services?page=90000000");
        far["contents"]!.AsArray().ShouldBeEmpty("a page far past the end is empty, not page 1");
        far["page_number"]!.GetValue<int>().ShouldBe(90000000);
    }

    [Theory]
    [Databases]
    public async Task Hours_carry_their_time_zone_and_an_organization_lists_its_services(DatabaseProvider provider)
    {
        using var client = apps.For(provider).NewClient();
        var list = await GetJsonAsync(client.Http, "/api/hsds/services?search=inloopspreekuur");
        var service = await GetJsonAsync(client.Http, $"/api/hsds/services/{list["contents"]![0]!["id"]}");
        var hours = service["schedules"]!.AsArray().First()!;
        hours["opens_at"]!.GetValue<string>().ShouldMatch(@"^\d\d:\d\d[+-]\d\d:\d\d$", "local time with its offset: HSDS reads a bare time as UTC");
        hours["notes"]!.GetValue<string>().ShouldContain("Europe/Amsterdam");

        var organization = await GetJsonAsync(client.Http, $"/api/hsds/organizations/{service["organization_id"]}");
        organization["services"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ShouldContain("Inloopspreekuur");
    }
}
