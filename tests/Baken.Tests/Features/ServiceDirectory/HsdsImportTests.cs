using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Baken.Features.Admin;
using Baken.Features.ServiceDirectory;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.ServiceDirectory;

/// <summary>
/// Import of an HSDS file: our own export comes back unchanged, a changed name is one update, a broken or partly
/// wrong file changes nothing and names every error by its JSON path, and a place Baken keeps confidential stays so.
/// </summary>
public sealed class HsdsImportTests(SharedApps apps)
{
    private const string Page = "/Admin/Directory/Import";

    [Theory]
    [Databases]
    public async Task Our_own_export_comes_back_unchanged_and_a_changed_name_is_one_update(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = await SignedInAdminAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (organization, service, _, _) = await DirectoryTestSupport.SeedAsync(app, $"Zz Import {tag}");
        using var visitor = app.NewClient();

        // The organisation as /organizations/{id} gives it, with its service as /services/{id} gives it (all nested parts).
        var full = JsonNode.Parse(await visitor.Http.GetStringAsync($"/api/hsds/organizations/{organization}"))!;
        full["services"] = new JsonArray(JsonNode.Parse(await visitor.Http.GetStringAsync($"/api/hsds/services/{service}")));
        var same = await UploadAsync(admin, new JsonArray(full).ToJsonString());
        same.QuerySelector("#import-nothing").ShouldNotBeNull(same.QuerySelector("#import-errors")?.TextContent);
        foreach (var kind in new[] { "Organizations", "Services", "Locations", "Places", "Schedules", "Phones", "Contacts", "Languages", "Terms" })
        {
            Tally(same, kind).ShouldBe((0, 0, 1), kind);
        }

        same.QuerySelector("#confirm-form").ShouldBeNull("nothing to confirm");

        var list = JsonNode.Parse(await visitor.Http.GetStringAsync($"/api/hsds/organizations?search={tag}"))!;
        list["contents"]!.AsArray().Count.ShouldBe(1);
        list["contents"]![0]!["name"] = $"Zz Import hernoemd {tag}";
        var preview = await UploadAsync(admin, list.ToJsonString());
        Tally(preview, "Organizations").ShouldBe((0, 1, 0));
        preview.QuerySelector("#updated-organizations")!.TextContent.ShouldContain($"Zz Import hernoemd {tag}");
        (await NameAsync(app, organization)).ShouldBe($"Zz Import {tag}", "the preview changes nothing");

        var done = await ConfirmAsync(admin, preview);
        done.QuerySelector("#import-done").ShouldNotBeNull();
        Tally(done, "Organizations").ShouldBe((0, 1, 0));
        (await NameAsync(app, organization)).ShouldBe($"Zz Import hernoemd {tag}");
        JsonNode.Parse(await visitor.Http.GetStringAsync($"/api/hsds/organizations/{organization}"))!["name"]!.GetValue<string>().ShouldBe($"Zz Import hernoemd {tag}");
        (await app.QueryAsync(db => db.Set<DirectoryContact>().AsNoTracking().SingleAsync(c => c.ServiceId == service))).Name
            .ShouldBe("Iemand van de balie", "an import reads a contact's function only, and leaves a stored name alone");
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.TargetId == organization && a.Action == "DirectoryOrganizationChanged"))).ShouldBeTrue();
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "DirectoryImported" && a.Details!.Contains("Organizations=+0~1=0")))).ShouldBeTrue();
    }

    [Theory]
    [Databases]
    public async Task A_broken_file_changes_nothing_and_every_error_names_its_path(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = await SignedInAdminAsync(app);

        var malformed = await UploadAsync(admin, "[\n  {\n    \"id\": \"x\",\n  }\n]");
        malformed.QuerySelector("#import-errors")!.TextContent.ShouldContain("Het bestand is geen geldige JSON (regel 4, positie");
        (await UploadAsync(admin, "\"just text\"")).QuerySelector("#import-errors")!.TextContent.ShouldContain("verwacht een lijst van organisaties");

        var tag = Guid.NewGuid().ToString("N")[..8];
        var first = Organization($"Zz Kapot een {tag}");
        var service = first["services"]![0]!;
        service["attributes"]![0]!["taxonomy_term"]!["code"] = "topic-onbekend";
        service["schedules"]![0]!["opens_at"] = "09:00Z";
        service["schedules"]![0]!["byday"] = "MO,XX";
        service["url"] = "http://example.org";
        var second = Organization($"Zz Kapot twee {tag}");
        second["phones"]![0]!["id"] = "geen-uuid";
        var third = Organization($"Zz Kapot drie {tag}");
        third.Remove("name");
        var ids = new[] { first, second, third }.Select(o => Guid.Parse(o["id"]!.GetValue<string>())).ToList();

        var refused = await UploadAsync(admin, new JsonObject { ["contents"] = new JsonArray(first, second, third) }.ToJsonString());
        var errors = refused.QuerySelectorAll("#import-errors li").Select(li => li.TextContent).ToList();
        errors.ShouldContain("$.contents[2].name: verplicht veld ontbreekt");
        errors.ShouldContain(e => e.StartsWith("$.contents[0].services[0].attributes[0].taxonomy_term.code: onbekende code ‘topic-onbekend’", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("$.contents[0].services[0].schedules[0].opens_at: alleen Nederlandse tijd", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("$.contents[0].services[0].schedules[0].byday: ongeldige dagen", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("$.contents[0].services[0].url: moet een volledig webadres zijn", StringComparison.Ordinal));
        errors.ShouldContain("$.contents[1].phones[0].id: geen geldige uuid");
        errors.Count.ShouldBe(6, string.Join("\n", errors));
        refused.QuerySelector("#confirm-form").ShouldBeNull();
        (await app.QueryAsync(db => db.Set<DirectoryOrganization>().CountAsync(o => ids.Contains(o.Id)))).ShouldBe(0, "nothing of a broken file is stored");
    }

    [Theory]
    [Databases]
    public async Task Two_valid_organisations_and_one_invalid_change_nothing_until_all_are_valid(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = await SignedInAdminAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var organizations = new[] { Organization($"Zz Alles een {tag}"), Organization($"Zz Alles twee {tag}"), Organization($"Zz Alles drie {tag}") };
        var ids = organizations.Select(o => Guid.Parse(o["id"]!.GetValue<string>())).ToList();
        var invalid = organizations[1].DeepClone();
        invalid["services"]![0]!["minimum_age"] = 40;
        invalid["services"]![0]!["maximum_age"] = 20;
        var file = new JsonArray(organizations[0].DeepClone(), invalid, organizations[2].DeepClone()).ToJsonString();

        var refused = await UploadAsync(admin, file);
        refused.QuerySelectorAll("#import-errors li").Select(li => li.TextContent).ShouldBe(["$[1].services[0].minimum_age: minimum_age is hoger dan maximum_age"]);
        (await app.QueryAsync(db => db.Set<DirectoryOrganization>().CountAsync(o => ids.Contains(o.Id)))).ShouldBe(0);

        // A forged confirmation with the broken text is checked again, and refused the same way.
        var forged = await admin.PostFormAsync(Page, "#upload-form", $"{Page}?handler=Confirm", ("FileText", file));
        forged.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BakenClient.ReadAsync(forged)).QuerySelector("#import-errors").ShouldNotBeNull();
        (await app.QueryAsync(db => db.Set<DirectoryOrganization>().CountAsync(o => ids.Contains(o.Id)))).ShouldBe(0);

        var preview = await UploadAsync(admin, new JsonArray([.. organizations]).ToJsonString());
        Tally(preview, "Organizations").ShouldBe((3, 0, 0));
        Tally(preview, "Schedules").ShouldBe((3, 0, 0));
        var done = await ConfirmAsync(admin, preview);
        done.QuerySelector("#created-organizations")!.TextContent.ShouldContain($"Zz Alles twee {tag}");
        done.QuerySelector("#created-services")!.TextContent.ShouldContain($"Dienst van Zz Alles drie {tag}");
        var stored = await app.QueryAsync(db => db.Set<DirectoryOrganization>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync());
        stored.Count.ShouldBe(3);
        stored.ShouldAllBe(o => !o.IsExample && o.PartnerType == PartnerType.Other && o.LastModifiedUtc > DateTime.UtcNow.AddMinutes(-5));
        var hours = await app.QueryAsync(db => db.Set<DirectorySchedule>().AsNoTracking()
            .Where(h => db.Set<DirectoryService>().Any(s => s.Id == h.ServiceId && s.OrganizationId == ids[0])).SingleAsync());
        (hours.ByDay, hours.OpensAt, hours.ClosesAt, hours.WalkIn).ShouldBe(("TU,TH", new TimeOnly(13, 0), new TimeOnly(17, 0), true));
        hours.ServiceAtLocationId.ShouldNotBeNull("hours held at the place given in the file");
    }

    [Theory]
    [Databases]
    public async Task A_place_Baken_keeps_confidential_stays_confidential_and_a_new_place_is_public(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = await SignedInAdminAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (organization, _, location, _) = await DirectoryTestSupport.SeedAsync(app, $"Zz Vertrouwelijk {tag}");
        await app.QueryAsync(async db =>
        {
            (await db.Set<DirectoryLocation>().SingleAsync(l => l.Id == location)).IsConfidential = true;
            return await db.SaveChangesAsync();
        });

        var file = Organization($"Zz Vertrouwelijk {tag}", organization);
        var places = file["locations"]!.AsArray();
        var hidden = places[0]!.DeepClone();
        hidden["id"] = location.ToString();
        hidden["name"] = $"Zz Opvang nieuw adres {tag}";
        hidden.AsObject().Remove("addresses");
        places.Add(hidden);
        var preview = await UploadAsync(admin, new JsonArray(file).ToJsonString());
        Tally(preview, "Locations").ShouldBe((1, 1, 0), preview.QuerySelector("#import-errors")?.TextContent);
        await ConfirmAsync(admin, preview);

        var stored = await app.QueryAsync(db => db.Set<DirectoryLocation>().AsNoTracking().Where(l => l.OrganizationId == organization).ToListAsync());
        var kept = stored.Single(l => l.Id == location);
        kept.IsConfidential.ShouldBeTrue("HSDS has no confidential flag: a confidential place stays confidential");
        kept.Name.ShouldBe($"Zz Opvang nieuw adres {tag}");
        stored.Single(l => l.Id != location && l.Name.StartsWith("Plek van", StringComparison.Ordinal)).IsConfidential.ShouldBeFalse("a new place is public");
        using var visitor = app.NewClient();
        (await visitor.Http.GetStringAsync($"/api/hsds/organizations/{organization}")).ShouldNotContain("Opvang nieuw adres");
    }

    [Theory]
    [Databases]
    public async Task Only_a_json_file_of_at_most_2_MB_in_UTF8_is_read_and_nothing_else_fails(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = await SignedInAdminAsync(app);
        async Task<string> RefusalAsync(byte[] content, string name, string type)
        {
            var page = await UploadBytesAsync(admin, content, name, type);
            return page.QuerySelector("#Upload-error")?.TextContent ?? page.QuerySelector("#import-errors")?.TextContent ?? "(accepted)";
        }

        var json = Encoding.UTF8.GetBytes("[]");
        (await RefusalAsync(json, "hulp.txt", "text/plain")).ShouldContain("Alleen een JSON-bestand");
        (await RefusalAsync(json, "hulp.json", "image/png")).ShouldContain("Alleen een JSON-bestand");
        (await RefusalAsync([], "hulp.json", "application/json")).ShouldContain("Kies een JSON-bestand");
        (await RefusalAsync(new byte[(2 * 1024 * 1024) + 1], "hulp.json", "application/json")).ShouldContain("te groot");
        (await RefusalAsync([(byte)'[', 0xC3, 0x28, (byte)']'], "hulp.json", "application/json")).ShouldContain("geen tekst in UTF-8");
        (await RefusalAsync(json, "hulp.json", "application/json")).ShouldContain("het bestand bevat geen organisaties");
        (await RefusalAsync([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"contents\": 5}")], "HULP.JSON", "application/json")).ShouldContain("$.contents: moet een lijst zijn");
    }

    private static async Task<BakenClient> SignedInAdminAsync(BakenAppFactory app)
    {
        var client = app.NewClient();
        await client.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        return client;
    }

    private static Task<string> NameAsync(BakenAppFactory app, Guid organization) =>
        app.QueryAsync(db => db.Set<DirectoryOrganization>().Where(o => o.Id == organization).Select(o => o.Name).SingleAsync());

    /// <summary>A valid HSDS organisation of its own: a phone, a physical place, and a service with walk-in hours there, a term and a language.</summary>
    private static JsonObject Organization(string name, Guid? id = null)
    {
        string New() => Guid.CreateVersion7().ToString();
        var organization = (id ?? Guid.CreateVersion7()).ToString();
        var (service, location, link) = (New(), New(), New());
        return new JsonObject
        {
            ["id"] = organization,
            ["name"] = name,
            ["description"] = "Hulp bij alles (voorbeeld).",
            ["website"] = "https://example.org/hulp",
            ["legal_status"] = "stichting",
            ["phones"] = new JsonArray(new JsonObject { ["id"] = New(), ["number"] = "000 000 0000 (voorbeeldnummer)", ["type"] = "voice" }),
            ["locations"] = new JsonArray(new JsonObject
            {
                ["id"] = location,
                ["location_type"] = "physical",
                ["name"] = $"Plek van {name}",
                ["addresses"] = new JsonArray(new JsonObject
                {
                    ["id"] = New(),
                    ["address_1"] = "Voorbeeldweg 3",
                    ["city"] = "Voorbeeldstad",
                    ["state_province"] = "",
                    ["postal_code"] = "1000 AA",
                    ["country"] = "NL",
                    ["address_type"] = "physical",
                }),
            }),
            ["services"] = new JsonArray(new JsonObject
            {
                ["id"] = service,
                ["organization_id"] = organization,
                ["name"] = $"Dienst van {name}",
                ["status"] = "inactive", // off the public portal, whose tests count what the shared app shows
                ["email"] = "mailto:hulp@example.org",
                ["service_at_locations"] = new JsonArray(new JsonObject { ["id"] = link, ["service_id"] = service, ["location_id"] = location }),
                ["schedules"] = new JsonArray(new JsonObject
                {
                    ["id"] = New(),
                    ["service_id"] = service,
                    ["service_at_location_id"] = link,
                    ["freq"] = "WEEKLY",
                    ["byday"] = "TU,TH",
                    ["opens_at"] = "13:00+01:00",
                    ["closes_at"] = "17:00",
                    ["attending_type"] = "walk-in",
                }),
                ["languages"] = new JsonArray(new JsonObject { ["id"] = New(), ["code"] = "en", ["name"] = "Engels" }),
                ["attributes"] = new JsonArray(new JsonObject
                {
                    ["id"] = New(),
                    ["link_type"] = "topic",
                    ["link_entity"] = "service",
                    ["taxonomy_term"] = new JsonObject { ["code"] = "topic-health" },
                }),
            }),
        };
    }

    private static (int Created, int Updated, int Unchanged) Tally(IHtmlDocument page, string kind)
    {
        var cells = page.QuerySelectorAll($"#count-{kind} td").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        cells.Count.ShouldBe(3, page.QuerySelector("#import-errors")?.TextContent ?? $"a row for {kind} in the report");
        return (cells[0], cells[1], cells[2]);
    }

    private static Task<IHtmlDocument> UploadAsync(BakenClient client, string json) =>
        UploadBytesAsync(client, Encoding.UTF8.GetBytes(json), "hulpaanbod.json", "application/json");

    /// <summary>Uploads a file through the import form, as a browser does (multipart, with the form's antiforgery token).</summary>
    private static async Task<IHtmlDocument> UploadBytesAsync(BakenClient client, byte[] content, string fileName, string contentType)
    {
        var (_, page) = await client.GetPageAsync(Page);
        var token = page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Upload", fileName);
        var response = await client.Http.PostAsync(new Uri(Page, UriKind.Relative), form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "an upload is answered with the page, never an error");
        return await BakenClient.ReadAsync(response);
    }

    private static async Task<IHtmlDocument> ConfirmAsync(BakenClient client, IHtmlDocument preview)
    {
        var form = preview.QuerySelector("#confirm-form") as IHtmlFormElement;
        form.ShouldNotBeNull(preview.QuerySelector("#import-errors")?.TextContent ?? "a preview with changes offers to confirm");
        var response = await client.SubmitAsync(form, Page, new Dictionary<string, string>());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await BakenClient.ReadAsync(response);
    }
}
