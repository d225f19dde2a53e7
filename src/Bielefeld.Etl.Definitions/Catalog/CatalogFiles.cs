using System.Globalization;
using System.Text;
using Bielefeld.Etl.Catalog;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bielefeld.Etl.Definitions.Catalog;

/// <summary>
/// Reads and writes the catalog directory <c>config/plan/&lt;year&gt;/</c>: <c>plan.yml</c> plus one file per measure
/// under <c>massnahmen/</c>, so that a reviewer diffs one measure at a time.
/// </summary>
public static class CatalogFiles
{
    private const string PlanFile = "plan.yml";
    private const string MeasureFolder = "massnahmen";

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .WithQuotingNecessaryStrings()
        .WithEventEmitter(next => new LiteralBlockEmitter(next))
        .Build();

    /// <summary>Reads and validates the catalog in <paramref name="directory"/>.</summary>
    /// <exception cref="CatalogException">The files are missing, malformed or inconsistent.</exception>
    public static PlanCatalog Read(string directory)
    {
        var planPath = Path.Combine(directory, PlanFile);
        if (!File.Exists(planPath))
        {
            throw new CatalogException([$"{planPath} fehlt: kein Plankatalog in {directory}."]);
        }

        PlanDocument plan;
        try
        {
            plan = ReadDocument<PlanDocument>(planPath);
        }
        catch (FormatException ex)
        {
            throw new CatalogException([ex.Message]);
        }

        var measureDir = Path.Combine(directory, MeasureFolder);
        var files = Directory.Exists(measureDir)
            ? Directory.GetFiles(measureDir, "*.yml").Order(StringComparer.Ordinal).ToArray()
            : [];
        var problems = new List<string>();
        var measures = new List<Measure>();
        foreach (var file in files)
        {
            try
            {
                measures.Add(ToMeasure(ReadDocument<MeasureDocument>(file), plan.Jahr, Path.GetFileName(file)));
            }
            catch (Exception ex) when (ex is FormatException or YamlException)
            {
                problems.Add(ex.Message);
            }
        }

        // Plan order where plan.yml gives it; measures it does not list follow in code order.
        var position = plan.Reihenfolge.Select((code, i) => (code, i)).ToDictionary(p => p.code, p => p.i, StringComparer.Ordinal);
        measures = [.. measures.OrderBy(m => position.GetValueOrDefault(m.Code, int.MaxValue))];
        return problems.Count > 0 ? throw new CatalogException(problems) : new PlanCatalog(plan.Jahr, measures);
    }

    /// <summary>The file of the measure <paramref name="measureCode"/> in the catalog <paramref name="directory"/>.</summary>
    public static string MeasurePath(string directory, string measureCode) => Path.Combine(directory, MeasureFolder, measureCode + ".yml");

    /// <summary>Writes the catalog files; the same documents always give the same bytes.</summary>
    public static void Write(string directory, PlanDocument plan, IEnumerable<MeasureDocument> measures)
    {
        var measureDir = Path.Combine(directory, MeasureFolder);
        Directory.CreateDirectory(measureDir);
        WriteDocument(Path.Combine(directory, PlanFile), plan);
        foreach (var measure in measures)
        {
            WriteDocument(MeasurePath(directory, measure.Code), measure);
        }
    }

    private static T ReadDocument<T>(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        try
        {
            return YamlProblem.Strict.Deserialize<T>(text)
                ?? throw new FormatException($"{path}: Datei ist leer.");
        }
        catch (YamlException ex)
        {
            throw new FormatException(YamlProblem.Describe(path, ex, text), ex);
        }
    }

    private static void WriteDocument<T>(string path, T document)
    {
        var text = "# Plankatalog – geprüft und freigegeben wird diese Datei per Review; Erläuterung: docs/catalog.md\n"
            + Serializer.Serialize(document!).ReplaceLineEndings("\n");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static Measure ToMeasure(MeasureDocument doc, int planYear, string file) =>
        new(doc.Code, doc.Titel, doc.Organisationseinheit)
        {
            PolicyArea = doc.Handlungsfeld,
            TargetGroup = doc.Zielgruppe,
            FocalTheme = doc.Schwerpunktthema,
            GuidingPrinciples = doc.Leitsaetze,
            CostEurosPerYear = doc.Aufwand?.EurProJahr,
            CostText = doc.Aufwand?.Text,
            Indicators = doc.Indikatoren.Select(i => ToIndicator(i, doc.Code, planYear, $"{file}, {i.Code}")).ToList(),
        };

    private static Indicator ToIndicator(IndicatorDocument doc, string measureCode, int planYear, string where) =>
        new(doc.Code, measureCode, doc.Bezeichnung, CatalogVocabulary.ParseKind(doc.Art, where), doc.Einheit)
        {
            ParentCode = doc.Eltern,
            Informational = doc.Nachrichtlich,
            DataSource = doc.Datenquelle,
            Targets = doc.Ziele.Select(t => ToTarget(t, planYear, where)).ToList(),
        };

    private static Target ToTarget(TargetDocument doc, int planYear, string where)
    {
        var comparator = CatalogVocabulary.ParseComparator(doc.Vergleich, where);
        DateOnly? deadline = doc.Stichtag is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new FormatException($"{where}: Stichtag '{text}' ist kein Datum der Form JJJJ-MM-TT.")
            : null;
        if (comparator is Comparator.AtLeast or Comparator.AtMost or Comparator.ReductionFromBaseline && doc.Wert is null)
        {
            throw new FormatException($"{where}: Vergleich '{doc.Vergleich}' braucht einen Wert.");
        }

        if (comparator == Comparator.DoneBy && deadline is null)
        {
            throw new FormatException($"{where}: Vergleich 'erledigt_bis' braucht einen Stichtag.");
        }

        if (doc.Bereich is not null && doc.Bereiche.Count > 0)
        {
            throw new FormatException($"{where}: ein Ziel hat entweder einen 'bereich' oder 'bereiche', nicht beides.");
        }

        if (doc.Bereiche.Count == 1)
        {
            throw new FormatException($"{where}: 'bereiche' nennt mehrere Bereiche, die zusammen ein Ziel haben; für einen Bereich 'bereich' verwenden.");
        }

        return new Target(comparator, doc.Wert, CatalogVocabulary.ParsePeriod(doc.Zeitraum, planYear, where), doc.Wortlaut)
        {
            Baseline = doc.Basis,
            BaselineStatedBy = CatalogVocabulary.ParseOrigin(doc.BasisHerkunft, where),
            BaselineUnit = doc.BasisEinheit,
            BaselineWording = doc.BasisWortlaut,
            Deadline = deadline,
            DeadlineStatedBy = CatalogVocabulary.ParseOrigin(doc.StichtagHerkunft, where),
            AreaCode = doc.Bereiche.Count > 0 ? Area.SetCode(doc.Bereiche) : doc.Bereich ?? Area.CityCode,
            AreaMembers = doc.Bereiche,
        };
    }
}
