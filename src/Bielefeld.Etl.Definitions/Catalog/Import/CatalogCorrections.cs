using System.Globalization;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>
/// Applies <c>korrekturen.yml</c> to an import, so a reviewer's decision survives the next import instead of being
/// overwritten by it. A correction whose <c>alt</c> no longer matches what the import gives is not applied but reported:
/// the plan text has changed under it and someone has to look again.
/// </summary>
public static class CatalogCorrections
{
    /// <summary>The file name beside <c>plan.yml</c>.</summary>
    public const string FileName = "korrekturen.yml";

    // Every key a correction may change, with how to read and write it on the catalog documents.
    private static readonly Dictionary<string, Field<MeasureDocument>> MeasureFields = new(StringComparer.Ordinal)
    {
        ["titel"] = new(m => m.Titel, (m, v) => m.Titel = Required(v)),
        ["handlungsfeld"] = new(m => m.Handlungsfeld, (m, v) => m.Handlungsfeld = v),
        ["zielgruppe"] = new(m => m.Zielgruppe, (m, v) => m.Zielgruppe = v),
        ["schwerpunktthema"] = new(m => m.Schwerpunktthema, (m, v) => m.Schwerpunktthema = v),
        ["datenquellen"] = new(m => m.Datenquellen, (m, v) => m.Datenquellen = v),
        ["aufwand.eur_pro_jahr"] = new(m => Text(m.Aufwand?.EurProJahr), (m, v) => (m.Aufwand ??= new CostDocument()).EurProJahr = Number(v)),
    };

    private static readonly Dictionary<string, Field<IndicatorDocument>> IndicatorFields = new(StringComparer.Ordinal)
    {
        ["bezeichnung"] = new(i => i.Bezeichnung, (i, v) => i.Bezeichnung = Required(v)),
        ["art"] = new(i => i.Art, (i, v) => i.Art = Required(v)),
        ["einheit"] = new(i => i.Einheit, (i, v) => i.Einheit = Required(v)),
        ["eltern"] = new(i => i.Eltern, (i, v) => i.Eltern = v),
        ["nachrichtlich"] = new(i => i.Nachrichtlich ? "true" : "false", (i, v) => i.Nachrichtlich = bool.Parse(Required(v))),
        ["datenquelle"] = new(i => i.Datenquelle, (i, v) => i.Datenquelle = v),
    };

    private static readonly Dictionary<string, Field<TargetDocument>> TargetFields = new(StringComparer.Ordinal)
    {
        ["ziel.vergleich"] = new(t => t.Vergleich, (t, v) => t.Vergleich = Required(v)),
        ["ziel.wert"] = new(t => Text(t.Wert), (t, v) => t.Wert = Number(v)),
        ["ziel.basis"] = new(t => Text(t.Basis), (t, v) => t.Basis = Number(v)),
        ["ziel.basis_einheit"] = new(t => t.BasisEinheit, (t, v) => t.BasisEinheit = v),
        ["ziel.basis_herkunft"] = new(t => t.BasisHerkunft, (t, v) => t.BasisHerkunft = Origin(v)),
        ["ziel.basis_wortlaut"] = new(t => t.BasisWortlaut, (t, v) => t.BasisWortlaut = v),
        ["ziel.stichtag"] = new(t => t.Stichtag, (t, v) => t.Stichtag = v),
        ["ziel.stichtag_herkunft"] = new(t => t.StichtagHerkunft, (t, v) => t.StichtagHerkunft = Origin(v)),
        ["ziel.zeitraum"] = new(t => t.Zeitraum, (t, v) => t.Zeitraum = Required(v)),
        ["ziel.wortlaut"] = new(t => t.Wortlaut, (t, v) => t.Wortlaut = v ?? ""),
    };

    /// <summary>Reads the corrections in <paramref name="catalogDirectory"/>; none when the file is absent.</summary>
    /// <exception cref="CatalogException">The file is not valid YAML of the expected shape.</exception>
    public static IReadOnlyList<CatalogCorrection> Read(string catalogDirectory)
    {
        var path = Path.Combine(catalogDirectory, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        return YamlProblem.Read<CorrectionsDocument>(path).Korrekturen;
    }

    /// <summary>
    /// Applies <paramref name="corrections"/> to the imported <paramref name="measures"/> in place and reports each one as a
    /// finding: applied, or stale because the import no longer gives <c>alt</c>.
    /// </summary>
    /// <exception cref="CatalogException">A correction names a code or key that does not exist, has no reason, or a value of the wrong type.</exception>
    public static IReadOnlyList<ImportFinding> Apply(IReadOnlyList<MeasureDocument> measures, IReadOnlyList<CatalogCorrection> corrections)
    {
        var findings = new List<ImportFinding>();
        var problems = new List<string>();
        foreach (var (correction, number) in corrections.Select((c, i) => (c, i + 1)))
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{FileName}, Korrektur {number} ({correction.Code} {correction.Feld})");
            if (string.IsNullOrWhiteSpace(correction.Grund))
            {
                problems.Add($"{where}: ohne Grund; jede Korrektur braucht eine Begründung für die nächste Prüfung.");
                continue;
            }

            var problem = Locate(measures, correction) switch
            {
                null => "weder eine Maßnahme noch ein Indikator dieses Codes.",
                { } target => Change(target, correction, findings),
            };
            if (problem is not null)
            {
                problems.Add($"{where}: {problem}");
            }
        }

        return problems.Count > 0 ? throw new CatalogException(problems) : findings;
    }

    private static object? Locate(IReadOnlyList<MeasureDocument> measures, CatalogCorrection correction)
    {
        if (measures.FirstOrDefault(m => m.Code == correction.Code) is { } measure)
        {
            return measure;
        }

        return measures.SelectMany(m => m.Indikatoren).FirstOrDefault(i => i.Code == correction.Code);
    }

    private static string? Change(object document, CatalogCorrection correction, List<ImportFinding> findings)
    {
        try
        {
            return document switch
            {
                MeasureDocument m when MeasureFields.TryGetValue(correction.Feld, out var field) => Change(m, field, correction, findings),
                IndicatorDocument i when IndicatorFields.TryGetValue(correction.Feld, out var field) => Change(i, field, correction, findings),
                IndicatorDocument i when TargetFields.TryGetValue(correction.Feld, out var field) => TargetOf(i, correction.Bereich) is { } t
                    ? Change(t, field, correction, findings)
                    : $"{i.Code} hat kein Ziel{(correction.Bereich is null ? "" : " für " + correction.Bereich)}.",
                MeasureDocument => $"unbekanntes Feld einer Maßnahme; möglich sind {string.Join(", ", MeasureFields.Keys)}.",
                _ => $"unbekanntes Feld eines Indikators; möglich sind {string.Join(", ", IndicatorFields.Keys.Concat(TargetFields.Keys))}.",
            };
        }
        catch (FormatException ex)
        {
            return $"der neue Wert '{correction.Neu}' passt nicht: {ex.Message}";
        }
    }

    private static string? Change<T>(T document, Field<T> field, CatalogCorrection correction, List<ImportFinding> findings)
    {
        var imported = Empty(field.Get(document));
        if (!SameValue(imported, Empty(correction.Alt)))
        {
            findings.Add(new ImportFinding(correction.Code,
                $"Korrektur von {correction.Feld} nicht angewandt: der Import liefert jetzt „{imported}“, die Korrektur erwartet „{Empty(correction.Alt)}“. Bitte neu prüfen."));
            return null;
        }

        field.Set(document, Empty(correction.Neu) is { Length: > 0 } value ? value : null);
        findings.Add(new ImportFinding(correction.Code,
            $"Korrektur angewandt: {correction.Feld} „{imported}“ → „{Empty(correction.Neu)}“ ({correction.Grund}{(correction.Von is null ? "" : ", " + correction.Von)})."));
        return null;
    }

    private static TargetDocument? TargetOf(IndicatorDocument indicator, string? area) =>
        area is null ? indicator.Ziele.FirstOrDefault()
        : indicator.Ziele.FirstOrDefault(t => (t.Bereiche.Count > 0 ? Area.SetCode(t.Bereiche) : t.Bereich ?? Area.CityCode) == area);

    // Numbers compare by value, so "97" matches an imported 97.0.
    private static bool SameValue(string a, string b) =>
        a == b || (decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x)
                   && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y) && x == y);

    private static string Empty(string? value) => value?.Trim() ?? "";

    private static string Required(string? value) => value ?? throw new FormatException("ein Wert ist nötig.");

    private static string? Origin(string? value) =>
        value is null or "plan" or "angenommen" ? value : throw new FormatException("plan oder angenommen ist nötig.");

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal? Number(string? value) =>
        value is null ? null
        : decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number
        : throw new FormatException("eine Zahl mit Punkt als Dezimaltrenner ist nötig.");

    private sealed record Field<T>(Func<T, string?> Get, Action<T, string?> Set);
}
