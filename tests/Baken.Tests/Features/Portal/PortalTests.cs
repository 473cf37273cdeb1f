using System.Net;
using Baken.Features.Portal;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Portal;

/// <summary>The public portal's home and help offers, on the demo directory: public data only, no cookies but antiforgery.</summary>
public sealed class PortalTests(SharedApps apps)
{
    private static readonly string[] Confidential = ["Opvanglocatie", "Geheim adres"];

    private static PortalDirectory.Card Card(string name, params PortalDirectory.Hours[] hours) =>
        new(Guid.NewGuid(), name, null, "Organisatie", true, null, null, null, [], [], hours, [], []);

    [Fact]
    public void Upcoming_hours_say_what_is_open_now_later_today_and_next()
    {
        var tuesdayTwoPm = new DateTime(2026, 12, 1, 14, 0, 0);
        var walkIn = Card("Inloop", new PortalDirectory.Hours("TU,TH", new TimeOnly(13, 0), new TimeOnly(17, 0), true, null, null));
        var evening = Card("Avond", new PortalDirectory.Hours("TU", new TimeOnly(19, 0), new TimeOnly(21, 0), false, null, null));
        var morning = Card("Ochtend", new PortalDirectory.Hours("TU", new TimeOnly(9, 0), new TimeOnly(12, 0), false, null, null));

        var upcoming = PortalDirectory.Upcoming([walkIn, evening, morning], tuesdayTwoPm, 7);

        upcoming[0].Service.Name.ShouldBe("Inloop");
        upcoming[0].OpenNow.ShouldBeTrue();
        upcoming[1].Service.Name.ShouldBe("Avond");
        upcoming[1].OpenNow.ShouldBeFalse();
        upcoming[1].StartsLocal.ShouldBe(new DateTime(2026, 12, 1, 19, 0, 0));
        upcoming.ShouldNotContain(o => o.Service.Name == "Ochtend" && o.StartsLocal.Date == tuesdayTwoPm.Date, "this morning's hours are over");
        upcoming.ShouldContain(o => o.Service.Name == "Inloop" && o.StartsLocal == new DateTime(2026, 12, 3, 13, 0, 0), "Thursday comes next");
        upcoming.ShouldNotContain(o => o.Service.Name == "Ochtend", "next Tuesday is beyond the seven days from today");
        upcoming.Select(o => o.StartsLocal).ShouldBeInOrder();
    }

    [Fact]
    public void Hours_past_midnight_stay_open_and_hours_outside_their_validity_are_skipped()
    {
        var saturdayAtOne = new DateTime(2026, 12, 5, 1, 0, 0);
        var night = Card("Nachtdienst", new PortalDirectory.Hours("FR", new TimeOnly(22, 0), new TimeOnly(2, 0), true, null, null));
        var ended = Card("Oud spreekuur", new PortalDirectory.Hours("SA,MO", new TimeOnly(10, 0), new TimeOnly(12, 0), true, null, null, ValidTo: new DateOnly(2026, 12, 4)));
        var starting = Card("Nieuw spreekuur", new PortalDirectory.Hours("MO", new TimeOnly(10, 0), new TimeOnly(12, 0), true, null, null, ValidFrom: new DateOnly(2026, 12, 14)));

        var upcoming = PortalDirectory.Upcoming([night, ended, starting], saturdayAtOne, 7);

        var friday = upcoming.Where(o => o.Service.Name == "Nachtdienst" && o.OpenNow).ShouldHaveSingleItem("Friday 22:00 to 02:00 is still open at 01:00 on Saturday");
        friday.EndsLocal.ShouldBe(new DateTime(2026, 12, 5, 2, 0, 0));
        upcoming.ShouldNotContain(o => o.Service.Name == "Oud spreekuur", "its hours ended before today");
        upcoming.ShouldNotContain(o => o.Service.Name == "Nieuw spreekuur", "its hours start after this week");
    }

    [Theory]
    [Databases]
    public async Task Walk_in_hours_at_a_confidential_place_are_not_advertised(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        await app.QueryAsync(async db =>
        {
            var shelter = await db.Set<Baken.Features.ServiceDirectory.DirectoryLocation>().SingleAsync(l => l.IsConfidential && l.Name == "Opvanglocatie");
            var link = await db.Set<Baken.Features.ServiceDirectory.DirectoryServiceAtLocation>().SingleAsync(x => x.LocationId == shelter.Id);
            if (!await db.Set<Baken.Features.ServiceDirectory.DirectorySchedule>().AnyAsync(h => h.ServiceAtLocationId == link.Id))
            {
                db.Add(new Baken.Features.ServiceDirectory.DirectorySchedule
                {
                    ServiceId = link.ServiceId,
                    ServiceAtLocationId = link.Id,
                    ByDay = "MO,TU,WE,TH,FR,SA,SU",
                    OpensAt = new TimeOnly(0, 0),
                    ClosesAt = new TimeOnly(23, 59),
                    WalkIn = true,
                });
                await db.SaveChangesAsync();
            }

            return 0;
        });
        using var visitor = app.NewClient();
        var (_, page) = await visitor.GetPageAsync("/Portal/Services?walkIn=true");
        page.QuerySelectorAll("#services > li h2").Select(h => h.TextContent.Trim()).ShouldNotContain("Opvang");
        var (_, home) = await visitor.GetPageAsync("/Portal");
        home.QuerySelectorAll(".baken-opening h3").Select(h => h.TextContent.Trim()).ShouldNotContain("Opvang");
    }

    [Theory]
    [Databases]
    public async Task The_home_page_shows_hours_from_the_directory_and_sets_no_cookie_but_antiforgery(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();
        var (response, page) = await visitor.GetPageAsync("/Portal");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Waar kun je vandaag terecht?");
        (page.QuerySelector("#open-now-list") ?? page.QuerySelector("#open-now-empty")).ShouldNotBeNull();
        (page.QuerySelectorAll(".baken-opening").Length > 0).ShouldBeTrue("the demo directory always has hours in the coming week");
        page.QuerySelector("#quick-exit").ShouldNotBeNull();
        page.QuerySelector("a[href='/Contact']").ShouldNotBeNull();
        foreach (var secret in Confidential)
        {
            page.DocumentElement.OuterHtml.ShouldNotContain(secret);
        }

        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        cookies.ShouldBeEmpty("the page has no form, and the language is in the address");
    }

    [Theory]
    [Databases]
    public async Task Help_offers_filter_by_topic_group_language_and_walk_in(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();

        async Task<List<string>> NamesAsync(string query)
        {
            var (response, page) = await visitor.GetPageAsync("/Portal/Services" + query);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            foreach (var secret in Confidential)
            {
                page.DocumentElement.OuterHtml.ShouldNotContain(secret);
            }

            return [.. page.QuerySelectorAll("#services > li h2").Select(h => h.TextContent.Trim())];
        }

        var all = await NamesAsync(string.Empty);
        all.Count.ShouldBeGreaterThanOrEqualTo(12);
        (await NamesAsync("?topic=topic-return")).ShouldBe(["Terugkeer"]);
        (await NamesAsync("?language=pl")).ShouldBe(["Inloop EU-migranten"]);
        (await NamesAsync("?group=group-men")).ShouldBe(["Avond voor jongens en mannen"]);
        var walkIns = await NamesAsync("?walkIn=true");
        walkIns.ShouldContain("Inloopspreekuur");
        walkIns.ShouldNotContain("Uitstapprogramma", "by appointment only");
        (await NamesAsync("?topic=no-such-topic")).ShouldBe(all, "an unknown filter value is ignored");
        var (_, empty) = await visitor.GetPageAsync("/Portal/Services?topic=topic-return&language=pl");
        empty.QuerySelector("#services-empty").ShouldNotBeNull();

        var (_, page) = await visitor.GetPageAsync("/Portal/Services?topic=topic-housing");
        var shelter = page.QuerySelectorAll("#services > li").Single(li => li.QuerySelector("h2")!.TextContent.Trim() == "Opvang");
        shelter.TextContent.ShouldNotContain("1000 AA", customMessage: "a shelter shows no address");
        shelter.QuerySelectorAll("h3").Select(h => h.TextContent).ShouldContain("Zo bereik je ze", "only the ways in that are public");
    }

    [Theory]
    [Databases]
    public async Task An_unknown_public_address_is_a_public_not_found_page_not_a_sign_in(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();
        foreach (var url in new[] { "/Portal/NoSuchPage", "/en/Portal/NoSuchPage", "/Contact/NoSuchPage" })
        {
            var (response, page) = await visitor.GetPageAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            page.QuerySelector("#quick-exit").ShouldNotBeNull($"{url} keeps the public layout");
            page.QuerySelector("input[type='password']").ShouldBeNull(url);
        }
    }

    [Theory]
    [Databases]
    public async Task Directory_text_is_shown_in_the_visitors_language_else_english_else_dutch_and_marked_with_its_language(DatabaseProvider provider)
    {
        using var visitor = apps.For(provider).NewClient();

        async Task<(string Text, string? Lang)> ExitProgrammeAsync(string url)
        {
            var (_, page) = await visitor.GetPageAsync(url);
            var heading = page.QuerySelectorAll("#services > li h2").Single(h => h.TextContent.Trim() is "Uitstapprogramma" or "Exit programme");
            return (heading.TextContent.Trim(), heading.GetAttribute("lang"));
        }

        (await ExitProgrammeAsync("/Portal/Services")).ShouldBe(("Uitstapprogramma", "nl"));
        (await ExitProgrammeAsync("/en/Portal/Services")).ShouldBe(("Exit programme", "en"));
        (await ExitProgrammeAsync("/ro/Portal/Services")).ShouldBe(("Exit programme", "en"), "no Romanian text yet: the English one, marked as English");

        var (_, english) = await visitor.GetPageAsync("/en/Portal/Services");
        var names = english.QuerySelectorAll("#services > li h2").Select(h => h.TextContent.Trim()).ToList();
        names.ShouldBe([.. names.Order(StringComparer.Create(new System.Globalization.CultureInfo("en"), ignoreCase: true))], "sorted by the names as shown");
    }
}
