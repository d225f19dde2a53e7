using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.Rekom;

/// <summary>One participant row, checked: its project, school type, dates and destination. Problems are recorded on the record.</summary>
internal sealed record RekomRowValues(
    int Line, string TnId, RekomProject Project, string? SchoolType, DateOnly Entry, DateOnly? Exit, string? Destination, DateOnly? DestinationDate)
{
    /// <summary>Reads and checks a record; null when it has problems (then <see cref="CsvRecord.Problems"/> says which).</summary>
    public static RekomRowValues? Parse(CsvRecord record, RekomMapping mapping, DateOnly exportDate)
    {
        var tnId = record.Required(RekomMapping.TnId);
        var projectCode = record.Required(RekomMapping.Projekt);
        RekomProject? project = null;
        if (projectCode is not null && mapping.Projects.TryGetValue(projectCode, out var known))
        {
            project = known.Project;
        }
        else if (projectCode is not null)
        {
            record.Reject(RekomMapping.Projekt, RekomReasons.UnknownProject,
                $"Das Projekt '{projectCode}' ist nicht bekannt (bekannt: {string.Join(", ", mapping.Projects.Keys)}).");
        }

        var schoolType = record.Code(RekomMapping.Schulform, mapping.Options.SchoolTypes, RekomReasons.UnknownSchoolType);
        if (project is { SchoolTypes.Count: > 0 } && record[RekomMapping.Schulform] is null)
        {
            record.Reject(RekomMapping.Schulform, RekomReasons.UnknownSchoolType,
                $"Für {project.Code} zählt die Schulform ({string.Join(", ", project.SchoolTypes)}); sie fehlt.");
        }

        var entry = record.Date(RekomMapping.Eintritt, required: true);
        var exit = record.Date(RekomMapping.Austritt);
        var destination = record.Code(RekomMapping.Verbleib, mapping.Options.Destinations, RekomReasons.UnknownDestination);
        var destinationDate = record.Date(RekomMapping.VerbleibDatum);

        if (entry is { } e && exit is { } x && x < e)
        {
            record.Reject(RekomMapping.Austritt, RekomReasons.ExitBeforeEntry,
                $"Austritt {GermanValues.Format(x)} liegt vor dem Eintritt {GermanValues.Format(e)}.");
        }

        if (record[RekomMapping.Verbleib] is not null && record[RekomMapping.Austritt] is null)
        {
            record.Reject(RekomMapping.Verbleib, RekomReasons.DestinationWithoutExit,
                $"Verbleib '{record[RekomMapping.Verbleib]}' ohne Austrittsdatum: ein Verbleib folgt erst dem Austritt.");
        }

        if ((record[RekomMapping.Verbleib] is null) != (record[RekomMapping.VerbleibDatum] is null))
        {
            var missing = record[RekomMapping.Verbleib] is null ? RekomMapping.Verbleib : RekomMapping.VerbleibDatum;
            record.Reject(missing, RekomReasons.DestinationIncomplete, $"'{missing}' fehlt; Verbleib und Verbleib_Datum gehören zusammen.");
        }

        NotAfterExport(record, RekomMapping.Eintritt, entry, exportDate);
        NotAfterExport(record, RekomMapping.Austritt, exit, exportDate);
        NotAfterExport(record, RekomMapping.VerbleibDatum, destinationDate, exportDate);
        return record.HasProblems ? null : new RekomRowValues(record.Line, tnId!, project!, schoolType, entry!.Value, exit, destination, destinationDate);
    }

    private static void NotAfterExport(CsvRecord record, string column, DateOnly? date, DateOnly exportDate)
    {
        if (date is { } d && d > exportDate)
        {
            record.Reject(column, CsvReasons.DateAfterExport, $"{GermanValues.Format(d)} liegt nach dem Exportdatum {GermanValues.Format(exportDate)}.");
        }
    }
}
