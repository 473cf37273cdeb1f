using Baken.Features.Reporting;
using Baken.Features.Reporting.Commitments;
using Microsoft.EntityFrameworkCore;

namespace Baken.Tests.Features.Reporting.Commitments;

/// <summary>Registering a commitment through <c>/Reporting/Commitments/New</c>: what is stored, and what is refused.</summary>
public sealed class RegisterCommitmentTests(SharedApps apps)
{
    private static Task<int> CountAsync(BakenAppFactory app, string number) =>
        app.QueryAsync(db => db.Set<CouncilCommitment>().CountAsync(c => c.Number == number));

    [Theory]
    [Databases]
    public async Task A_policy_officer_registers_an_open_commitment_with_a_normalised_number_and_period(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        var officer = await client.SignInAsPolicyOfficerAsync();
        var number = CommitmentTestSupport.NewNumber();

        var response = await client.SubmitAsync("/Reporting/Commitments/New", CommitmentTestSupport.Form(
            "  " + number.ToUpperInvariant() + " ", changes: [("LinkedTable", "ExitProgramme"), ("LinkedPeriod", "2023-q2")]));
        var id = CommitmentTestSupport.Registered(response);

        var commitment = await app.CommitmentAsync(id);
        commitment.Number.ShouldBe(number, "stored trimmed and lower-case");
        commitment.Title.ShouldBe("Informatie over het uitstapprogramma");
        commitment.MadeOn.ShouldBe(new DateOnly(2022, 12, 21));
        commitment.PortfolioHolder.ShouldBe("Wethouder Zorg, Ouderen en Jeugdzorg");
        commitment.Description.ShouldBe("De commissie krijgt uitleg over\nhet uitstapprogramma.");
        commitment.LinkedTable.ShouldBe(ReportTableKind.ExitProgramme);
        commitment.LinkedPeriod.ShouldBe("2023-K2", "the period is stored the way ReportPeriod writes it");
        commitment.Status.ShouldBe(CommitmentStatus.Open);
        commitment.AnswerLetterOn.ShouldBeNull();

        var change = (await app.ChangesAsync(id)).ShouldHaveSingleItem("the registration is the first line of the history");
        change.From.ShouldBeNull();
        change.To.ShouldBe(CommitmentStatus.Open);
        change.ByUserId.ShouldBe(officer.Id);
        (await app.AuditCountAsync(id, "CouncilCommitmentRegistered")).ShouldBe(1);

        var (_, page) = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        page.Text("#commitment-number").ShouldBe(number);
        page.QuerySelector(".utrecht-alert--ok").ShouldNotBeNull("the officer is told it is stored");
        var link = page.QuerySelector("#figures-link")!.GetAttribute("href")!;
        link.ShouldContain("table=ExitProgramme");
        link.ShouldContain("period=2023-K2");
    }

    [Theory]
    [Databases]
    public async Task Bad_input_gets_a_dutch_message_next_to_the_field_keeps_what_was_typed_and_stores_nothing(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        await client.SignInAsPolicyOfficerAsync();
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var badNumber in new[] { "22bb-008836", "abc12", new string('a', 21), "22bb 008836", string.Empty })
        {
            var page = await CommitmentTestSupport.RefusedAsync(await client.SubmitAsync("/Reporting/Commitments/New",
                CommitmentTestSupport.Form(badNumber, "Titel die blijft staan")));
            page.FieldError("Input_Number").ShouldContain("6 tot 20 letters en cijfers", customMessage: $"number '{badNumber}'");
            page.FieldValue("Input_Number").ShouldBe(badNumber, "what was typed stays");
            page.FieldValue("Input_Title").ShouldBe("Titel die blijft staan");
            page.FieldValue("Input_Description").ShouldContain("uitstapprogramma");
        }

        var number = CommitmentTestSupport.NewNumber();
        var refused = await CommitmentTestSupport.RefusedAsync(await client.SubmitAsync("/Reporting/Commitments/New", CommitmentTestSupport.Form(
            number, " ", ("MadeOn", future), ("Meeting", string.Empty), ("LinkedTable", "ExitProgramme"), ("Description", string.Empty))));
        refused.FieldError("Input_Title").ShouldContain("Vul een titel in");
        refused.FieldError("Input_MadeOn").ShouldContain("niet in de toekomst");
        refused.FieldError("Input_Meeting").ShouldContain("Vul de vergadering in");
        refused.FieldError("Input_Description").ShouldContain("Vul een omschrijving in");
        refused.FieldError("Input_LinkedPeriod").ShouldContain("Vul ook een periode in");
        refused.FieldValue("Input_Number").ShouldBe(number);
        refused.FieldValue("Input_LinkedTable").ShouldBe("ExitProgramme", "the chosen table stays chosen");

        foreach (var (period, message) in new[] { ("2023-K5", "Kies een jaar"), ("1999", "vanaf 2000"), ("volgend jaar", "Kies een jaar") })
        {
            var page = await CommitmentTestSupport.RefusedAsync(await client.SubmitAsync("/Reporting/Commitments/New", CommitmentTestSupport.Form(
                number, changes: [("LinkedTable", "Outreach"), ("LinkedPeriod", period)])));
            page.FieldError("Input_LinkedPeriod").ShouldContain(message, customMessage: $"period '{period}'");
            page.FieldValue("Input_LinkedPeriod").ShouldBe(period);
        }

        var noTable = await CommitmentTestSupport.RefusedAsync(await client.SubmitAsync("/Reporting/Commitments/New",
            CommitmentTestSupport.Form(number, changes: [("LinkedTable", "Bogus"), ("LinkedPeriod", "2023")])));
        noTable.FieldError("Input_LinkedTable").ShouldContain("Kies een van de mogelijkheden");

        (await CountAsync(app, number)).ShouldBe(0, "nothing refused is stored");
    }

    [Theory]
    [Databases]
    public async Task A_number_already_in_the_register_is_refused_with_a_message_and_the_input_kept(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var number = CommitmentTestSupport.NewNumber();
        await app.CreateCommitmentAsync(number, "De eerste met dit nummer");
        using var client = app.NewClient();
        await client.SignInAsPolicyOfficerAsync();

        var page = await CommitmentTestSupport.RefusedAsync(await client.SubmitAsync("/Reporting/Commitments/New",
            CommitmentTestSupport.Form(number.ToUpperInvariant(), "Een tweede met hetzelfde nummer")));

        page.FieldError("Input_Number").ShouldContain("Er is al een toezegging met dit nummer");
        page.FieldValue("Input_Number").ShouldBe(number.ToUpperInvariant());
        page.FieldValue("Input_Title").ShouldBe("Een tweede met hetzelfde nummer");
        (await CountAsync(app, number)).ShouldBe(1);
    }

    [Theory]
    [Databases]
    public async Task The_demo_seeder_registers_the_two_commitments_of_the_council_letter(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var commitments = await app.QueryAsync(db => db.Set<CouncilCommitment>().AsNoTracking()
            .Where(c => c.Number == CommitmentDemo.Recommendations || c.Number == CommitmentDemo.ExitInformation)
            .OrderBy(c => c.Number).ToListAsync());

        commitments.Select(c => c.Number).ShouldBe(["22bb008836", "22bb008837"]);
        foreach (var commitment in commitments)
        {
            commitment.MadeOn.ShouldBe(new DateOnly(2022, 12, 21));
            commitment.Meeting.ShouldContain("21 december 2022");
            commitment.PortfolioHolder.ShouldBe("Wethouder Zorg, Ouderen en Jeugdzorg");
            commitment.Status.ShouldBe(CommitmentStatus.ProposedFulfilled, "the letter proposes to consider both done");
            commitment.AnswerLetterOn.ShouldNotBeNull();
            commitment.AnswerLetterReference.ShouldNotBeNullOrWhiteSpace();
            var history = await app.ChangesAsync(commitment.Id);
            history.Select(h => (h.From, h.To)).ShouldBe(
            [
                (null, CommitmentStatus.Open),
                (CommitmentStatus.Open, CommitmentStatus.InProgress),
                (CommitmentStatus.InProgress, CommitmentStatus.ProposedFulfilled),
            ]);
        }

        commitments[0].LinkedTable.ShouldBeNull();
        commitments[1].LinkedTable.ShouldBe(ReportTableKind.ExitProgramme, "about 150 clients in an exit trajectory in 2023");
        commitments[1].LinkedPeriod.ShouldBe("2023");
    }
}
