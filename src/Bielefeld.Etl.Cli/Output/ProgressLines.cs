using System.Globalization;
using Bielefeld.Etl.Jobs;

namespace Bielefeld.Etl.Cli.Output;

/// <summary>
/// Progress as plain lines, for output that goes to a log rather than a terminal: per file the first thousand rows (the
/// sign that a load has started), then at most one line per <see cref="Interval"/>, and the finished file. A line per
/// thousand rows would write ten thousand lines into the night's log for a 10-million-row file.
/// </summary>
public sealed class ProgressLines(TextWriter output, TimeProvider time) : IProgress<RunProgress>
{
    /// <summary>The least time between two lines about the same file.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, long> lastLine = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Report(RunProgress value)
    {
        var now = time.GetTimestamp();
        var key = value.Pipeline + "\n" + value.File;
        if (!value.Done)
        {
            if (value.RowsRead % 1_000 != 0
                || (lastLine.TryGetValue(key, out var last) && time.GetElapsedTime(last, now) < Interval))
            {
                return;
            }

            lastLine[key] = now;
        }
        else
        {
            lastLine.Remove(key);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{value.Pipeline}: {value.File}: {value.RowsRead} Zeilen gelesen{(value.Done ? ", fertig" : " …")}"));
    }
}
