namespace Baken.Features.Reporting.Disclosure;

/// <summary>Why a figure is, or is not, shown.</summary>
public enum CellStatus
{
    /// <summary>Shown as counted.</summary>
    Published,

    /// <summary>
    /// Hidden because it is small (<c>0 &lt; n &lt; threshold</c>); shown as "&lt; threshold", so a reader knows
    /// it lies between 1 and threshold − 1.
    /// </summary>
    PrimarySuppressed,

    /// <summary>
    /// Hidden only so that a small figure cannot be worked out by subtraction. Never 0 and never small, so it is
    /// at least the threshold; it must be shown with its own mark (not "&lt; threshold", which would be untrue).
    /// </summary>
    SecondarySuppressed,

    /// <summary>Hidden because the whole table could not be protected otherwise (see <see cref="SuppressedTable.IsWithheld"/>).</summary>
    Withheld,
}

/// <summary>
/// One figure of a protected table. A suppressed figure carries no value at all, so a page or export cannot leak
/// it by mistake.
/// </summary>
public readonly record struct TableCell
{
    private TableCell(CellStatus status, int? value)
    {
        Status = status;
        Value = value;
    }

    public CellStatus Status { get; }

    /// <summary>The published count, or null when suppressed.</summary>
    public int? Value { get; }

    public bool IsSuppressed => Status != CellStatus.Published;

    public static TableCell Published(int value) =>
        new(CellStatus.Published, value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value)));

    public static TableCell Suppressed(CellStatus reason) =>
        reason == CellStatus.Published ? throw new ArgumentOutOfRangeException(nameof(reason)) : new(reason, null);
}
