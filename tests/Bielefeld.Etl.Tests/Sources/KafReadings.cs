using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Tests.Sources;

/// <summary>A KAF sample read as the product reads it, with its rows altered: how a load meets a failing or faulty file.</summary>
public static class KafReadings
{
    public static ExtractReading Altered(string path, Func<IEnumerable<SourceRow>, IEnumerable<SourceRow>> alter)
    {
        var reading = KafPipeline.Reader.Open(path);
        return new ExtractReading(reading.Scope, alter(reading.Rows), reading);
    }

    /// <summary>The first <paramref name="after"/> rows, then the network drive goes away.</summary>
    public static IEnumerable<SourceRow> FailingAfter(IEnumerable<SourceRow> rows, int after)
    {
        foreach (var row in rows.Take(after))
        {
            yield return row;
        }

        throw new IOException("Netzlaufwerk während des Lesens getrennt (simuliert).");
    }

    /// <summary>Every accepted row delivered twice: the same keys a second time, which the fact must refuse.</summary>
    public static IEnumerable<SourceRow> Twice(IEnumerable<SourceRow> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
            if (row is SourceRow.Accepted)
            {
                yield return row;
            }
        }
    }
}
