using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.Einwohnermeldeamt;

/// <summary>One count row, checked: its district, quarter (known or not), age band (or the control-total label), sex, migration background and count.</summary>
internal sealed record EinwohnermeldeamtRowValues(string DistrictCode, string QuarterName, string? QuarterCode, string AgeBand, string Sex, string Migration, long Count)
{
    /// <summary>Whether the row is a control total rather than a detail row.</summary>
    public bool IsTotal { get; init; }

    /// <summary>
    /// Reads and checks a record; null when it has problems. A Stichtag other than the file's throws: the file contradicts
    /// itself. <paramref name="quarters"/> finds the quarter by name (the pass's cache of the catalog's quarters).
    /// </summary>
    public static EinwohnermeldeamtRowValues? Parse(CsvRecord record, EinwohnermeldeamtMapping mapping, AreaNames quarters, DateOnly referenceDate, string fileName)
    {
        if (record.Date(EinwohnermeldeamtMapping.Stichtag, required: true) is { } date && date != referenceDate)
        {
            throw new Loading.ExtractFileException(EinwohnermeldeamtReasons.ReferenceDateContradiction,
                $"{fileName}: Zeile {record.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)} nennt den Stichtag {GermanValues.Format(date)}, der Dateiname {GermanValues.Format(referenceDate)}.");
        }

        var district = District(record, mapping);
        var quarterName = record.Required(EinwohnermeldeamtMapping.Quartier);
        var quarter = quarterName is null ? null : quarters.Find(quarterName);
        if (quarter is not null && district is not null && quarter.ParentCode != district.Code)
        {
            record.Reject(EinwohnermeldeamtMapping.Quartier, EinwohnermeldeamtReasons.QuarterNotInDistrict,
                $"{quarter.Name} liegt in {mapping.Areas.Find(quarter.ParentCode!)?.Name}, nicht in {district.Name}.");
        }

        var band = record.Required(EinwohnermeldeamtMapping.Altersgruppe);
        var isTotal = band is not null && string.Equals(band, mapping.Options.TotalLabel, StringComparison.OrdinalIgnoreCase);
        if (band is not null && !isTotal && !mapping.Bands.ContainsKey(band))
        {
            record.Reject(EinwohnermeldeamtMapping.Altersgruppe, EinwohnermeldeamtReasons.UnknownAgeBand,
                $"'{band}' ist keine vereinbarte Altersgruppe ({string.Join(", ", mapping.Options.AgeBands)}).");
        }

        var sex = record.Code(EinwohnermeldeamtMapping.Geschlecht, EinwohnermeldeamtMapping.Sexes, required: true);
        var migration = record.Code(EinwohnermeldeamtMapping.Migrationshintergrund, EinwohnermeldeamtMapping.YesNo, required: true);
        var count = record.Count(EinwohnermeldeamtMapping.Anzahl, required: true);
        return record.HasProblems
            ? null
            : new EinwohnermeldeamtRowValues(district!.Code, quarterName!, quarter?.Code, band!, sex!, migration!, count!.Value) { IsTotal = isTotal };
    }

    private static Area? District(CsvRecord record, EinwohnermeldeamtMapping mapping)
    {
        var number = record.Required(EinwohnermeldeamtMapping.BezirkNr);
        var name = record.Required(EinwohnermeldeamtMapping.Bezirk);
        if (number is null)
        {
            return null;
        }

        var area = number.Length == 2 ? mapping.Areas.Find($"{Area.CityCode}-{number}") : null;
        if (area is null || area.Level != AreaLevel.District)
        {
            record.Reject(EinwohnermeldeamtMapping.BezirkNr, EinwohnermeldeamtReasons.UnknownDistrictNumber, $"'{number}' ist keine Stadtbezirksnummer (01 bis 10).");
            return null;
        }

        if (name is not null && !string.Equals(name, area.Name, StringComparison.OrdinalIgnoreCase))
        {
            record.Reject(EinwohnermeldeamtMapping.Bezirk, EinwohnermeldeamtReasons.DistrictContradiction, $"Stadtbezirk {number} heißt {area.Name}, nicht '{name}'.");
        }

        return area;
    }
}
