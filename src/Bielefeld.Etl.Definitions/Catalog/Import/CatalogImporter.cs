using System.Globalization;
using System.Text;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>
/// Imports the text export of the plan document into the reviewable catalog files (<c>config/plan/&lt;year&gt;/</c>):
/// parses it (<see cref="PlanDocumentParser"/>), splits indicators (<see cref="IndicatorSplitter"/>), types targets
/// (<see cref="TargetInterpreter"/>) and costs (<see cref="CostInterpreter"/>), and writes the files with
/// <see cref="CatalogFiles.Write"/>. The same document always gives the same bytes.
/// </summary>
public static class CatalogImporter
{
    /// <summary>
    /// Imports <paramref name="planTextPath"/> into <paramref name="outputDirectory"/>, replacing the measure files there,
    /// and re-applies the reviewers' corrections from the <c>korrekturen.yml</c> there (see <see cref="CatalogCorrections"/>).
    /// </summary>
    /// <returns>The findings for the reviewer: the import's in plan order, then one per correction.</returns>
    /// <exception cref="CatalogException">A correction is invalid; no file is written then.</exception>
    public static IReadOnlyList<ImportFinding> Import(string planTextPath, string outputDirectory)
    {
        var import = Convert(File.ReadAllText(planTextPath, Encoding.UTF8), Path.GetFileName(planTextPath));
        var corrected = CatalogCorrections.Apply(import.Measures, CatalogCorrections.Read(outputDirectory));
        var measureDir = Path.Combine(outputDirectory, "massnahmen");
        if (Directory.Exists(measureDir))
        {
            foreach (var stale in Directory.GetFiles(measureDir, "*.yml"))
            {
                File.Delete(stale);
            }
        }

        CatalogFiles.Write(outputDirectory, import.Plan, import.Measures);
        return [.. import.Findings, .. corrected];
    }

    /// <summary>Converts the plan text into catalog documents and findings without touching the file system.</summary>
    public static CatalogImport Convert(string planText, string sourceName)
    {
        var plan = PlanDocumentParser.Parse(planText);
        var findings = new List<ImportFinding>();
        CompareWithContents(plan, findings);
        var measures = plan.Measures.Select(m => ToDocument(m, plan.Year, findings)).ToList();
        LinkParentsByName(measures, findings);
        return new CatalogImport(new PlanDocument { Jahr = plan.Year, Titel = plan.Title, Quelle = sourceName, Reihenfolge = [.. measures.Select(m => m.Code)] }, measures, findings);
    }

    private static void CompareWithContents(PlanText plan, List<ImportFinding> findings)
    {
        var contents = plan.Contents.ToDictionary(c => c.Code, StringComparer.Ordinal);
        foreach (var measure in plan.Measures)
        {
            if (!contents.TryGetValue(measure.Code, out var entry))
            {
                findings.Add(new ImportFinding(measure.Code, "Fehlt im Inhaltsverzeichnis; übernommen aus dem Text des Plans."));
            }
            else if (!string.Equals(entry.Title, measure.Title, StringComparison.Ordinal))
            {
                findings.Add(new ImportFinding(measure.Code, $"Titel im Inhaltsverzeichnis „{entry.Title}“ weicht vom Text ab; übernommen ist der Titel im Text „{measure.Title}“."));
            }
        }

        foreach (var missing in plan.Contents.Where(c => plan.Measures.All(m => m.Code != c.Code)))
        {
            findings.Add(new ImportFinding(missing.Code, "Steht im Inhaltsverzeichnis, fehlt aber im Text; nicht übernommen."));
        }
    }

    private static MeasureDocument ToDocument(MeasureText measure, int year, List<ImportFinding> findings)
    {
        var drafts = IndicatorSplitter.Split(measure.Code, measure.Cell(PlanRow.Indikator), measure.Cell(PlanRow.Zielwert), findings);
        var sources = DataSources(measure.Cell(PlanRow.Datenquellen), drafts.Count);
        var indicators = new List<IndicatorDocument>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"{measure.Code}.{i + 1}");
            var document = TargetInterpreter.Interpret(code, drafts[i], year, sources[i], measure, findings);
            if (drafts[i].ParentIndex is { } parent)
            {
                document.Eltern = string.Create(CultureInfo.InvariantCulture, $"{measure.Code}.{parent + 1}");
            }
            else if (drafts[i].ParentName is { } parentName)
            {
                document.Eltern = "name:" + parentName;
            }

            indicators.Add(document);
        }

        return new MeasureDocument
        {
            Code = measure.Code,
            Titel = measure.Title,
            Organisationseinheit = measure.Code[..measure.Code.IndexOf('-', StringComparison.Ordinal)],
            Handlungsfeld = measure.PolicyArea,
            Zielgruppe = measure.TargetGroup,
            Schwerpunktthema = measure.FocalTheme,
            Leitsaetze = [.. measure.Principles],
            Zielsetzung = PlainOrNull(measure.Cell(PlanRow.Zielsetzung)),
            Massnahmen = PlainOrNull(measure.Cell(PlanRow.Massnahmen)),
            Umsetzungsschritte = PlainOrNull(measure.Cell(PlanRow.Umsetzungsschritte)),
            Datenquellen = PlainOrNull(measure.Cell(PlanRow.Datenquellen)),
            Aufwand = CostInterpreter.Interpret(measure.Cell(PlanRow.Aufwand)),
            Indikatoren = indicators,
        };
    }

    // One source per indicator where the Datenquellen cell lists as many items as there are indicators; else the
    // whole cell for every indicator. "-" means none.
    private static string?[] DataSources(string cell, int count)
    {
        var blocks = CellText.Blocks(cell).Where(b => b.Text != "-").ToList();
        if (blocks.Count == count && count > 1)
        {
            return blocks.Select(b => (string?)b.Text).ToArray();
        }

        var joined = blocks.Count == 0 ? null : string.Join("; ", blocks.Select(b => b.Text));
        return Enumerable.Repeat(joined, count).ToArray();
    }

    // "Darunter-Wert von „X“" names its parent: the indicator called X, first in the same measure, else anywhere in the plan.
    private static void LinkParentsByName(List<MeasureDocument> measures, List<ImportFinding> findings)
    {
        foreach (var measure in measures)
        {
            foreach (var indicator in measure.Indikatoren.Where(i => i.Eltern?.StartsWith("name:", StringComparison.Ordinal) == true))
            {
                var name = indicator.Eltern!["name:".Length..];
                var parent = measure.Indikatoren.Concat(measures.SelectMany(m => m.Indikatoren))
                    .FirstOrDefault(i => i != indicator && string.Equals(i.Bezeichnung, name, StringComparison.Ordinal) && i.Eltern is null);
                indicator.Eltern = parent?.Code;
                if (parent is null)
                {
                    findings.Add(new ImportFinding(indicator.Code, $"Darunter-Wert von „{name}“: kein Indikator dieses Namens gefunden."));
                }
                else if (!parent.Code.StartsWith(measure.Code + ".", StringComparison.Ordinal))
                {
                    findings.Add(new ImportFinding(indicator.Code, $"Darunter-Wert von {parent.Code} („{name}“) aus einer anderen Maßnahme."));
                }
            }
        }
    }

    private static string? PlainOrNull(string cell) => CellText.Plain(cell) is { Length: > 0 } text ? text : null;
}
