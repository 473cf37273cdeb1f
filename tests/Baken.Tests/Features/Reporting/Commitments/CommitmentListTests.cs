using Baken.Features.Reporting.Commitments;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Reporting.Commitments;

/// <summary>The register's list: search on number or title in any case, the status filter, paging and the empty state.</summary>
public sealed class CommitmentListTests(SharedApps apps)
{
    private static List<string> Numbers(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("#commitments tbody tr td:first-child").Select(td => td.TextContent.Trim())];

    [Theory]
    [Databases]
    public async Task Searching_finds_a_number_or_title_in_any_case_and_the_filter_narrows_on_status(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var token = CommitmentTestSupport.NewToken();
        var open = CommitmentTestSupport.NewNumber();
        var started = CommitmentTestSupport.NewNumber();
        await app.CreateCommitmentAsync(open, $"Cijfers over {token} uitstappen");
        var startedId = await app.CreateCommitmentAsync(started, $"Voorlichting {token} op scholen");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var records = scope.ServiceProvider.GetRequiredService<CommitmentRecords>();
            var commitment = (await records.FindAsync(startedId, TestContext.Current.CancellationToken))!;
            records.ChangeStatus(commitment, commitment.Version, CommitmentStatus.InProgress, null, null,
                (await app.ChangesAsync(startedId))[0].ByUserId).ShouldBeNull();
            await scope.ServiceProvider.GetRequiredService<BakenDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var client = app.NewClient();
        await client.SignInAsPolicyOfficerAsync();

        var (_, byTitle) = await client.GetPageAsync($"/Reporting/Commitments?q={token.ToUpperInvariant()}");
        Numbers(byTitle).ShouldBe([open, started], ignoreOrder: true);
        var (_, byNumber) = await client.GetPageAsync($"/Reporting/Commitments?q={open[3..12].ToUpperInvariant()}");
        Numbers(byNumber).ShouldBe([open], "part of a number, typed in capitals");
        var (_, filtered) = await client.GetPageAsync($"/Reporting/Commitments?q={token}&status=InProgress");
        Numbers(filtered).ShouldBe([started]);
        filtered.QuerySelector("#status option[selected]")!.GetAttribute("value").ShouldBe("InProgress", "the filter stays chosen");
        var (_, demo) = await client.GetPageAsync("/Reporting/Commitments?q=22BB00883&status=ProposedFulfilled");
        Numbers(demo).ShouldBe(["22bb008836", "22bb008837"], ignoreOrder: true);

        var (_, nothing) = await client.GetPageAsync($"/Reporting/Commitments?q={token}&status=Fulfilled");
        nothing.QuerySelector("#commitments").ShouldBeNull();
        nothing.Text("#commitments-empty").ShouldContain("Niets gevonden");
        var (response, nonsense) = await client.GetPageAsync("/Reporting/Commitments?status=42&p=-3");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, "an unknown status or page is ignored, not an error");
        Numbers(nonsense).ShouldNotBeEmpty();
    }

    [Theory]
    [Databases]
    public async Task The_list_is_paged(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var token = CommitmentTestSupport.NewToken();
        for (var i = 0; i < Baken.Infrastructure.Web.Paging.DefaultPageSize + 2; i++)
        {
            await app.CreateCommitmentAsync(title: $"{token} nummer {i}", madeOn: new DateOnly(2024, 1, 1).AddDays(i));
        }

        using var client = app.NewClient();
        await client.SignInAsPolicyOfficerAsync();
        var (_, first) = await client.GetPageAsync($"/Reporting/Commitments?q={token}");
        Numbers(first).Count.ShouldBe(Baken.Infrastructure.Web.Paging.DefaultPageSize);
        first.Text("#commitments tbody tr:first-child").ShouldContain("nummer 26", customMessage: "newest commitment first");
        first.QuerySelector(".baken-pager a[rel=next]").ShouldNotBeNull();
        var (_, second) = await client.GetPageAsync($"/Reporting/Commitments?q={token}&p=2");
        Numbers(second).Count.ShouldBe(2);
        second.Text("#commitments").ShouldContain("nummer 0");
    }
}
