using Baken.Features.Reporting;
using Baken.Features.Reporting.Commitments;

namespace Baken.Tests.Features.Reporting.Commitments;

/// <summary>Editing the details of a commitment, with the version check that keeps two officers from overwriting each other.</summary>
public sealed class EditCommitmentTests(SharedApps apps)
{
    private static Dictionary<string, string> Changes(params (string Field, string Value)[] changes) =>
        changes.ToDictionary(c => "Input." + c.Field, c => c.Value);

    [Theory]
    [Databases]
    public async Task An_officer_edits_the_details_and_the_version_moves_on(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var id = await app.CreateCommitmentAsync();
        using var client = app.NewClient();
        await client.SignInAsPolicyOfficerAsync();
        var (_, page) = await client.GetPageAsync($"/Reporting/Commitments/{id}/Edit");
        page.FieldValue("Input_MadeOn").ShouldBe("2024-03-14", "the form shows what is stored");

        var response = await client.SubmitAsShownAsync(page, "#commitment-form", $"/Reporting/Commitments/{id}/Edit",
            Changes(("Title", "Een betere titel"), ("LinkedTable", "Signals"), ("LinkedPeriod", "2024-03")));

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/Reporting/Commitments/{id}");
        var commitment = await app.CommitmentAsync(id);
        commitment.Title.ShouldBe("Een betere titel");
        commitment.LinkedTable.ShouldBe(ReportTableKind.Signals);
        commitment.LinkedPeriod.ShouldBe("2024-03");
        commitment.Version.ShouldBe(1);
        commitment.Status.ShouldBe(CommitmentStatus.Open, "editing details does not move the status");
        (await app.ChangesAsync(id)).Count.ShouldBe(1, "a change of details is no status change");
        (await app.AuditCountAsync(id, "CouncilCommitmentChanged")).ShouldBe(1);
    }

    [Theory]
    [Databases]
    public async Task A_save_on_an_outdated_version_is_refused_shows_the_current_values_and_keeps_the_input(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var id = await app.CreateCommitmentAsync(title: "Oorspronkelijke titel");
        using var first = app.NewClient();
        using var second = app.NewClient();
        await first.SignInAsPolicyOfficerAsync();
        await second.SignInAsPolicyOfficerAsync();
        var url = $"/Reporting/Commitments/{id}/Edit";
        var (_, firstPage) = await first.GetPageAsync(url);
        var (_, secondPage) = await second.GetPageAsync(url);

        (await first.SubmitAsShownAsync(firstPage, "#commitment-form", url, Changes(("Title", "Titel van de eerste"))))
            .StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var refused = await CommitmentTestSupport.RefusedAsync(
            await second.SubmitAsShownAsync(secondPage, "#commitment-form", url, Changes(("Title", "Titel van de tweede"))));

        refused.Text("#error-summary").ShouldContain("net gewijzigd");
        refused.FieldValue("Input_Title").ShouldBe("Titel van de tweede", "what the second typed stays");
        refused.Text("#current-values").ShouldContain("Titel van de eerste", customMessage: "and what the first saved is shown beside it");
        (await app.CommitmentAsync(id)).Title.ShouldBe("Titel van de eerste", "nothing is overwritten");

        // Saving again, now knowingly over the first one's change, is allowed.
        var again = await second.SubmitAsShownAsync(refused, "#commitment-form", url, Changes(("Title", "Titel van de tweede")));
        again.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var commitment = await app.CommitmentAsync(id);
        commitment.Title.ShouldBe("Titel van de tweede");
        commitment.Version.ShouldBe(2);
    }

    [Theory]
    [Databases]
    public async Task Another_commitments_number_is_refused_on_edit(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var taken = CommitmentTestSupport.NewNumber();
        await app.CreateCommitmentAsync(taken);
        var id = await app.CreateCommitmentAsync();
        using var client = app.NewClient();
        await client.SignInAsPolicyOfficerAsync();
        var url = $"/Reporting/Commitments/{id}/Edit";
        var (_, page) = await client.GetPageAsync(url);

        var refused = await CommitmentTestSupport.RefusedAsync(
            await client.SubmitAsShownAsync(page, "#commitment-form", url, Changes(("Number", taken), ("Title", "Nieuwe titel"))));

        refused.FieldError("Input_Number").ShouldContain("Er is al een toezegging met dit nummer");
        refused.FieldValue("Input_Title").ShouldBe("Nieuwe titel");
        (await app.CommitmentAsync(id)).Number.ShouldNotBe(taken);
    }
}
