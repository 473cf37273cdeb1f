using System.Diagnostics;
using System.Globalization;

namespace Baken.Bench;

/// <summary>
/// A one-line progress bar with the rate in items and rows per second, redrawn at most twice a second. A run that
/// goes on after a stopped one starts at <paramref name="start"/>; its rate counts only what it made itself.
/// </summary>
public sealed class Progress(string label, long total, TextWriter output, long start = 0)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _rows;
    private readonly long _start = start;
    private long _done = start;
    private TimeSpan _drawn = TimeSpan.FromDays(-1);

    public TimeSpan Elapsed => _clock.Elapsed;

    public long Rows => _rows;

    public void Report(long done, long rowsAdded)
    {
        _done = done;
        _rows += rowsAdded;
        if (_clock.Elapsed - _drawn >= TimeSpan.FromMilliseconds(500) || done >= total)
        {
            _drawn = _clock.Elapsed;
            Draw(done >= total);
        }
    }

    public void Finish()
    {
        Draw(final: true);
    }

    private void Draw(bool final)
    {
        const int width = 30;
        var share = total == 0 ? 1 : Math.Min(1, (double)_done / total);
        var seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var bar = new string('#', (int)(share * width)).PadRight(width, '.');
        var line = string.Create(CultureInfo.InvariantCulture,
            $"\r{label,-14} [{bar}] {_done:N0}/{total:N0}  {(_done - _start) / seconds:N0}/s  {_rows / seconds:N0} rows/s  {_clock.Elapsed:hh\\:mm\\:ss}");
        output.Write(final ? line + Environment.NewLine : line);
    }
}
