using AngleSharp.Html.Dom;
using Baken.Features.Reporting.Commitments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Features.Reporting.Commitments;

/// <summary>Moving a commitment through its statuses on its details page: the letter it rests on, the history, stale forms.</summary>
public sealed class CommitmentStatusTests(SharedApps apps)
{
    private static Task<HttpResponseMessage> ChangeAsync(BakenClient client, Guid id, string status, string letterOn = "", string reference = "", string note = "") =>
        client.SubmitAsync($"/Reporting/Commitments/{id}", new Dictionary<string, string>
        {
            ["Change.Status"] = status,
            ["Change.LetterOn"] = letterOn,
            ["Change.LetterReference"] = reference,
            ["Change.Note"] = note,
        }, "#status-form");

    private static void ShouldBeSaved(HttpResponseMessage response, Guid id)
    {
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith($"/Reporting/Commitments/{id}?changed=true");
    }

    [Theory]
    [Databases]
    public async Task Proposing_or_recording_a_commitment_as_done_needs_the_answer_letter_and_every_change_is_in_the_history(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var id = await app.CreateCommitmentAsync();
        using var client = app.NewClient();
        var officer = await client.SignInAsPolicyOfficerAsync();

        ShouldBeSaved(await ChangeAsync(client, id, "InProgress", note: "Opgepakt met de zorgaanbieder"), id);

        foreach (var status in new[] { "ProposedFulfilled", "Fulfilled" })
        {
            var page = await CommitmentTestSupport.RefusedAsync(await ChangeAsync(client, id, status, note: "Brief is verstuurd"));
            page.FieldError("Change_LetterOn").ShouldContain("Vul de datum van de antwoordbrief in", customMessage: status);
            page.FieldError("Change_LetterReference").ShouldContain("Vul het kenmerk van de antwoordbrief in", customMessage: status);
            page.FieldValue("Change_Status").ShouldBe(status, "the chosen status stays chosen");
            page.FieldValue("Change_Note").ShouldBe("Brief is verstuurd");
        }

        var halfLetter = await CommitmentTestSupport.RefusedAsync(await ChangeAsync(client, id, "ProposedFulfilled", reference: "24bb000001"));
        halfLetter.FieldError("Change_LetterOn").ShouldNotBeEmpty();
        var tooEarly = await CommitmentTestSupport.RefusedAsync(await ChangeAsync(client, id, "ProposedFulfilled", "2024-03-13", "24bb000001"));
        tooEarly.FieldError("Change_LetterOn").ShouldContain("niet voor de toezegging", customMessage: "the letter cannot predate the commitment");
        (await app.CommitmentAsync(id)).Status.ShouldBe(CommitmentStatus.InProgress, "nothing refused is stored");
        (await app.ChangesAsync(id)).Count.ShouldBe(2);

        ShouldBeSaved(await ChangeAsync(client, id, "ProposedFulfilled", "2024-06-13", " 24bb000001 ", "Voorgesteld als afgedaan in de raadsbrief"), id);
        var proposed = await app.CommitmentAsync(id);
        proposed.Status.ShouldBe(CommitmentStatus.ProposedFulfilled);
        proposed.AnswerLetterOn.ShouldBe(new DateOnly(2024, 6, 13));
        proposed.AnswerLetterReference.ShouldBe("24bb000001");

        // The council agreed: the letter is already on the form, so recording it as done needs nothing more.
        var (_, details) = await client.GetPageAsync($"/Reporting/Commitments/{id}");
        details.FieldValue("Change_LetterOn").ShouldBe("2024-06-13");
        details.FieldValue("Change_LetterReference").ShouldBe("24bb000001");
        var form = (IHtmlFormElement)details.QuerySelector("#status-form")!;
        ShouldBeSaved(await client.SubmitAsync(form, $"/Reporting/Commitments/{id}", new Dictionary<string, string>
        {
            ["Change.Status"] = "Fulfilled",
            ["Change.LetterOn"] = details.FieldValue("Change_LetterOn"),
            ["Change.LetterReference"] = details.FieldValue("Change_LetterReference"),
            ["Change.Note"] = string.Empty,
        }), id);

        var history = await app.ChangesAsync(id);
        history.Select(h => (h.From, h.To)).ShouldBe(
        [
            (null, CommitmentStatus.Open),
            (CommitmentStatus.Open, CommitmentStatus.InProgress),
            (CommitmentStatus.InProgress, CommitmentStatus.ProposedFulfilled),
            (CommitmentStatus.ProposedFulfilled, CommitmentStatus.Fulfilled),
        ]);
        history.Skip(1).ShouldAllBe(h => h.ByUserId == officer.Id);
        history[1].Note.ShouldBe("Opgepakt met de zorgaanbieder");
        history[3].Note.ShouldBeNull("an empty note is no note");
        (await app.AuditCountAsync(id, "CouncilCommitmentStatusChanged")).ShouldBe(3);

        var (_, shown) = await client.GetPageAsync($"/Reporting/Commitments/{id}");
        shown.Text("#commitment-status").ShouldContain("Afgedaan");
        shown.Text("#commitment-letter").ShouldContain("24bb000001");
        var rows = shown.QuerySelectorAll("#commitment-history tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(4);
        rows[1].ShouldContain("Open → In behandeling");
        rows[1].ShouldContain("Test Beleidsmedewerker", customMessage: "who: the staff member's display name");
        rows[1].ShouldContain("Opgepakt met de zorgaanbieder");
        rows[3].ShouldContain("Voorgesteld als afgedaan → Afgedaan");
    }

    [Theory]
    [Databases]
    public async Task Moving_a_commitment_to_the_status_it_has_is_refused(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var id = await app.CreateCommitmentAsync();
        using var client = app.NewClient();
        await client.SignInAsPolicyOfficerAsync();

        var page = await CommitmentTestSupport.RefusedAsync(await ChangeAsync(client, id, "Open", note: "Nog eens open"));
        page.Text("#error-summary").ShouldContain("heeft deze status al");
        (await app.ChangesAsync(id)).Count.ShouldBe(1, "no history line for a change that did not happen");

        // The service refuses it on its own too, as it refuses a letterless proposal.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<CommitmentRecords>();
        var commitment = await db.Set<CouncilCommitment>().SingleAsync(c => c.Id == id, TestContext.Current.CancellationToken);
        records.ChangeStatus(commitment, commitment.Version, CommitmentStatus.Open, null, null, Guid.Empty).ShouldBe(CommitmentRecords.StatusUnchanged);
        records.ChangeStatus(commitment, commitment.Version, CommitmentStatus.Fulfilled, null, null, Guid.Empty).ShouldBe(CommitmentRecords.LetterRequired);
        records.ChangeStatus(commitment, commitment.Version + 1, CommitmentStatus.InProgress, null, null, Guid.Empty).ShouldBe(CommitmentRecords.ChangedMeanwhile);
        db.ChangeTracker.Entries<CouncilCommitmentChange>().ShouldBeEmpty();
    }

    [Theory]
    [Databases]
    public async Task A_status_form_filled_in_before_someone_else_changed_the_commitment_is_refused_and_keeps_its_input(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var id = await app.CreateCommitmentAsync();
        using var first = app.NewClient();
        using var second = app.NewClient();
        await first.SignInAsPolicyOfficerAsync();
        await second.SignInAsPolicyOfficerAsync();
        var (_, stale) = await first.GetPageAsync($"/Reporting/Commitments/{id}");

        ShouldBeSaved(await ChangeAsync(second, id, "InProgress", note: "De collega was eerder"), id);
        var page = await CommitmentTestSupport.RefusedAsync(await first.SubmitAsync((IHtmlFormElement)stale.QuerySelector("#status-form")!,
            $"/Reporting/Commitments/{id}", new Dictionary<string, string> { ["Change.Status"] = "InProgress", ["Change.Note"] = "Mijn eigen toelichting" }));

        page.Text("#error-summary").ShouldContain("net gewijzigd");
        page.QuerySelector("#status-conflict").ShouldNotBeNull();
        page.FieldValue("Change_Note").ShouldBe("Mijn eigen toelichting", "what was typed stays");
        page.Text("#commitment-status").ShouldContain("In behandeling", customMessage: "the page shows the commitment as it is now");
        var history = await app.ChangesAsync(id);
        history.Count.ShouldBe(2);
        history[1].Note.ShouldBe("De collega was eerder");
    }
}
