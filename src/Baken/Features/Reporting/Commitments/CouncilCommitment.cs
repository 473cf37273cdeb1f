using Baken.Infrastructure.Privacy;

namespace Baken.Features.Reporting.Commitments;

/// <summary>
/// A commitment (toezegging) the portfolio holder made to the council in a meeting, registered under the council's
/// own number and answered later by a letter. Everything here is public council information, so nothing is
/// encrypted and no processing log is written: changes are audited as staff actions. The portfolio holder is the
/// office ("Wethouder Zorg, Ouderen en Jeugdzorg"), never a person's name, so the register stays correct when the
/// office changes hands and holds nothing about a person.
/// </summary>
public sealed class CouncilCommitment
{
    public const string Table = "CouncilCommitments";

    [Classified(DataClass.NotPersonal)]
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The council's number (for example <c>22bb008836</c>), lower-case; unique.</summary>
    [Classified(DataClass.NotPersonal)]
    public required string Number { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string Title { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateOnly MadeOn { get; set; }

    /// <summary>The meeting where it was made, as the council writes it (committee and date).</summary>
    [Classified(DataClass.NotPersonal)]
    public required string Meeting { get; set; }

    /// <summary>The portfolio (office) that made the commitment, not the name of its holder.</summary>
    [Classified(DataClass.NotPersonal)]
    public required string PortfolioHolder { get; set; }

    [Classified(DataClass.NotPersonal)]
    public required string Description { get; set; }

    /// <summary>The fixed table whose figures answer the commitment, with <see cref="LinkedPeriod"/>.</summary>
    [Classified(DataClass.NotPersonal)]
    public ReportTableKind? LinkedTable { get; set; }

    /// <summary>A <see cref="ReportPeriod"/> as text ("2023", "2023-K2", "2023-03").</summary>
    [Classified(DataClass.NotPersonal)]
    public string? LinkedPeriod { get; set; }

    [Classified(DataClass.NotPersonal)]
    public CommitmentStatus Status { get; set; } = CommitmentStatus.Open;

    /// <summary>The date of the letter that answered the commitment.</summary>
    [Classified(DataClass.NotPersonal)]
    public DateOnly? AnswerLetterOn { get; set; }

    /// <summary>The council's reference of that letter.</summary>
    [Classified(DataClass.NotPersonal)]
    public string? AnswerLetterReference { get; set; }

    [Classified(DataClass.NotPersonal)]
    public DateTime CreatedAtUtc { get; init; }

    [Classified(DataClass.NotPersonal)]
    public int Version { get; set; }
}
