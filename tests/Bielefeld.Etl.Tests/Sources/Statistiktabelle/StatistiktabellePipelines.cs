using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources;

namespace Bielefeld.Etl.Tests.Sources.Statistiktabelle;

/// <summary>The statistics-table pipelines the specs read, and the real official tables (only through <see cref="SharedData"/>).</summary>
public static class StatistiktabellePipelines
{
    /// <summary>The folder of pipelines that do not run by default (samples/pipelines).</summary>
    public static string SampleFolder => Path.Combine(RepositoryPaths.Root, "samples", "pipelines");

    /// <summary>The IT.NRW pipeline, table 13211-03ir for Köln.</summary>
    public static string ItNrw => Path.Combine(SampleFolder, "itnrw-arbeitslose.yml");

    /// <summary>The test-only pipeline for Statistikamt Nord's Stadtteilprofile.</summary>
    public static string StatistikamtNord =>
        Path.Combine(RepositoryPaths.Root, "tests", "Bielefeld.Etl.Tests", "Sources", "Statistiktabelle", "Pipelines", "statistikamt-nord-stadtteile.yml");

    public static string ItNrw2013 => SharedData.Require(Path.Combine("real-data", "ITNRW_13211-03ir_Arbeitslose_Koeln_monatlich_Stand2013-10-07.xls"));

    public static string ItNrw2014 => SharedData.Require(Path.Combine("real-data", "ITNRW_13211-03ir_Arbeitslose_Koeln_monatlich_Stand2014-07-21.xls"));

    public static string Hamburg => SharedData.Require(Path.Combine("real-data", "StatistikamtNord_Stadtteilprofile_2014_Hamburg.xlsx"));

    public static IExtractReader Reader(string pipelineFile) =>
        SourceReaders.Create(PipelineFiles.Read(pipelineFile), new SourceContext(KafPipeline.Catalog, KafPipeline.Areas));

    /// <summary>Every row of <paramref name="path"/> and the scope once they are read.</summary>
    public static (List<SourceRow> Rows, DeliveryScope Scope, string? Sheet) ReadAll(IExtractReader reader, string path)
    {
        using var reading = reader.Open(path);
        var rows = reading.Rows.ToList();
        return (rows, reading.Scope, reading.Sheet);
    }

    /// <summary>Rows read, loaded, rejected, skipped.</summary>
    public static RowCounts Counts(IReadOnlyList<SourceRow> rows) => new(
        rows.Count, rows.Count(r => r is SourceRow.Accepted), rows.Count(r => r is SourceRow.Rejected), rows.Count(r => r is SourceRow.Skipped));

    /// <summary>Every observation, by indicator, month (yyyy-MM) and area.</summary>
    public static Dictionary<(string Indicator, string Month, string Area), Observation> Values(IEnumerable<SourceRow> rows) =>
        rows.OfType<SourceRow.Accepted>().SelectMany(r => r.Observations)
            .ToDictionary(o => (o.IndicatorCode, o.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), o.AreaCode));
}
