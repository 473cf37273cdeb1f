using System.Net;
using Baken.Features.Portal;

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
        upcoming.ShouldContain(o => o.Service.Name == "Ochtend" && o.StartsLocal == new DateTime(2026, 12, 8, 9, 0, 0), "next Tuesday morning, within the week");
        upcoming.Select(o => o.StartsLocal).ShouldBeInOrder();
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
        cookies.ShouldAllBe(c => c.Contains("baken-af", StringComparison.Ordinal), "only the antiforgery cookie of the language form");
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
}
