using System.Globalization;
using System.Text;
using System.Xml;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;
using CsvHelper;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Bielefeld.Etl.Sources.Limits;

/// <summary>
/// Wraps every reader (<see cref="SourceReaders.Create"/>): checks a file before its reader sees it (an .xlsx
/// archive's sizes, a text file's NUL bytes), caps the rows read, and turns the parse errors of a corrupt file, at
/// open or halfway through, into a file-level refusal with a reason instead of a failed load.
/// </summary>
/// <param name="inner">The reader of the source format.</param>
/// <param name="limits">The limits to enforce.</param>
public sealed class GuardedReader(IExtractReader inner, ExtractLimits limits) : IExtractReader, IContextSource
{
    /// <inheritdoc />
    public IReadOnlyList<Indicator> ContextIndicators => inner is IContextSource context ? context.ContextIndicators : [];

    /// <inheritdoc />
    public IReadOnlyList<Area> ContextAreas => inner is IContextSource context ? context.ContextAreas : [];

    /// <inheritdoc />
    public ExtractReading Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is ".XLSX" or ".XLSM")
        {
            WorkbookArchive.Check(path, limits);
        }
        else if (extension is ".CSV" or ".TXT")
        {
            TextFileCheck.Check(path, limits);
        }

        ExtractReading reading;
        try
        {
            reading = inner.Open(path);
        }
        catch (Exception ex) when (Corrupt(ex))
        {
            throw Refusal(fileName, ex, 0);
        }

        var maxRows = reading.Sheet is null ? limits.MaxCsvRows : limits.MaxSheetRows;
        return new ExtractReading(() => reading.Scope, Rows(reading.Rows, fileName, maxRows), reading)
        {
            Sheet = reading.Sheet,
            Totals = reading.Totals,
            Normalisations = reading.Normalisations,
        };
    }

    private static IEnumerable<SourceRow> Rows(IEnumerable<SourceRow> rows, string fileName, int maxRows)
    {
        using var enumerator = rows.GetEnumerator();
        var count = 0;
        while (true)
        {
            SourceRow row;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                row = enumerator.Current;
            }
            catch (Exception ex) when (Corrupt(ex))
            {
                throw Refusal(fileName, ex, count);
            }

            if (++count > maxRows)
            {
                throw new ExtractFileException(ExtractLimitReasons.TooManyRows,
                    $"{fileName}: mehr als {maxRows.ToString("N0", GermanValues.Culture)} Zeilen; die Datei wird nicht weiter gelesen.");
            }

            yield return row;
        }
    }

    /// <summary>
    /// Errors that say the bytes are not what the format promises: the file's fault, not the product's. Besides the
    /// parsers' own exceptions, ExcelDataReader answers some corrupt legacy .xls files with a NullReferenceException or
    /// an index error from deep inside; raised in its code, they mean a corrupt file too. The same errors raised in
    /// the product's own code stay failures (a bug to fix).
    /// </summary>
    private static bool Corrupt(Exception ex) => ex is CsvFormatException or XmlException or InvalidDataException
        or ExcelReaderException or DecoderFallbackException or FormatException or EndOfStreamException
        || (ex is NullReferenceException or IndexOutOfRangeException or ArgumentException or InvalidCastException or OverflowException
            && ex.TargetSite?.DeclaringType?.Assembly == typeof(IExcelDataReader).Assembly);

    private static ExtractFileException Refusal(string fileName, Exception ex, int rowsRead)
    {
        var where = rowsRead == 0 ? "" : $" nach {rowsRead.ToString(CultureInfo.InvariantCulture)} Zeilen";
        return ex is CsvFormatException && ex.Message.Contains("MaxRecordSize", StringComparison.Ordinal)
            ? new ExtractFileException(ExtractLimitReasons.RecordTooLong, $"{fileName}: eine Zeile{where} ist länger als erlaubt ({ex.Message}).", ex)
            : new ExtractFileException(FileReasons.Unreadable, $"{fileName}: beschädigt oder kein Extrakt des erwarteten Formats{where} ({ex.Message}).", ex);
    }
}
