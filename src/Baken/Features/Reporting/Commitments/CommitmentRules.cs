using System.Text.RegularExpressions;

namespace Baken.Features.Reporting.Commitments;

/// <summary>The rules of the register that both the forms and <see cref="CommitmentRecords"/> apply.</summary>
public static partial class CommitmentRules
{
    public const int NumberMinLength = 6;
    public const int NumberMaxLength = 20;
    public const int TitleMaxLength = 200;
    public const int MeetingMaxLength = 200;
    public const int PortfolioHolderMaxLength = 150;
    public const int DescriptionMaxLength = 4000;
    public const int LetterReferenceMaxLength = 100;
    public const int NoteMaxLength = 1000;

    /// <summary>The earliest date a commitment or letter may carry: nothing in Baken is older.</summary>
    public static readonly DateOnly Earliest = new(ReportPeriod.FirstYear, 1, 1);

    /// <summary>
    /// The council's number as stored: trimmed and lower-case, so "22BB008836" and "22bb008836" are the same
    /// commitment. Null when it is not 6 to 20 letters and digits.
    /// </summary>
    public static string? NormaliseNumber(string? number)
    {
        var trimmed = number?.Trim().ToLowerInvariant() ?? string.Empty;
        return NumberPattern().IsMatch(trimmed) ? trimmed : null;
    }

    /// <summary>Proposing a commitment as done, or recording it as done, rests on the letter that answered it.</summary>
    public static bool NeedsLetter(CommitmentStatus status) =>
        status is CommitmentStatus.ProposedFulfilled or CommitmentStatus.Fulfilled;

    [GeneratedRegex("^[a-z0-9]{6,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
