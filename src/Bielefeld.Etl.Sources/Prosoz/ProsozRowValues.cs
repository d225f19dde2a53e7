using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.Prosoz;

/// <summary>One case row, checked; the rates read its fields through the record. Problems are recorded on the record.</summary>
internal sealed record ProsozRowValues(string CaseNumber, string? DistrictCode, ProsozDates Dates)
{
    private static readonly string[] YesNo = ["J", "N"];
    private static readonly string[] Places = ["oertlich", "auswaertig"];

    /// <summary>Reads and checks a record; null when it has problems. <paramref name="districts"/> finds a district by name (the pass's cache).</summary>
    public static ProsozRowValues? Parse(CsvRecord record, ProsozMapping mapping, AreaNames districts, DateOnly exportDate)
    {
        var caseNumber = record.Required(ProsozMapping.Fallnummer);
        record.Code(ProsozMapping.Paragraph, mapping.Options.Paragraphs, ProsozReasons.UnknownParagraph, required: true);
        var residential = record.Code(ProsozMapping.Stationaer, YesNo, required: true);
        var place = record.Code(ProsozMapping.Unterbringung, Places);
        if (residential == "J" && record[ProsozMapping.Unterbringung] is null)
        {
            record.Reject(ProsozMapping.Unterbringung, ProsozReasons.AccommodationMissing, "Stationäre Hilfe: 'oertlich' oder 'auswaertig' eintragen.");
        }
        else if (residential == "N" && place is not null)
        {
            record.Reject(ProsozMapping.Unterbringung, ProsozReasons.AccommodationWithoutResidential, $"'{place}' bei nicht stationärer Hilfe.");
        }

        var dates = new ProsozDates();
        for (var i = 0; i < ProsozMapping.DateColumns.Length; i++)
        {
            var column = ProsozMapping.DateColumns[i];
            if (record.Date(column, required: column == ProsozMapping.Hilfebeginn) is { } date)
            {
                dates.Set(i, date);
                if (date > exportDate)
                {
                    record.Reject(column, CsvReasons.DateAfterExport, $"{GermanValues.Format(date)} liegt nach dem Exportdatum {GermanValues.Format(exportDate)}.");
                }
            }
        }

        if (dates.TryGetValue(ProsozMapping.Hilfebeginn, out var start) && dates.TryGetValue(ProsozMapping.Hilfeende, out var end) && end < start)
        {
            record.Reject(ProsozMapping.Hilfeende, ProsozReasons.EndBeforeStart, $"Hilfeende {GermanValues.Format(end)} liegt vor dem Hilfebeginn {GermanValues.Format(start)}.");
        }

        var district = ResolveDistrict(record, mapping, districts);
        record.Code(ProsozMapping.Anbieterdatenbank, YesNo);
        record.Code(ProsozMapping.VerfahrenNeu, YesNo);
        record.Count(ProsozMapping.ZieleSmart);
        if ((record[ProsozMapping.HilfeplanDatum] is null) != (record[ProsozMapping.ZieleSmart] is null))
        {
            var missing = record[ProsozMapping.HilfeplanDatum] is null ? ProsozMapping.HilfeplanDatum : ProsozMapping.ZieleSmart;
            record.Reject(missing, ProsozReasons.HelpPlanIncomplete, $"'{missing}' fehlt; zu einem Hilfeplanprotokoll gehört die Zahl der SMART-Ziele.");
        }

        return record.HasProblems ? null : new ProsozRowValues(caseNumber!, district, dates);
    }

    private static string? ResolveDistrict(CsvRecord record, ProsozMapping mapping, AreaNames districts)
    {
        var name = record.Required(ProsozMapping.Stadtbezirk);
        if (name is null || string.Equals(name, mapping.Options.UnknownDistrict, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (districts.Find(name) is { } area)
        {
            return area.Code;
        }

        record.Reject(ProsozMapping.Stadtbezirk, ProsozReasons.UnknownDistrict,
            $"'{name}' ist keiner der zehn Stadtbezirke (config/bereiche.yml) und nicht '{mapping.Options.UnknownDistrict}'.");
        return null;
    }
}

/// <summary>
/// The dates of a case by column (<see cref="ProsozMapping.DateColumns"/>), those given: four slots in one small
/// object per row instead of a dictionary.
/// </summary>
internal sealed class ProsozDates
{
    private readonly DateOnly?[] _dates = new DateOnly?[ProsozMapping.DateColumns.Length];

    public void Set(int index, DateOnly date) => _dates[index] = date;

    /// <summary>The date of <paramref name="column"/> (ordinal), if the case has one.</summary>
    public bool TryGetValue(string column, out DateOnly date)
    {
        var index = Array.IndexOf(ProsozMapping.DateColumns, column);
        date = index >= 0 && _dates[index] is { } d ? d : default;
        return index >= 0 && _dates[index] is not null;
    }
}
