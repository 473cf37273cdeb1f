using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Baken.Features.Admin;
using Baken.Features.Referrals;
using Baken.Features.ServiceDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.ServiceDirectory;

/// <summary>
/// Managing the help-service directory as the Beheerder: organisations, services, places (confidential ones never
/// reach the API), hours, phones and contact points, translations, and deletion with its refusal while referrals
/// point to a service. Every change is audited; bad input is refused next to the field and changes nothing.
/// </summary>
public sealed class DirectoryAdminTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task A_Beheerder_builds_an_entry_and_the_API_shows_the_service_but_never_the_confidential_place(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = app.NewClient();
        await admin.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var bakenOrganisation = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).FirstAsync());

        var created = await admin.PostFormAsync("/Admin/Directory/Create", "#organization-form",
            ("Input.Name", $"Zz Hulppunt {tag}"), ("Input.Description", "Inloop en advies."), ("Input.Website", "https://example.org/hulppunt"),
            ("Input.Email", "info@example.org"), ("Input.PartnerType", "SupportPoint"), ("Input.OrganisationId", bakenOrganisation.ToString()));
        var organization = DirectoryTestSupport.IdIn(created, "/Admin/Directory/Edit/");

        (await admin.PostFormAsync($"/Admin/Directory/Locations/Create/{organization}", "#location-form",
            ("Input.Name", $"Zz Inlooppunt {tag}"), ("Input.Address1", "Voorbeeldstraat 7"), ("Input.PostalCode", "1000 AB"), ("Input.City", "Voorbeeldstad")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.PostFormAsync($"/Admin/Directory/Locations/Create/{organization}", "#location-form",
            ("Input.Name", $"Zz Geheime opvang {tag}"), ("Input.IsConfidential", "true"), ("Input.Address1", $"Geheimstraat {tag}"),
            ("Input.PostalCode", "1000 CD"), ("Input.City", "Voorbeeldstad"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var places = await app.QueryAsync(db => db.Set<DirectoryLocation>().AsNoTracking().Where(l => l.OrganizationId == organization).ToListAsync());
        var open = places.Single(p => !p.IsConfidential);
        var secret = places.Single(p => p.IsConfidential);

        var serviceCreated = await admin.PostFormAsync($"/Admin/Directory/Services/Create/{organization}", "#service-form",
            ("Input.Name", $"Zz Avondspreekuur {tag}"), ("Input.Description", "Voor jongens en mannen."), ("Input.Status", "Active"),
            ("Input.Topics", "topic-health"), ("Input.Groups", "group-trans"), ("Input.Languages", "nl"), ("Input.Languages", "en"),
            ("Input.MinimumAge", "18"), ("Input.MaximumAge", "99"));
        var service = DirectoryTestSupport.IdIn(serviceCreated, "/Admin/Directory/Services/Edit/");
        (await admin.PostFormAsync($"/Admin/Directory/Services/Edit/{service}", "#service-form", ("Places", open.Id.ToString()), ("Places", secret.Id.ToString())))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, hoursPage) = await admin.GetPageAsync($"/Admin/Directory/Services/Hours/{service}");
        string PlaceOption(string name) => hoursPage.QuerySelectorAll("#Hours_Place option").Single(o => o.TextContent.StartsWith(name, StringComparison.Ordinal)).GetAttribute("value")!;
        (await admin.PostFormAsync($"/Admin/Directory/Services/Hours/{service}", "#hours-form", ("Hours.Days", "TU"), ("Hours.Days", "TH"),
            ("Hours.Opens", "19:00"), ("Hours.Closes", "21:00"), ("Hours.WalkIn", "true"), ("Hours.Place", PlaceOption(open.Name))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.PostFormAsync($"/Admin/Directory/Services/Hours/{service}", "#hours-form", ("Hours.Days", "SA"),
            ("Hours.Opens", "10:00"), ("Hours.Closes", "12:00"), ("Hours.Place", PlaceOption(secret.Name)), ("Hours.Description", $"Opvanguur {tag}")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.PostFormAsync($"/Admin/Directory/ContactPoints/{service}", "#contact-form",
            ("Contact.Title", "Intake"), ("Contact.Name", $"Medewerker {tag}"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.PostFormAsync($"/Admin/Directory/ContactPoints/{service}", "#phone-form", ("Phone.Number", "000 000 0001 (voorbeeldnummer)")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = await app.QueryAsync(db => db.Set<DirectoryOrganization>().AsNoTracking().SingleAsync(o => o.Id == organization));
        stored.PartnerType.ShouldBe(PartnerType.SupportPoint);
        stored.OrganisationId.ShouldBe(bakenOrganisation);
        stored.IsExample.ShouldBeFalse();
        var storedService = await app.QueryAsync(db => db.Set<DirectoryService>().AsNoTracking().SingleAsync(s => s.Id == service));
        (storedService.MinimumAge, storedService.MaximumAge).ShouldBe((18, 99));
        storedService.LastModifiedUtc.ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5));

        using var visitor = app.NewClient();
        var published = JsonNode.Parse(await visitor.Http.GetStringAsync($"/api/hsds/services/{service}"))!;
        published["name"]!.GetValue<string>().ShouldBe($"Zz Avondspreekuur {tag}");
        published["service_at_locations"]!.AsArray().Select(x => x!["location_id"]!.GetValue<string>()).ShouldBe([open.Id.ToString()]);
        var schedule = published["schedules"]!.AsArray().ShouldHaveSingleItem()!;
        schedule["byday"]!.GetValue<string>().ShouldBe("TU,TH");
        schedule["attending_type"]!.GetValue<string>().ShouldBe("walk-in");
        published["attributes"]!.AsArray().Select(a => a!["taxonomy_term"]!["code"]!.GetValue<string>()).Order().ShouldBe(["group-trans", "topic-health"]);
        published["contacts"]!.AsArray().ShouldHaveSingleItem()!["title"]!.GetValue<string>().ShouldBe("Intake");
        var organizationJson = await visitor.Http.GetStringAsync($"/api/hsds/organizations/{organization}");
        foreach (var text in new[] { published.ToJsonString(), organizationJson })
        {
            text.ShouldNotContain(secret.Name, customMessage: "a confidential place is never published");
            text.ShouldNotContain($"Geheimstraat {tag}");
            text.ShouldNotContain($"Opvanguur {tag}", customMessage: "hours held at a confidential place are not published");
            text.ShouldNotContain($"Medewerker {tag}", customMessage: "a contact point is published by its function only");
        }

        var audited = await app.QueryAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.TargetId == organization || a.TargetId == service || a.TargetId == open.Id || a.TargetId == secret.Id || a.Details == $"service={service}")
            .Select(a => a.Action).ToListAsync());
        audited.ShouldContain("DirectoryOrganizationCreated");
        audited.ShouldContain("DirectoryLocationCreated");
        audited.ShouldContain("DirectoryServiceCreated");
        audited.ShouldContain("DirectoryServiceChanged");
        audited.Count(a => a == "DirectoryHoursAdded").ShouldBe(2);

        using var lead = app.NewClient();
        await lead.SignInAsync(await app.CreateUserAsync(Roles.Teamleider));
        foreach (var url in new[] { $"/Admin/Directory/Edit/{organization}", $"/Admin/Directory/Services/Edit/{service}", $"/Admin/Directory/Locations/Edit/{secret.Id}" })
        {
            (await lead.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{url} is for the Beheerder only");
        }

        var (_, list) = await admin.GetPageAsync($"/Admin/Directory?q={tag}");
        list.QuerySelectorAll("#directory-organizations tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain($"Zz Hulppunt {tag}");
    }

    [Theory]
    [Databases]
    public async Task Bad_input_is_refused_next_to_the_field_keeps_what_was_typed_and_saves_nothing(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = app.NewClient();
        await admin.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        var (organization, service, _, _) = await DirectoryTestSupport.SeedAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..8];

        var page = await DirectoryTestSupport.RefusedAsync(await admin.PostFormAsync("/Admin/Directory/Create", "#organization-form",
            ("Input.Name", " "), ("Input.Description", $"Iets {tag}"), ("Input.Website", "http://example.org"), ("Input.Email", "geen-adres")));
        page.QuerySelector("#Input_Name-error").ShouldNotBeNull();
        page.QuerySelector("#Input_Website-error")!.TextContent.ShouldContain("https://");
        page.QuerySelector("#Input_Email-error").ShouldNotBeNull();
        page.QuerySelector("#Input_Website")!.GetAttribute("value").ShouldBe("http://example.org", "what was typed is kept");
        page.QuerySelector("#Input_Description")!.TextContent.ShouldBe($"Iets {tag}");

        page = await DirectoryTestSupport.RefusedAsync(await admin.PostFormAsync($"/Admin/Directory/Services/Edit/{service}", "#service-form",
            ("Input.MinimumAge", "40"), ("Input.MaximumAge", "20"), ("Input.Url", "javascript:alert(1)")));
        page.QuerySelector("#Input_MaximumAge-error")!.TextContent.ShouldContain("niet hoger");
        page.QuerySelector("#Input_Url-error").ShouldNotBeNull();
        page.QuerySelector("#Input_MinimumAge")!.GetAttribute("value").ShouldBe("40");
        (await DirectoryTestSupport.RefusedAsync(await admin.PostFormAsync($"/Admin/Directory/Services/Create/{organization}", "#service-form",
            ("Input.Name", $"Zz Leeftijd {tag}"), ("Input.MinimumAge", "achttien")))).QuerySelector("#Input_MinimumAge-error").ShouldNotBeNull();

        page = await DirectoryTestSupport.RefusedAsync(await admin.PostFormAsync($"/Admin/Directory/Locations/Create/{organization}", "#location-form",
            ("Input.Name", $"Zz Online {tag}"), ("Input.Type", "Virtual"), ("Input.Url", "http://example.org/chat")));
        page.QuerySelector("#Input_Url-error").ShouldNotBeNull("an online place needs an https address");
        page = await DirectoryTestSupport.RefusedAsync(await admin.PostFormAsync($"/Admin/Directory/Locations/Create/{organization}", "#location-form",
            ("Input.Name", $"Zz Zonder adres {tag}"), ("Input.Type", "Physical")));
        page.QuerySelector("#Input_Address1-error")!.TextContent.ShouldContain("Vertrouwelijk adres");
        page = await DirectoryTestSupport.RefusedAsync(await admin.PostFormAsync($"/Admin/Directory/Locations/Create/{organization}", "#location-form",
            ("Input.Name", $"Zz Half adres {tag}"), ("Input.Address1", "Straat 1"), ("Input.IsConfidential", "true")));
        page.QuerySelector("#Input_City-error").ShouldNotBeNull("a part of an address is no address");
        page.QuerySelector("#Input_IsConfidential")!.HasAttribute("checked").ShouldBeTrue();

        page = await DirectoryTestSupport.RefusedAsync(await admin.PostFormAsync($"/Admin/Directory/Services/Hours/{service}", "#hours-form",
            ("Hours.Opens", "10:00"), ("Hours.Closes", "10:00"), ("Hours.ValidFrom", "2026-05-01"), ("Hours.ValidTo", "2026-04-01")));
        page.QuerySelector("#Hours_Days-error").ShouldNotBeNull();
        page.QuerySelector("#Hours_Closes-error").ShouldNotBeNull();
        page.QuerySelector("#Hours_ValidTo-error").ShouldNotBeNull();
        page.QuerySelector("#Hours_ValidFrom")!.GetAttribute("value").ShouldBe("2026-05-01");
        (await DirectoryTestSupport.RefusedAsync(await admin.PostFormAsync($"/Admin/Directory/Services/Hours/{service}", "#hours-form",
            ("Hours.Days", "MO"), ("Hours.Opens", "negen uur"), ("Hours.Closes", "17:00")))).QuerySelector("#Hours_Opens-error").ShouldNotBeNull();

        (await DirectoryTestSupport.RefusedAsync(await admin.PostFormAsync($"/Admin/Directory/ContactPoints/{service}", "#phone-form", ("Phone.Number", " "))))
            .QuerySelector("#Phone_Number-error").ShouldNotBeNull();
        // Nothing of it was saved (counted by this test's own names: other tests add entries meanwhile).
        (await app.QueryAsync(db => db.Set<DirectoryOrganization>().CountAsync(o => o.Description.Contains(tag)))).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<DirectoryService>().CountAsync(s => s.Name.Contains(tag)))).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<DirectoryLocation>().CountAsync(l => l.Name.Contains(tag)))).ShouldBe(0);
        var unchanged = await app.QueryAsync(db => db.Set<DirectoryService>().AsNoTracking().SingleAsync(s => s.Id == service));
        unchanged.MinimumAge.ShouldBeNull();
        unchanged.Url.ShouldBeNull();
        (await app.QueryAsync(db => db.Set<DirectorySchedule>().CountAsync(h => h.ServiceId == service))).ShouldBe(1);
        (await app.QueryAsync(db => db.Set<DirectoryPhone>().CountAsync(p => p.ServiceId == service))).ShouldBe(0);
    }

    [Theory]
    [Databases]
    public async Task A_translation_is_saved_changed_and_removed_by_emptying_it(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = app.NewClient();
        await admin.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        var (_, service, _, _) = await DirectoryTestSupport.SeedAsync(app);
        var page = $"/Admin/Directory/Translations/{service}";
        Task<List<DirectoryTranslation>> RowsAsync() =>
            app.QueryAsync(db => db.Set<DirectoryTranslation>().AsNoTracking().Where(x => x.EntityId == service).OrderBy(x => x.Language).ThenBy(x => x.Field).ToListAsync());

        (await admin.PostFormAsync(page, "#translations-form", ("Input[0].Name", " Walk-in hour "), ("Input[0].Description", "Come without an appointment."),
            ("Input[3].Name", "Godziny otwarte"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RowsAsync()).Select(x => (x.Language, x.Field, x.Text)).ShouldBe(
            [("en", "Description", "Come without an appointment."), ("en", "Name", "Walk-in hour"), ("pl", "Name", "Godziny otwarte")]);
        var (_, form) = await admin.GetPageAsync(page);
        form.QuerySelector("#Input_0__Name")!.GetAttribute("value").ShouldBe("Walk-in hour", "the page shows the stored translation");

        (await admin.PostFormAsync(page, "#translations-form", ("Input[0].Name", ""), ("Input[3].Name", "Godziny bez umówienia")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RowsAsync()).Select(x => (x.Language, x.Field, x.Text)).ShouldBe(
            [("en", "Description", "Come without an appointment."), ("pl", "Name", "Godziny bez umówienia")], "an emptied field removes its translation");
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(a => a.TargetId == service && a.Action == "DirectoryTranslationsChanged"))).ShouldBe(2);

        var tooLong = await DirectoryTestSupport.RefusedAsync(await admin.PostFormAsync(page, "#translations-form", ("Input[1].Name", new string('x', 201))));
        tooLong.QuerySelector("#Input_1__Name-error").ShouldNotBeNull();
        (await RowsAsync()).Count.ShouldBe(2);
    }

    [Theory]
    [Databases]
    public async Task Deleting_asks_for_confirmation_and_is_refused_while_referrals_point_to_a_service(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = app.NewClient();
        await admin.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));

        var (organization, service, location, link) = await DirectoryTestSupport.SeedAsync(app);
        var (_, confirm) = await admin.GetPageAsync($"/Admin/Directory/Delete/{organization}");
        confirm.QuerySelector("#delete-form").ShouldNotBeNull("deleting asks first");
        var deleted = await admin.PostFormAsync($"/Admin/Directory/Delete/{organization}", "#delete-form");
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deleted.Headers.Location!.OriginalString.ShouldStartWith("/Admin/Directory?deleted=");
        (await app.QueryAsync(db => Task.FromResult((
            db.Set<DirectoryOrganization>().Any(o => o.Id == organization), db.Set<DirectoryService>().Any(s => s.Id == service),
            db.Set<DirectoryLocation>().Any(l => l.Id == location), db.Set<DirectoryServiceAtLocation>().Any(x => x.Id == link),
            db.Set<DirectorySchedule>().Any(s => s.ServiceId == service), db.Set<DirectoryTranslation>().Any(t => t.EntityId == service)))))
            .ShouldBe((false, false, false, false, false, false));
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.TargetId == organization && a.Action == "DirectoryOrganizationDeleted"))).ShouldBeTrue();

        var (kept, referred, keptLocation, _) = await DirectoryTestSupport.SeedAsync(app);
        await DirectoryTestSupport.ReferToAsync(app, referred);
        var (_, refusal) = await admin.GetPageAsync($"/Admin/Directory/Delete/{kept}");
        refusal.QuerySelector("#delete-refused")!.TextContent.ShouldContain("Niet actief");
        refusal.QuerySelector("#delete-form").ShouldBeNull();
        var forged = await admin.PostFormAsync($"/Admin/Directory/Edit/{kept}", "#organization-form", action: $"/Admin/Directory/Delete/{kept}");
        forged.StatusCode.ShouldBe(HttpStatusCode.OK, "a post past the refusal is refused again, not a 500");
        (await BakenClient.ReadAsync(forged)).QuerySelector("#delete-refused").ShouldNotBeNull();
        (await admin.GetPageAsync($"/Admin/Directory/Services/Delete/{referred}")).Document.QuerySelector("#delete-refused").ShouldNotBeNull();
        (await app.QueryAsync(db => db.Set<DirectoryService>().AnyAsync(s => s.Id == referred))).ShouldBeTrue();

        var (_, locationConfirm) = await admin.GetPageAsync($"/Admin/Directory/Locations/Delete/{keptLocation}");
        locationConfirm.QuerySelector("#delete-consequences")!.TextContent.ShouldContain("Zz Spreekuur");
        (await admin.PostFormAsync($"/Admin/Directory/Locations/Delete/{keptLocation}", "#delete-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<DirectoryServiceAtLocation>().AnyAsync(x => x.LocationId == keptLocation))).ShouldBeFalse("the place's links go with it");
        (await app.QueryAsync(db => db.Set<DirectoryService>().AnyAsync(s => s.Id == referred))).ShouldBeTrue("the service stays");
    }

    [Theory]
    [Databases]
    public async Task Hours_and_phones_are_changed_and_removed_only_after_confirmation(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var admin = app.NewClient();
        await admin.SignInAsync(await app.CreateUserAsync(Roles.Beheerder));
        var (_, service, _, _) = await DirectoryTestSupport.SeedAsync(app);
        var hours = await app.QueryAsync(db => db.Set<DirectorySchedule>().AsNoTracking().SingleAsync(s => s.ServiceId == service));

        (await admin.PostFormAsync($"/Admin/Directory/Services/Hours/{service}?edit={hours.Id}", "#hours-form", ("Hours.Closes", "18:30")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var changed = await app.QueryAsync(db => db.Set<DirectorySchedule>().AsNoTracking().SingleAsync(s => s.Id == hours.Id));
        (changed.ByDay, changed.OpensAt, changed.ClosesAt, changed.WalkIn, changed.ServiceAtLocationId).ShouldBe((hours.ByDay, hours.OpensAt, new TimeOnly(18, 30), true, hours.ServiceAtLocationId));

        var (_, confirm) = await admin.GetPageAsync($"/Admin/Directory/Services/Hours/{service}?remove={hours.Id}");
        confirm.QuerySelector("#remove-confirm")!.TextContent.ShouldContain("18:30");
        (await app.QueryAsync(db => db.Set<DirectorySchedule>().AnyAsync(s => s.Id == hours.Id))).ShouldBeTrue("showing the question removes nothing");
        (await admin.PostFormAsync($"/Admin/Directory/Services/Hours/{service}?remove={hours.Id}", "#remove-confirm form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<DirectorySchedule>().AnyAsync(s => s.Id == hours.Id))).ShouldBeFalse();
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.TargetId == hours.Id && a.Action == "DirectoryHoursRemoved"))).ShouldBeTrue();

        (await admin.PostFormAsync($"/Admin/Directory/ContactPoints/{service}", "#phone-form", ("Phone.Number", "000 000 0002"), ("Phone.Type", "text")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var phone = await app.QueryAsync(db => db.Set<DirectoryPhone>().AsNoTracking().SingleAsync(p => p.ServiceId == service));
        phone.Type.ShouldBe("text");
        (await admin.PostFormAsync($"/Admin/Directory/ContactPoints/{service}?removePhone={phone.Id}", "#remove-confirm form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<DirectoryPhone>().AnyAsync(p => p.Id == phone.Id))).ShouldBeFalse();
        (await admin.GetAsync($"/Admin/Directory/ContactPoints/{service}?removePhone={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void The_rules_lengths_match_the_database_columns()
    {
        using var scope = apps.For(DatabaseProvider.Sqlite).Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<BakenDbContext>().Model;
        int? Max<T>(string property) => model.FindEntityType(typeof(T))!.FindProperty(property)!.GetMaxLength();
        Max<DirectoryOrganization>(nameof(DirectoryOrganization.Name)).ShouldBe(DirectoryRules.NameLength);
        Max<DirectoryOrganization>(nameof(DirectoryOrganization.Description)).ShouldBe(DirectoryRules.OrganizationDescriptionLength);
        Max<DirectoryOrganization>(nameof(DirectoryOrganization.Email)).ShouldBe(DirectoryRules.EmailLength);
        Max<DirectoryOrganization>(nameof(DirectoryOrganization.Website)).ShouldBe(DirectoryRules.UrlLength);
        Max<DirectoryService>(nameof(DirectoryService.Description)).ShouldBe(DirectoryRules.ServiceDescriptionLength);
        Max<DirectoryService>(nameof(DirectoryService.FeesDescription)).ShouldBe(DirectoryRules.ServiceTextLength);
        Max<DirectoryLocation>(nameof(DirectoryLocation.Description)).ShouldBe(DirectoryRules.LocationDescriptionLength);
        Max<DirectoryLocation>(nameof(DirectoryLocation.Address1)).ShouldBe(DirectoryRules.AddressLength);
        Max<DirectoryLocation>(nameof(DirectoryLocation.PostalCode)).ShouldBe(DirectoryRules.PostalCodeLength);
        Max<DirectoryLocation>(nameof(DirectoryLocation.City)).ShouldBe(DirectoryRules.CityLength);
        Max<DirectoryLocation>(nameof(DirectoryLocation.Province)).ShouldBe(DirectoryRules.ProvinceLength);
        Max<DirectoryPhone>(nameof(DirectoryPhone.Number)).ShouldBe(DirectoryRules.PhoneNumberLength);
        Max<DirectorySchedule>(nameof(DirectorySchedule.Description)).ShouldBe(DirectoryRules.NoteLength);
        Max<DirectoryLanguage>(nameof(DirectoryLanguage.Name)).ShouldBe(DirectoryRules.LanguageNameLength);
        Max<DirectoryTranslation>(nameof(DirectoryTranslation.Text)).ShouldBe(DirectoryRules.TranslationLength);
    }
}

/// <summary>What the directory tests share: seeded entries of their own, and posting a page's form as a browser would.</summary>
internal static partial class DirectoryTestSupport
{
    /// <summary>An organisation with a public place, an (inactive) service offered there with walk-in hours, and an English name.</summary>
    public static Task<(Guid Organization, Guid Service, Guid Location, Guid Link)> SeedAsync(BakenAppFactory app, string? name = null) =>
        app.QueryAsync(async db =>
        {
            var tag = Guid.NewGuid().ToString("N")[..8];
            var organization = new DirectoryOrganization { Name = name ?? $"Zz Testorganisatie {tag}", Description = "Voor de test.", LastModifiedUtc = DateTime.UtcNow };
            var location = new DirectoryLocation
            {
                OrganizationId = organization.Id,
                Name = $"Zz Spreekuurplek {tag}",
                Address1 = "Teststraat 1",
                PostalCode = "1000 AA",
                City = "Voorbeeldstad",
            };
            // Inactive, so it stays off the public portal, whose tests count what the shared app shows.
            var service = new DirectoryService
            {
                OrganizationId = organization.Id,
                Name = $"Zz Spreekuur {tag}",
                Description = "Inloop.",
                Status = ServiceStatus.Inactive,
                LastModifiedUtc = DateTime.UtcNow,
            };
            var link = new DirectoryServiceAtLocation { ServiceId = service.Id, LocationId = location.Id };
            db.AddRange(organization, location, service, link);
            db.Add(new DirectorySchedule { ServiceId = service.Id, ServiceAtLocationId = link.Id, ByDay = "MO,WE", OpensAt = new TimeOnly(9, 0), ClosesAt = new TimeOnly(12, 0), WalkIn = true });
            db.Add(new DirectoryLanguage { ServiceId = service.Id, Code = "nl", Name = "Nederlands" });
            db.Add(new ServiceTerm { ServiceId = service.Id, TermId = DirectoryDefaults.Terms.Single(t => t.Code == "topic-health").Id });
            db.Add(new DirectoryPhone { OrganizationId = organization.Id, Number = "000 000 0000 (voorbeeldnummer)" });
            db.Add(new DirectoryContact { ServiceId = service.Id, Title = "Balie", Name = "Iemand van de balie" });
            db.Add(new DirectoryTranslation { EntityId = service.Id, Field = "Name", Language = "en", Text = "Walk-in" });
            await db.SaveChangesAsync();
            return (organization.Id, service.Id, location.Id, link.Id);
        });

    /// <summary>A referral to the service, from a trajectory of a client of the first organisation (only the row; the letter is a placeholder).</summary>
    public static async Task ReferToAsync(BakenAppFactory app, Guid service)
    {
        var organisation = await app.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).FirstAsync());
        var (client, _) = await app.CreateClientAsync(organisation);
        var trajectory = await app.StartTrajectoryAsync(client);
        await app.QueryAsync(async db =>
        {
            db.Add(new Referral
            {
                ClientId = client,
                TrajectoryId = trajectory,
                OrganisationId = organisation,
                ServiceId = service,
                RecipientOrganisationId = organisation,
                ByUserId = await db.Users.Select(u => u.Id).FirstAsync(),
                SentAtUtc = DateTime.UtcNow,
                StatusChangedAtUtc = DateTime.UtcNow,
                Letter = [1, 2, 3],
            });
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>
    /// Opens <paramref name="pageUrl"/> and posts the form found by <paramref name="formSelector"/> with every value it
    /// holds (as a browser sends it: text, chosen options, ticked boxes, hidden fields), the given fields replacing
    /// those of the same name; a name may be given more than once (checkboxes).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this BakenClient client, string pageUrl, string formSelector, params (string Name, string Value)[] fields) =>
        await client.PostFormAsync(pageUrl, formSelector, null, fields);

    public static async Task<HttpResponseMessage> PostFormAsync(this BakenClient client, string pageUrl, string formSelector, string? action, params (string Name, string Value)[] fields)
    {
        var (response, document) = await client.GetPageAsync(pageUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {pageUrl} before posting");
        var form = document.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No {formSelector} on {pageUrl}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button" or "file"):
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } area:
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    values.Add(new(select.Name!, select.Value ?? string.Empty));
                    break;
            }
        }

        var given = fields.Select(f => f.Name).ToHashSet();
        values.RemoveAll(v => given.Contains(v.Key));
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        action ??= form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await client.Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>The page a refused post shows again, with the error summary.</summary>
    public static async Task<AngleSharp.Html.Dom.IHtmlDocument> RefusedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "a refused post shows the page again");
        var page = await BakenClient.ReadAsync(response);
        page.QuerySelector("#error-summary").ShouldNotBeNull("the refusal is explained");
        return page;
    }

    /// <summary>The id in a redirect to <paramref name="prefix"/>{id}.</summary>
    public static Guid IdIn(HttpResponseMessage response, string prefix)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"a saved form redirects to {prefix}…");
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith(prefix);
        return Guid.Parse(GuidPattern().Match(location[prefix.Length..]).Value);
    }

    [GeneratedRegex("^[0-9a-fA-F-]{36}")]
    private static partial Regex GuidPattern();
}
