using System.Globalization;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Jobs.Files;

/// <summary>
/// A pipeline's <c>abweisung_max_anteil</c>: once every row is read, a file whose share of rejected rows among its
/// data rows (loaded + rejected) exceeds the limit is refused as a whole (<see cref="FileReasons.RejectShareExceeded"/>),
/// as SSIS and Data Factory stop a load past their fault tolerance. The refusal is thrown before the load commits,
/// so nothing of the file is loaded.
/// </summary>
public static class RejectShareLimit
{
    /// <summary>
    /// <paramref name="reading"/> with its rows counted and checked against <paramref name="maxShare"/> after the
    /// last one; disposing it disposes <paramref name="reading"/> and then <paramref name="alsoDispose"/>.
    /// </summary>
    public static ExtractReading Apply(ExtractReading reading, double? maxShare, string fileName, IDisposable? alsoDispose) =>
        new(() => reading.Scope, Checked(reading.Rows, maxShare, fileName), new Both(reading, alsoDispose))
        {
            Sheet = reading.Sheet,
            Totals = reading.Totals,
            Normalisations = reading.Normalisations,
        };

    private static IEnumerable<SourceRow> Checked(IEnumerable<SourceRow> rows, double? maxShare, string fileName)
    {
        long loaded = 0, rejected = 0;
        foreach (var row in rows)
        {
            switch (row)
            {
                case SourceRow.Accepted:
                    loaded++;
                    break;
                case SourceRow.Rejected:
                    rejected++;
                    break;
            }

            yield return row;
        }

        if (maxShare is { } max && rejected > 0 && (double)rejected / (loaded + rejected) > max)
        {
            throw new ExtractFileException(FileReasons.RejectShareExceeded, string.Format(GermanValues.Culture,
                "{0}: {1:N0} von {2:N0} Datenzeilen abgewiesen ({3:0.##} %), erlaubt sind höchstens {4:0.##} % (abweisung_max_anteil); die Datei wird nicht geladen. Die Datei prüfen (verschobene Spalte, falscher Export?) und korrigiert neu liefern.",
                fileName, rejected, loaded + rejected, 100.0 * rejected / (loaded + rejected), 100 * max));
        }
    }

    private sealed class Both(IDisposable first, IDisposable? second) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                first.Dispose();
            }
            finally
            {
                second?.Dispose();
            }
        }
    }
}
