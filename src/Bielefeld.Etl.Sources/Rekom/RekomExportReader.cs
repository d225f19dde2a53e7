using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.Rekom;

/// <summary>
/// Reads REKOM exports (<c>REKOM_Export_&lt;yyyy-MM-dd&gt;.csv</c>): one row per participant and project, a full
/// snapshot of the plan year to date. Rows are checked and counted; only the monthly counts leave the reader
/// (<see cref="ExtractReading.Totals"/>), never a participant. A newer export replaces the older one for the same year.
/// </summary>
/// <remarks>
/// The file is read twice: the first pass finds, for every participant and project that appears more than once, the
/// row that counts (the later Verbleib_Datum; on a tie the later line); the second pass yields the rows and counts.
/// Memory grows with the number of participations: per participant and project a 128-bit key (see
/// <see cref="CompactKey"/>; the TN_ID itself is not kept) with the winning row's line and Verbleib_Datum, not the row.
/// </remarks>
public sealed partial class RekomExportReader : IExtractReader
{
    /// <summary>The reader's name in pipeline files.</summary>
    public const string Name = "rekom-csv";

    /// <summary>The series all of a file's values belong to, so that the next export supersedes them.</summary>
    public const string Series = "REKOM";

    private readonly string _pipeline;
    private readonly RekomMapping _mapping;

    private RekomExportReader(string pipeline, RekomMapping mapping)
    {
        _pipeline = pipeline;
        _mapping = mapping;
    }

    /// <summary>Creates the reader from the pipeline's <c>rekom:</c> section, checked against the catalog.</summary>
    public static RekomExportReader Create(PipelineDefinition pipeline, SourceContext context) =>
        new(pipeline.Name, RekomMapping.Build(pipeline.ReadSection<RekomOptions>("rekom"), context.Plan, pipeline.FilePath));

    /// <inheritdoc />
    public ExtractReading Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var match = FileNamePattern().Match(fileName);
        if (!match.Success || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exportDate))
        {
            throw new ExtractFileException(FileReasons.UnexpectedName, $"{fileName}: erwartet wird REKOM_Export_<JJJJ-MM-TT>.csv (Exportdatum).");
        }

        var (head, header) = _mapping.Columns.Find(path, RekomMapping.Required, fileName);

        var year = exportDate.Year;
        var tally = new RekomTally(_mapping, year, exportDate, Series);
        var scope = new DeliveryScope(_pipeline, Series, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1));
        return new ExtractReading(scope, Rows(path, head, header, exportDate, tally), null) { Totals = Totals(tally), Normalisations = header.Protocol(head) };
    }

    private IEnumerable<SourceRow> Rows(string path, CsvHead head, CsvHeader header, DateOnly exportDate, RekomTally tally)
    {
        var winners = Winners(path, head, header, exportDate);
        var keys = new CompactKey();
        using var reader = head.OpenData(path);
        foreach (var skipped in head.SkippedHead(header.SkipReason))
        {
            yield return skipped;
        }
        while (reader.Read())
        {
            var record = CsvRecord.Current(reader, header);
            if (record.IsBlank)
            {
                yield return new SourceRow.Skipped(record.Line, "Leerzeile");
                continue;
            }

            var row = RekomRowValues.Parse(record, _mapping, exportDate);
            if (row is null)
            {
                yield return record.ToRejected();
                continue;
            }

            var winner = winners[Key(keys, row)];
            if (winner.Line != row.Line)
            {
                record.RejectIdentifier(RekomMapping.TnId, RekomReasons.DuplicateParticipant,
                    $"Die TN_ID dieser Zeile steht für {row.Project.Code} auch in Zeile {winner.Line.ToString(CultureInfo.InvariantCulture)}"
                    + $" (Verbleib_Datum {(winner.DestinationDate is { } d ? GermanValues.Format(d) : "leer")}); gezählt wird jene Zeile, diese nicht.");
                yield return record.ToRejected();
                continue;
            }

            tally.Add(row);
            yield return new SourceRow.Accepted(row.Line, []);
        }
    }

    private Dictionary<UInt128, Winner> Winners(string path, CsvHead head, CsvHeader header, DateOnly exportDate)
    {
        var keys = new CompactKey();
        var winners = new Dictionary<UInt128, Winner>();
        using var reader = head.OpenData(path);
        while (reader.Read())
        {
            var record = CsvRecord.Current(reader, header);
            if (record.IsBlank || RekomRowValues.Parse(record, _mapping, exportDate) is not { } row)
            {
                continue;
            }

            // One lookup per row: the slot is added or found, then overwritten when this row wins.
            ref var current = ref CollectionsMarshal.GetValueRefOrAddDefault(winners, Key(keys, row), out var exists);
            if (!exists || (row.DestinationDate ?? DateOnly.MinValue) >= (current.DestinationDate ?? DateOnly.MinValue))
            {
                current = new Winner(row.Line, row.DestinationDate);
            }
        }

        return winners;
    }

    /// <summary>A participation's identity: TN_ID and project code.</summary>
    private static UInt128 Key(CompactKey keys, RekomRowValues row) => keys.Begin().Add(row.TnId).Add(row.Project.Code).Finish();

    private static IEnumerable<Observation> Totals(RekomTally tally)
    {
        foreach (var observation in tally.Observations())
        {
            yield return observation;
        }
    }

    /// <summary>What the second pass needs of the row that counts for a participation: its line and Verbleib_Datum.</summary>
    private readonly record struct Winner(int Line, DateOnly? DestinationDate);

    [GeneratedRegex(@"^REKOM_Export_(?<date>\d{4}-\d{2}-\d{2})\.csv$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();
}
