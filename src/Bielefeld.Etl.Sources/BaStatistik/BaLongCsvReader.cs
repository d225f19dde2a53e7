using System.Globalization;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.German;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.Csv;
using CsvHelper;

namespace Bielefeld.Etl.Sources.BaStatistik;

/// <summary>
/// Reads a long CSV special evaluation: one row per Berichtsmonat, Datenstand, region, Merkmal and value; several
/// months and regions per file. Each row is one value with its Datenstand, delivered per value.
/// </summary>
internal sealed partial class BaLongCsvReader(string pipeline, BaStatistikMapping mapping, AreaCatalog areas)
{
    public ExtractReading Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var name = FileNamePattern().Match(fileName);
        if (!name.Success || !DateOnly.TryParseExact(name.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var delivered))
        {
            throw new ExtractFileException(FileReasons.UnexpectedName,
                $"{fileName}: erwartet wird BA_SA_<Thema>_<JJJJMMTT>.csv, z. B. BA_SA_Alleinerziehende_20170714.csv.");
        }

        // One pass: the months the file covers (the load record's period) are gathered while the rows stream; the scope
        // answers with the delivery month until the first month is read, and with the file's range once all rows are.
        var head = CsvHead.Find(path, fileName, fields => Match(fields).Missing.Count == 0, fields => ColumnsOf(fields, fileName, null));
        var protocol = new NormalisationProtocol();
        var columns = ColumnsOf(head.Fields, fileName, protocol);
        head.Note(protocol);
        if (head.EncodingName != "UTF-8 mit BOM")
        {
            protocol.Add(NormalisationCodes.Encoding, head.EncodingName, $"Kodierung {head.EncodingName} statt UTF-8 mit BOM gelesen", null, head.Line, null);
        }

        var reader = Open(head, path, fileName);
        var state = new BaLongCsvState(columns, new DateOnly(delivered.Year, delivered.Month, 1), protocol);
        return new ExtractReading(
            () => new DeliveryScope(pipeline, null, state.First ?? state.Fallback, state.Last ?? state.Fallback) { Mode = SupersedeMode.PerValue },
            ReadRows(reader, head, state), reader)
        {
            Normalisations = protocol,
        };
    }

    private static CsvReader Open(CsvHead head, string path, string fileName)
    {
        try
        {
            return head.OpenData(path);
        }
        catch (Exception ex) when (ex is CsvFormatException or IOException)
        {
            throw new ExtractFileException(FileReasons.Unreadable, $"{fileName}: keine lesbare CSV-Datei ({ex.Message}).", ex);
        }
    }

    /// <summary>Per contract column the indexes of the header fields that name it (label spaces and case ignored), and the columns not named.</summary>
    private (Dictionary<string, List<int>> Found, List<string> Missing) Match(IReadOnlyList<string> headers)
    {
        var labels = headers.Select(h => GermanLabel.Normalise(h)).ToList();
        var found = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (column, names) in mapping.ColumnNames)
        {
            var indexes = Enumerable.Range(0, labels.Count).Where(i => names.Contains(labels[i], StringComparer.OrdinalIgnoreCase)).ToList();
            if (indexes.Count == 0)
            {
                missing.Add(column);
            }
            else
            {
                found[column] = indexes;
            }
        }

        return (found, missing);
    }

    private Columns ColumnsOf(IReadOnlyList<string> headers, string fileName, NormalisationProtocol? protocol)
    {
        var (found, missing) = Match(headers);
        if (found.FirstOrDefault(f => f.Value.Count > 1) is { Key: { } twice })
        {
            throw new ExtractFileException(FileReasons.UnexpectedHead, $"{fileName}: die Spalte '{twice}' steht mehrfach in der Kopfzeile.");
        }

        var labels = headers.Select(h => GermanLabel.Normalise(h)).ToList();
        if (missing.Count > 0)
        {
            throw new ExtractFileException(FileReasons.UnexpectedHead,
                $"{fileName}: es fehlen die Spalten {string.Join(", ", missing)} (Kopfzeile: {string.Join(";", labels)}); ein umbenannter Spaltenkopf wird in pipelines/{pipeline}.yml als Alias eingetragen.");
        }

        if (protocol is not null)
        {
            NoteHeader(headers, labels, protocol);
        }

        var at = found.ToDictionary(f => f.Key, f => f.Value[0], StringComparer.Ordinal);
        return new Columns(at["Berichtsmonat"], at["Datenstand"], at["Regionstyp"], at["Regionsschluessel"], at["Region"], at["Merkmal"], at["Wert"], labels);
    }

    /// <summary>Notes header names with odd spaces and blank columns (an export's trailing separators), which are not read.</summary>
    private static void NoteHeader(IReadOnlyList<string> headers, List<string> labels, NormalisationProtocol protocol)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            GermanLabel.Read(headers[i], out var note);
            protocol.Note(note, null, null, labels[i]);
        }

        var blank = labels.Count(l => l.Length == 0);
        if (blank > 0)
        {
            protocol.Add(NormalisationCodes.BlankColumn, "",
                string.Create(CultureInfo.InvariantCulture, $"{blank} Spalte{(blank > 1 ? "n" : "")} ohne Kopf übergangen"), null, null, null);
        }
    }

    private IEnumerable<SourceRow> ReadRows(CsvReader reader, CsvHead head, BaLongCsvState state)
    {
        foreach (var skipped in head.SkippedHead("Kopfzeile"))
        {
            yield return skipped;
        }

        while (reader.Read())
        {
            var number = checked((int)reader.LineNumber);
            if (CsvExtract.IsBlank(reader))
            {
                yield return new SourceRow.Skipped(number, "Leerzeile");
                continue;
            }

            yield return ReadRow(reader, state, number);
        }
    }

    private SourceRow ReadRow(CsvReader reader, BaLongCsvState state, int number)
    {
        var fields = state.Fields;
        var columns = state.Columns;
        fields.Load(reader);
        RejectedRow Problem(int column, string? raw, ReasonCode reason, string message) => new(null, number, columns.Headers[column], raw, reason, message);

        // The scope counts every month the file names, also in rows that are rejected for other reasons.
        var month = state.Month(number);
        if (fields.HasOddSpace)
        {
            NoteLabels(state, number);
        }

        if (month is { } seen)
        {
            state.First = state.First is { } f && f < seen ? f : seen;
            state.Last = state.Last is { } l && l > seen ? l : seen;
        }

        if (state.Merkmal(mapping) is not { Mapping: var merkmal } known)
        {
            var merkmalText = fields.Text(columns.Merkmal);
            return new SourceRow.Rejected(number, [Problem(columns.Merkmal, merkmalText, BaStatistikReasons.UnknownMerkmal,
                $"Das Merkmal '{merkmalText}' ist nicht bekannt; ein neues Merkmal oder eine neue Schreibweise wird in pipelines/{pipeline}.yml eingetragen.")]);
        }

        var regionType = state.RegionType(fields.Get(columns.RegionType));
        if (regionType is null)
        {
            var type = fields.Text(columns.RegionType);
            return new SourceRow.Rejected(number, [Problem(columns.RegionType, type, BaStatistikReasons.UnknownRegionType,
                $"Der Regionstyp '{type}' ist weder Stadt noch Stadtbezirk noch Quartier.")]);
        }

        if (!known.Feeds(regionType))
        {
            return new SourceRow.Skipped(number, $"Regionstyp {regionType} wird für '{merkmal.Label}' nicht geladen");
        }

        List<RejectedRow>? problems = null;
        void Add(RejectedRow problem) => (problems ??= []).Add(problem);
        if (month is null)
        {
            var monthText = fields.Text(columns.Month);
            Add(Problem(columns.Month, monthText, BaStatistikReasons.InvalidMonth, $"'{monthText}' ist kein Berichtsmonat im Format JJJJMM (z. B. 201706)."));
        }

        var status = state.Status();
        if (status is null)
        {
            var statusText = fields.Text(columns.DataStatus);
            Add(Problem(columns.DataStatus, statusText, BaStatistikReasons.InvalidDataStatus, $"'{statusText}' ist kein Datenstand im Format TT.MM.JJJJ."));
        }
        else if (month is { } m && status < m)
        {
            Add(Problem(columns.DataStatus, fields.Text(columns.DataStatus), BaStatistikReasons.InvalidDataStatus,
                string.Create(GermanValues.Culture, $"Der Datenstand {status:dd.MM.yyyy} liegt vor dem Berichtsmonat {m:MM/yyyy}.")));
        }

        var region = state.Region(areas, regionType);
        if (region.Reason is { } regionReason)
        {
            var column = region.Column == "Region" ? columns.Region : columns.RegionKey;
            Add(Problem(column, region.Raw, regionReason, region.Message!));
        }

        var value = BaValue.ParseUtf8(fields.Bytes(columns.Value)) ?? BaValue.ParseText(fields.Get(columns.Value));
        if (value.Problem(merkmal.Indicator) is not null)
        {
            // The message quotes the cell as written: parsed again from the text, only for the rare rejected value.
            var valueText = fields.Text(columns.Value);
            var problem = BaValue.Parse(valueText).Problem(merkmal.Indicator)!.Value;
            Add(Problem(columns.Value, valueText, problem.Reason, problem.Message));
        }

        if (problems is not null)
        {
            return new SourceRow.Rejected(number, problems);
        }

        if (!value.IsObservation)
        {
            return new SourceRow.Skipped(number, $"kein Wert ({value.NoValueReason})");
        }

        var area = region.Area!;
        if (!state.Seen.Add(known.KeyNumber, month!.Value, area))
        {
            return new SourceRow.Rejected(number, [new RejectedRow(null, number, null, null, BaStatistikReasons.Duplicate,
                string.Create(GermanValues.Culture, $"'{merkmal.Label}' für {area.Name}, Berichtsmonat {month:MM/yyyy}, steht bereits weiter oben in der Datei."))]);
        }

        return new SourceRow.Accepted(number,
        [
            new Observation(merkmal.Indicator.Code, month.Value, area.Code, known.SeriesKey, value.Number)
            {
                Suppressed = value.Kind == BaValueKind.Suppressed,
                Vintage = status,
            },
        ]);
    }

    /// <summary>Notes the label fields of the row that have a non-breaking or doubled space, as the file writes them.</summary>
    private static void NoteLabels(BaLongCsvState state, int number)
    {
        var fields = state.Fields;
        var columns = state.Columns;
        foreach (var column in (ReadOnlySpan<int>)[columns.RegionType, columns.Region, columns.Merkmal])
        {
            if (fields.HasOddSpaceIn(column))
            {
                state.NoteLabel(fields.Untrimmed(column), number, columns.Headers[column]);
            }
        }
    }

    [GeneratedRegex(@"^BA_SA_(?<thema>.+)_(?<date>\d{8})\.csv$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    internal sealed record Columns(int Month, int DataStatus, int RegionType, int RegionKey, int Region, int Merkmal, int Value, IReadOnlyList<string> Headers);
}
