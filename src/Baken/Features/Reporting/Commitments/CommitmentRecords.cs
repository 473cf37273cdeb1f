using Baken.Infrastructure.Audit;
using Baken.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Reporting.Commitments;

/// <summary>
/// Keeps the register of council commitments: registers, edits and moves them through their statuses, always with
/// a history row and an audit event in the same unit of work, which the caller saves. A change made on an outdated
/// version is refused, so two policy officers never overwrite each other. The register is public council
/// information, not client data: no processing log.
/// </summary>
public sealed class CommitmentRecords(BakenDbContext db, AuditLog audit, TimeProvider timeProvider)
{
    public const string ChangedMeanwhile = "Commitments_ChangedMeanwhile";
    public const string NumberTaken = "Commitments_NumberTaken";
    public const string StatusUnchanged = "Commitments_StatusUnchanged";
    public const string LetterRequired = "Commitments_LetterRequired";

    /// <summary>The details of a commitment, checked and normalised (lower-case number, period as <see cref="ReportPeriod"/> text).</summary>
    public sealed record Draft(
        string Number, string Title, DateOnly MadeOn, string Meeting, string PortfolioHolder, string Description,
        ReportTableKind? LinkedTable, string? LinkedPeriod);

    /// <summary>The letter that answered the commitment.</summary>
    public sealed record Letter(DateOnly On, string Reference);

    public sealed record Row(Guid Id, string Number, string Title, DateOnly MadeOn, CommitmentStatus Status, DateOnly? AnswerLetterOn);

    public sealed record ChangeView(CommitmentStatus? From, CommitmentStatus To, DateTime AtUtc, string? By, string? Note);

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    public Task<CouncilCommitment?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<CouncilCommitment>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<bool> NumberTakenAsync(string number, Guid? except, CancellationToken cancellationToken) =>
        db.Set<CouncilCommitment>().AnyAsync(c => c.Number == number && c.Id != except, cancellationToken);

    /// <summary>Registers a commitment as open; the refusal key instead when its number is already registered.</summary>
    public async Task<(CouncilCommitment? Commitment, string? Refusal)> CreateAsync(Draft draft, Guid userId, CancellationToken cancellationToken)
    {
        if (await NumberTakenAsync(draft.Number, null, cancellationToken))
        {
            return (null, NumberTaken);
        }

        var commitment = new CouncilCommitment
        {
            Number = draft.Number,
            Title = draft.Title,
            Meeting = draft.Meeting,
            PortfolioHolder = draft.PortfolioHolder,
            Description = draft.Description,
            CreatedAtUtc = Now,
        };
        Apply(commitment, draft);
        db.Add(commitment);
        db.Add(new CouncilCommitmentChange { CommitmentId = commitment.Id, To = commitment.Status, AtUtc = Now, ByUserId = userId });
        audit.Record("CouncilCommitmentRegistered", nameof(CouncilCommitment), commitment.Id, $"number={commitment.Number}");
        return (commitment, null);
    }

    /// <summary>Changes the details (not the status); refused when someone changed the commitment since <paramref name="seenVersion"/>.</summary>
    public async Task<string?> UpdateAsync(CouncilCommitment commitment, int seenVersion, Draft draft, CancellationToken cancellationToken)
    {
        if (commitment.Version != seenVersion)
        {
            return ChangedMeanwhile;
        }

        if (await NumberTakenAsync(draft.Number, commitment.Id, cancellationToken))
        {
            return NumberTaken;
        }

        var previousNumber = commitment.Number;
        db.Entry(commitment).Property(c => c.Version).OriginalValue = seenVersion;
        Apply(commitment, draft);
        commitment.Version++;
        audit.Record("CouncilCommitmentChanged", nameof(CouncilCommitment), commitment.Id,
            previousNumber == commitment.Number ? $"number={commitment.Number}" : $"number={previousNumber}->{commitment.Number}");
        return null;
    }

    /// <summary>
    /// Moves the commitment to <paramref name="to"/> with a history row. Proposing it as done or recording it as
    /// done needs the answer letter; a letter given with another status is kept too. Moving to the status it has
    /// already is refused: the history would claim a change that did not happen.
    /// </summary>
    public string? ChangeStatus(CouncilCommitment commitment, int seenVersion, CommitmentStatus to, Letter? letter, string? note, Guid userId)
    {
        if (commitment.Version != seenVersion)
        {
            return ChangedMeanwhile;
        }

        if (!Enum.IsDefined(to) || to == commitment.Status)
        {
            return StatusUnchanged;
        }

        if (CommitmentRules.NeedsLetter(to) && (letter is null || string.IsNullOrWhiteSpace(letter.Reference)))
        {
            return LetterRequired;
        }

        db.Entry(commitment).Property(c => c.Version).OriginalValue = seenVersion;
        var from = commitment.Status;
        commitment.Status = to;
        if (letter is not null)
        {
            commitment.AnswerLetterOn = letter.On;
            commitment.AnswerLetterReference = letter.Reference.Trim();
        }

        commitment.Version++;
        db.Add(new CouncilCommitmentChange
        {
            CommitmentId = commitment.Id,
            From = from,
            To = to,
            AtUtc = Now,
            ByUserId = userId,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });
        audit.Record("CouncilCommitmentStatusChanged", nameof(CouncilCommitment), commitment.Id, $"from={from};to={to}");
        return null;
    }

    /// <summary>
    /// The register, newest commitment first, searched on number or title (case-insensitive, the same on SQLite and
    /// PostgreSQL: numbers are stored lower-case, titles compared upper-cased) and filtered on status.
    /// </summary>
    public IQueryable<Row> Search(string? text, CommitmentStatus? status)
    {
        var commitments = db.Set<CouncilCommitment>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var lower = text.Trim().ToLowerInvariant();
            var upper = text.Trim().ToUpperInvariant();
            commitments = commitments.Where(c => c.Number.Contains(lower) || c.Title.ToUpper().Contains(upper));
        }

        if (status is { } only)
        {
            commitments = commitments.Where(c => c.Status == only);
        }

        return commitments
            .OrderByDescending(c => c.MadeOn).ThenBy(c => c.Number)
            .Select(c => new Row(c.Id, c.Number, c.Title, c.MadeOn, c.Status, c.AnswerLetterOn));
    }

    /// <summary>The status history, oldest first, with the name staff know each other by.</summary>
    public Task<List<ChangeView>> HistoryAsync(Guid commitmentId, CancellationToken cancellationToken) =>
        db.Set<CouncilCommitmentChange>().AsNoTracking()
            .Where(c => c.CommitmentId == commitmentId)
            .OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
            .Select(c => new ChangeView(c.From, c.To, c.AtUtc, db.Users.Where(u => u.Id == c.ByUserId).Select(u => u.DisplayName).FirstOrDefault(), c.Note))
            .ToListAsync(cancellationToken);

    private static void Apply(CouncilCommitment commitment, Draft draft)
    {
        commitment.Number = draft.Number;
        commitment.Title = draft.Title;
        commitment.MadeOn = draft.MadeOn;
        commitment.Meeting = draft.Meeting;
        commitment.PortfolioHolder = draft.PortfolioHolder;
        commitment.Description = draft.Description;
        commitment.LinkedTable = draft.LinkedTable;
        commitment.LinkedPeriod = draft.LinkedPeriod;
    }
}
