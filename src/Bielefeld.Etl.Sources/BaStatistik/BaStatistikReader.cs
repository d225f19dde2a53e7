using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.BaStatistik;

/// <summary>
/// Reads both shapes of the Statistik der Bundesagentur für Arbeit: monthly tables
/// (<c>BA_&lt;Kürzel&gt;_&lt;AGS&gt;_&lt;yyyyMM&gt;.xlsx</c> or legacy <c>.xls</c>) and special evaluations
/// (<c>BA_SA_&lt;Thema&gt;_&lt;yyyyMMdd&gt;.csv</c>). Both deliver per value with a Datenstand: a later Datenstand for the
/// same indicator, month and area supersedes an earlier one whatever order the files arrive in, also across the two
/// shapes, because both write the same series (<see cref="SeriesKey"/>) under the same pipeline.
/// </summary>
public sealed class BaStatistikReader : IExtractReader
{
    /// <summary>The reader's name in pipeline files.</summary>
    public const string Name = "ba-statistik";

    private readonly BaTableReader _tables;
    private readonly BaLongCsvReader _specialEvaluations;

    private BaStatistikReader(BaTableReader tables, BaLongCsvReader specialEvaluations)
    {
        _tables = tables;
        _specialEvaluations = specialEvaluations;
    }

    /// <summary>Creates the reader from the pipeline's <c>ba:</c> section, checked against the catalog.</summary>
    public static BaStatistikReader Create(PipelineDefinition pipeline, SourceContext context)
    {
        var options = pipeline.ReadSection<BaStatistikOptions>("ba");
        var mapping = BaStatistikMapping.Build(options, context.Plan, pipeline.FilePath);
        return new BaStatistikReader(new BaTableReader(pipeline.Name, mapping), new BaLongCsvReader(pipeline.Name, mapping, context.Areas));
    }

    /// <summary>The series every BA value of an indicator belongs to, whichever file shape delivered it.</summary>
    public static string SeriesKey(string indicatorCode) => "BA:" + indicatorCode;

    /// <inheritdoc />
    public ExtractReading Open(string path)
    {
        var extension = Path.GetExtension(path);
        if (string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return _specialEvaluations.Open(path);
        }

        if (string.Equals(extension, ".xlsx", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".xls", StringComparison.OrdinalIgnoreCase))
        {
            return _tables.Open(path);
        }

        throw new ExtractFileException(FileReasons.UnexpectedName,
            $"{Path.GetFileName(path)}: erwartet wird BA_<Kürzel>_<AGS>_<JJJJMM>.xlsx/.xls (Monatstabelle) oder BA_SA_<Thema>_<JJJJMMTT>.csv (Sonderauswertung).");
    }
}
