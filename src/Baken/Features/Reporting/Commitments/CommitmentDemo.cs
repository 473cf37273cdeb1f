using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Reporting.Commitments;

/// <summary>
/// The two commitments the council letter in the seed answers, under their real numbers, made in the committee
/// meeting of 21 December 2022 and proposed as done by that letter. The letter's own date and reference are not in
/// its text: the ones here are made up and say so; so are the dates of the intermediate steps.
/// </summary>
public static class CommitmentDemo
{
    public const string Recommendations = "22bb008836";
    public const string ExitInformation = "22bb008837";

    private const string Meeting = "Commissie Zorg, Onderwijs, Cultuur en Sport, 21 december 2022";
    private const string PortfolioHolder = "Wethouder Zorg, Ouderen en Jeugdzorg";
    private const string LetterReference = "DEMO-2023-001 (verzonnen kenmerk)";

    private static readonly DateOnly MadeOn = new(2022, 12, 21);
    private static readonly DateOnly StartedOn = new(2023, 1, 16);
    private static readonly DateOnly LetterOn = new(2023, 6, 13);

    public static async Task SeedAsync(BakenDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<CouncilCommitment>().AnyAsync(c => c.Number == Recommendations || c.Number == ExitInformation, cancellationToken))
        {
            return;
        }

        var officer = await db.Users.Where(u => u.Email == "beleid@baken.example").Select(u => u.Id).SingleAsync(cancellationToken);
        Add(db, officer, new CouncilCommitment
        {
            Number = Recommendations,
            Title = "Reactie op de aanbevelingen uit het onderzoek naar mannelijke sekswerkers",
            Meeting = Meeting,
            PortfolioHolder = PortfolioHolder,
            CreatedAtUtc = At(MadeOn),
            Description = "Bij de bespreking van het onderzoeksrapport over mannelijke sekswerkers in de stad is beloofd in te gaan "
                + "op de aanbevelingen aan de gemeente. Het gaat om de drie algemene aanbevelingen en de vier die voor de gemeente "
                + "zelf bedoeld zijn, uit hoofdstuk 7 van het rapport: onder meer vertrouwen herstellen, regels eenvoudiger maken, "
                + "bijdragen aan minder stigma en kijken naar de toegang tot ander werk.",
        }, "Beantwoording voorbereid met de hulpverlening en het PMW-overleg.");
        Add(db, officer, new CouncilCommitment
        {
            Number = ExitInformation,
            Title = "Informatie over uitstappen uit sekswerk voor (mannelijke) sekswerkers",
            Meeting = Meeting,
            PortfolioHolder = PortfolioHolder,
            CreatedAtUtc = At(MadeOn),
            Description = "De commissie krijgt uitleg over het uitstapprogramma: wie eraan mee kan doen, hoe de begeleiding "
                + "over de negen leefgebieden gaat, hoe sekswerkers bij de hulp terechtkomen en hoe hierover wordt gecommuniceerd. "
                + "Voor 2023 werd in de regio gerekend op ongeveer 150 cliënten in een uitstaptraject.",
            LinkedTable = ReportTableKind.ExitProgramme,
            LinkedPeriod = ReportPeriod.OfYear(2023).ToString(),
        }, "Cijfers over het uitstapprogramma opgevraagd bij de zorgaanbieder.");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds a commitment with its history: registered open, taken up, proposed as done by the letter.</summary>
    private static void Add(BakenDbContext db, Guid officer, CouncilCommitment commitment, string startNote)
    {
        commitment.MadeOn = MadeOn;
        commitment.Status = CommitmentStatus.ProposedFulfilled;
        commitment.AnswerLetterOn = LetterOn;
        commitment.AnswerLetterReference = LetterReference;
        db.Add(commitment);
        db.AddRange(
            Change(commitment, null, CommitmentStatus.Open, At(MadeOn), officer, null),
            Change(commitment, CommitmentStatus.Open, CommitmentStatus.InProgress, At(StartedOn), officer, startNote),
            Change(commitment, CommitmentStatus.InProgress, CommitmentStatus.ProposedFulfilled, At(LetterOn), officer,
                "De raadsbrief stelt voor de toezegging als afgedaan te beschouwen."));
    }

    private static CouncilCommitmentChange Change(
        CouncilCommitment commitment, CommitmentStatus? from, CommitmentStatus to, DateTime atUtc, Guid officer, string? note) =>
        new() { CommitmentId = commitment.Id, From = from, To = to, AtUtc = atUtc, ByUserId = officer, Note = note };

    /// <summary>Mid-morning on a working day, Dutch time.</summary>
    private static DateTime At(DateOnly date) => Infrastructure.Web.DisplayTime.StartOfLocalDayUtc(date).AddHours(10);
}
