using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.German;
using ExcelDataReader;

namespace Bielefeld.Etl.Sources.Workbooks;

/// <summary>
/// Moves a workbook reader to the sheet a pipeline reads: the contract's name, compared without case and with spaces
/// normalised (<see cref="GermanLabel"/>), or one of the other names the pipeline file allows (<c>sheet_aliases</c>),
/// noted as <see cref="NormalisationCodes.SheetAlias"/>. Two allowed sheets in one workbook refuse the file: which one
/// holds the figures would be guessed.
/// </summary>
public static class SheetChoice
{
    /// <summary>Positions <paramref name="excel"/> on the sheet and returns its name as the workbook spells it.</summary>
    /// <exception cref="ExtractFileException">No allowed sheet (<c>BLATT_FEHLT</c>) or more than one (<c>BLATT_MEHRDEUTIG</c>).</exception>
    public static string MoveTo(
        IExcelDataReader excel, string fileName, string sheet, IReadOnlyList<string> aliases, NormalisationProtocol protocol)
    {
        var names = new List<string>();
        do
        {
            names.Add(excel.Name ?? "");
        }
        while (excel.NextResult());

        var index = names.FindIndex(n => Same(n, sheet));
        if (index < 0)
        {
            var allowed = names.Select((n, i) => (Name: n, Index: i)).Where(n => aliases.Any(a => Same(n.Name, a))).ToList();
            if (allowed.Count > 1)
            {
                throw new ExtractFileException(FileReasons.SheetAmbiguous,
                    $"{fileName}: die Blätter {string.Join(" und ", allowed.Select(a => $"'{a.Name}'"))} kommen beide als '{sheet}' in Frage; welches gilt, wäre geraten.");
            }

            if (allowed.Count == 0)
            {
                var more = aliases.Count == 0 ? "" : $" oder {string.Join(", ", aliases.Select(a => $"'{a}'"))}";
                throw new ExtractFileException(FileReasons.SheetMissing,
                    $"{fileName}: das Blatt '{sheet}'{more} fehlt (vorhanden: {string.Join(", ", names)}).");
            }

            index = allowed[0].Index;
            protocol.Add(NormalisationCodes.SheetAlias, names[index], $"Blatt '{names[index]}' als '{sheet}' gelesen (sheet_aliases der Pipeline)", names[index], null, null);
        }
        else if (!string.Equals(names[index], sheet, StringComparison.Ordinal))
        {
            protocol.Add(NormalisationCodes.SheetAlias, names[index], $"Blatt '{names[index]}' als '{sheet}' gelesen", names[index], null, null);
        }

        excel.Reset();
        for (var i = 0; i < index; i++)
        {
            excel.NextResult();
        }

        return names[index];
    }

    private static bool Same(string name, string wanted) =>
        string.Equals(GermanLabel.Normalise(name), GermanLabel.Normalise(wanted), StringComparison.OrdinalIgnoreCase);
}
