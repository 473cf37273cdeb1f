using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Baken.Features.Admin;
using Baken.Features.Intake;
using Baken.Tests.Features.Contact;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Intake;

/// <summary>The partner API: bearer tokens made and revoked by a Verwijzer, referrals in as JSON, status only.</summary>
public sealed class PartnerApiTests(IntakeApps apps) : IClassFixture<IntakeApps>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Body(Guid receiver, string reference, string extra = "") =>
        $$"""{"receiving_organisation_id":"{{receiver}}","alias":"Demo Ana","contact_channel":"via_referrer","language":"ro","reason":"Wil stoppen.","reference":"{{reference}}"{{extra}}}""";

    private static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response)
    {
        response.Headers.Contains("Set-Cookie").ShouldBeFalse("the API sets no cookie");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await ReadJsonAsync(response);
    }

    /// <summary>A new Verwijzer of the organisation makes a token on the tokens page; returns it as shown (once).</summary>
    private static async Task<(string Token, BakenClient Page)> TokenAsync(IntakeApp intake, Guid organisationId)
    {
        var (verwijzer, _) = await intake.SignInAsync(Roles.Verwijzer, organisationId);
        var made = await BakenClient.ReadAsync(await verwijzer.SubmitAsync("/Partner/Tokens", new Dictionary<string, string> { ["Name"] = "Registratiesysteem" }, "#token-form"));
        var token = made.QuerySelector("#token-value")!.TextContent.Trim();
        (await verwijzer.PageOkAsync("/Partner/Tokens")).DocumentElement.OuterHtml.ShouldNotContain(token, customMessage: "shown once");
        return (token, verwijzer);
    }

    private static HttpClient Api(IntakeApp intake, string? token)
    {
        var http = intake.App.CreateClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    [Theory]
    [Databases]
    public async Task Without_a_valid_token_the_api_answers_401_with_a_bearer_challenge_and_no_cookie(DatabaseProvider provider)
    {
        var intake = await apps.ForAsync(provider);
        var (token, verwijzer) = await TokenAsync(intake, intake.Police);
        token.ShouldMatch("^bkn_[A-Za-z0-9_-]{43}$", customMessage: "256 random bits, base64url");
        (await StoredData.AllAsync(intake.App)).ShouldNotHold(token[4..], "the token (only its hash is kept)");
        var stored = await intake.App.QueryAsync(db => db.Set<PartnerToken>().AsNoTracking().SingleAsync(t => t.OrganisationId == intake.Police && t.Name == "Registratiesysteem" && t.RevokedAtUtc == null && t.LastUsedAtUtc == null));

        using var anonymous = Api(intake, null);
        var missing = await anonymous.PostAsync("/api/partner/referrals", Json(Body(intake.CareProvider, "R-1")));
        await ProblemAsync(missing, HttpStatusCode.Unauthorized);
        missing.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        using var unknown = Api(intake, "bkn_" + new string('A', 43));
        var wrong = await unknown.GetAsync($"/api/partner/referrals/{Guid.NewGuid()}");
        await ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        wrong.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");

        // A staff session is no way in either: only the bearer token counts.
        (await verwijzer.Http.PostAsync("/api/partner/referrals", Json(Body(intake.CareProvider, "R-2")))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var valid = Api(intake, token);
        (await valid.GetAsync($"/api/partner/referrals/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intake.App.QueryAsync(db => db.Set<PartnerToken>().Where(t => t.Id == stored.Id).Select(t => t.LastUsedAtUtc).SingleAsync())).ShouldNotBeNull();
        var tokens = await verwijzer.PageOkAsync("/Partner/Tokens");
        tokens.QuerySelector("#tokens")!.TextContent.ShouldNotContain("Nog niet gebruikt");

        // Revoked after a confirmation page: the token no longer works.
        var confirm = await verwijzer.PageOkAsync($"/Partner/Tokens/{stored.Id}/Revoke");
        confirm.QuerySelector("main")!.TextContent.ShouldContain("Registratiesysteem");
        var (_, colleague) = await TokenAsync(intake, intake.Police);
        (await colleague.GetAsync($"/Partner/Tokens/{stored.Id}/Revoke")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a colleague's token is not theirs");
        (await colleague.PageOkAsync("/Partner/Tokens")).QuerySelectorAll("#tokens tbody tr").Length.ShouldBe(1, "only their own token is listed");
        var revoked = await verwijzer.SubmitAsync($"/Partner/Tokens/{stored.Id}/Revoke", new Dictionary<string, string>(), "#revoke-form");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await ProblemAsync(await valid.PostAsync("/api/partner/referrals", Json(Body(intake.CareProvider, "R-3"))), HttpStatusCode.Unauthorized);
        (await verwijzer.GetAsync($"/Partner/Tokens/{stored.Id}/Revoke")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "revoked once, for good");

        // A token of a user who is no longer an active Verwijzer stops working too.
        var (other, _) = await TokenAsync(intake, intake.Police);
        using var deactivated = Api(intake, other);
        (await deactivated.GetAsync($"/api/partner/referrals/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var hash = PartnerTokens.Hash(other);
        await intake.App.QueryAsync(async db =>
        {
            var owner = await db.Set<PartnerToken>().Where(t => t.TokenHash == hash).Select(t => t.UserId).SingleAsync();
            return await db.Users.Where(u => u.Id == owner).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        });
        await ProblemAsync(await deactivated.GetAsync($"/api/partner/referrals/{Guid.NewGuid()}"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [Databases]
    public async Task A_referral_is_created_once_per_reference_and_its_status_is_all_the_partner_reads(DatabaseProvider provider)
    {
        var intake = await apps.ForAsync(provider);
        var (token, _) = await TokenAsync(intake, intake.Police);
        using var api = Api(intake, token);
        var reference = $"AVIM-{Guid.NewGuid():N}"[..24];

        await ProblemAsync(await api.PostAsync("/api/partner/referrals", Json("{\"reference\": ")), HttpStatusCode.BadRequest);
        await ProblemAsync(await api.PostAsync("/api/partner/referrals", Json("[1, 2]")), HttpStatusCode.BadRequest);
        var typed = await ProblemAsync(await api.PostAsync("/api/partner/referrals", Json("{\"alias\": 5}")), HttpStatusCode.BadRequest);
        typed["detail"]!.GetValue<string>().ShouldContain("alias");
        await ProblemAsync(await api.PostAsync("/api/partner/referrals", new StringContent("reference=1", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);

        var invalid = await ProblemAsync(await api.PostAsync("/api/partner/referrals", Json($$"""
            {"receiving_organisation_id":"{{intake.Police}}","contact_channel":"phone","contact_details":"bel me","language":"xx","reason":" "}
            """)), HttpStatusCode.BadRequest);
        var errors = invalid["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["contact_details", "language", "reason", "receiving_organisation_id", "reference"]);
        var receipt = await ProblemAsync(await api.PostAsync("/api/partner/referrals", Json(Body(intake.CareProvider, reference, ",\"contact_channel\":\"receipt_code_only\""))),
            HttpStatusCode.BadRequest);
        receipt["errors"]!["contact_channel"].ShouldNotBeNull("a receipt code is for the person themself");
        (await intake.App.QueryAsync(db => db.Set<IntakeRequest>().CountAsync(r => r.ExternalReference == reference))).ShouldBe(0);

        var created = await api.PostAsync("/api/partner/referrals", Json(Body(intake.CareProvider, reference)));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var first = await ReadJsonAsync(created);
        var id = first["id"]!.GetValue<Guid>();
        created.Headers.Location!.OriginalString.ShouldBe($"/api/partner/referrals/{id}");
        first["status"]!.GetValue<string>().ShouldBe("received");

        var repeated = await api.PostAsync("/api/partner/referrals", Json(Body(intake.CareProvider, reference)));
        repeated.StatusCode.ShouldBe(HttpStatusCode.OK, "the same reference returns the referral made the first time");
        (await ReadJsonAsync(repeated))["id"]!.GetValue<Guid>().ShouldBe(id);
        (await intake.App.QueryAsync(db => db.Set<IntakeRequest>().CountAsync(r => r.ExternalReference == reference))).ShouldBe(1);
        var request = await intake.App.QueryAsync(db => db.Set<IntakeRequest>().AsNoTracking().SingleAsync(r => r.Id == id));
        request.Source.ShouldBe(IntakeSource.PartnerSystem);
        request.OrganisationId.ShouldBe(intake.CareProvider);
        request.ReferrerOrganisationId.ShouldBe(intake.Police);
        request.Language.ShouldBe("ro");

        var read = await api.GetAsync($"/api/partner/referrals/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var status = (await ReadJsonAsync(read)).AsObject();
        status.Select(p => p.Key).ShouldBe(["id", "reference", "status", "received_at", "decided_at"], "status and dates only: no alias, reason or note");
        status["decided_at"].ShouldBeNull();
        status["reference"]!.GetValue<string>().ShouldBe(reference);

        var list = await ReadJsonAsync(await api.GetAsync("/api/partner/referrals?per_page=100"));
        var listed = list["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == id)!.AsObject();
        listed.Select(p => p.Key).ShouldBe(["id", "reference", "status", "received_at", "decided_at"]);
        list["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        await ProblemAsync(await api.GetAsync("/api/partner/referrals?per_page=1000"), HttpStatusCode.BadRequest);
        await ProblemAsync(await api.GetAsync("/api/partner/referrals?page=x"), HttpStatusCode.BadRequest);

        // Decided by the receiving team: the partner sees the status change and its date, nothing else.
        var (manager, _) = await intake.SignInAsync(Roles.Casemanager, intake.CareProvider);
        var decline = (AngleSharp.Html.Dom.IHtmlFormElement)(await manager.PageOkAsync($"/Intake/{id}")).QuerySelector("#decline-form")!;
        (await manager.SubmitAsync(decline, $"/Intake/{id}", new Dictionary<string, string> { ["DeclineNote"] = "Geheime notitie" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var decided = await ReadJsonAsync(await api.GetAsync($"/api/partner/referrals/{id}"));
        decided["status"]!.GetValue<string>().ShouldBe("not_taken_on");
        decided["decided_at"]!.GetValue<DateTime>().ShouldBeGreaterThan(decided["received_at"]!.GetValue<DateTime>().AddSeconds(-1));
        decided.ToJsonString().ShouldNotContain("Geheime");

        // Another organisation's referral does not exist for this token; nor does a self-referral.
        var elsewhere = await intake.App.ReceiveIntakeRequestAsync(intake.CareProvider);
        await ProblemAsync(await api.GetAsync($"/api/partner/referrals/{elsewhere}"), HttpStatusCode.NotFound);
        await ProblemAsync(await api.GetAsync("/api/partner/referrals/not-an-id"), HttpStatusCode.NotFound);
        var (otherToken, _) = await TokenAsync(intake, intake.InfoCentre);
        using var otherApi = Api(intake, otherToken);
        (await otherApi.GetAsync($"/api/partner/referrals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ReadJsonAsync(await otherApi.GetAsync("/api/partner/referrals")))["items"]!.AsArray().ShouldBeEmpty("only the organisation's own");
    }

    [Theory]
    [Databases]
    public async Task The_partner_api_has_its_own_openapi_document_with_the_bearer_scheme(DatabaseProvider provider)
    {
        var intake = await apps.ForAsync(provider);
        using var http = intake.App.CreateClient();

        var response = await http.GetAsync("/api/partner/openapi.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ReadJsonAsync(response);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).Order().ToList();
        paths.ShouldBe(["/api/partner/referrals", "/api/partner/referrals/{id}"]);
        var scheme = document["components"]!["securitySchemes"]!["bearer"]!;
        scheme["type"]!.GetValue<string>().ShouldBe("http");
        scheme["scheme"]!.GetValue<string>().ShouldBe("bearer");
        document["security"]!.AsArray().Single()!.AsObject().ContainsKey("bearer").ShouldBeTrue();
        var body = document["paths"]!["/api/partner/referrals"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!.ToJsonString();
        var schemas = document["components"]!["schemas"]!.ToJsonString();
        (body + schemas).ShouldContain("receiving_organisation_id", customMessage: "snake_case, as the API reads it");
        document["paths"]!["/api/partner/referrals"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).ShouldContain("401");

        var hsds = await ReadJsonAsync(await http.GetAsync("/api/hsds/openapi.json"));
        hsds["paths"]!.AsObject().Select(p => p.Key).ShouldAllBe(p => p.StartsWith("/api/hsds", StringComparison.Ordinal), "the two documents stay apart");
    }
}
