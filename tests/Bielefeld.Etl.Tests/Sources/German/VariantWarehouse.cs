using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Tests.Sources.German;

/// <summary>
/// One pipeline's files loaded by the real run into a fresh SQLite warehouse file, with the shipped pipeline files
/// (optionally one edited, as a steward would edit it): what landed in the fact, and what the load protocol noted.
/// </summary>
public sealed class VariantWarehouse : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public VariantWarehouse(string pipeline) => Pipeline = pipeline;

    public string Pipeline { get; }

    /// <summary>The pipeline's inbox folder, to write the files into.</summary>
    public string Inbox => Directory.CreateDirectory(Path.Combine(_dir.Path, "inbox", Pipeline)).FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    /// <summary>Runs the pipeline; <paramref name="edit"/> changes its YAML text first (e.g. allows a sheet alias).</summary>
    public async Task<Loaded> LoadAsync(Func<string, string>? edit = null)
    {
        var pipelines = Directory.CreateDirectory(Path.Combine(_dir.Path, "pipelines")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.Pipelines, "*.yml"))
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            var own = Path.GetFileNameWithoutExtension(file) == Pipeline && edit is not null;
            await File.WriteAllTextAsync(Path.Combine(pipelines, Path.GetFileName(file)), own ? edit!(text) : text, TestContext.Current.CancellationToken);
        }

        var warehouse = new SqliteWarehouse($"Data Source={Path.Combine(_dir.Path, "warehouse.db")}", TimeProvider.System);
        var run = PipelineRun.Prepare(
            new EtlOptions(Path.Combine(_dir.Path, "inbox"), pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings(warehouse.Name, "")),
            warehouse, NullLogger.Instance, TimeProvider.System);
        var summary = await run.RunAsync([Pipeline], null, TestContext.Current.CancellationToken);
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var facts = (await connection.QueryAsync<(string Indicator, string Month, string Area, string Series, double? Value)>(
            "SELECT indikator_code, monat, bereich_code, serie, wert FROM fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL ORDER BY 1, 2, 3, 4")).ToList();
        var notes = (await connection.QueryAsync<(string File, string Code, string Message, long Count)>(
            "SELECT f.datei, n.code, n.meldung, n.anzahl FROM load_normalisierung n JOIN load_file f ON f.datei_id = n.datei_id ORDER BY f.datei, n.nr")).ToList();
        return new Loaded(summary.Files, facts, notes);
    }

    public sealed record Loaded(
        IReadOnlyList<FileLoadResult> Files,
        IReadOnlyList<(string Indicator, string Month, string Area, string Series, double? Value)> Facts,
        IReadOnlyList<(string File, string Code, string Message, long Count)> Notes)
    {
        /// <summary>Read, loaded, rejected and skipped rows over all files.</summary>
        public (int Read, int Loaded, int Rejected, int Skipped) Counts =>
            (Files.Sum(f => f.Counts.Read), Files.Sum(f => f.Counts.Loaded), Files.Sum(f => f.Counts.Rejected), Files.Sum(f => f.Counts.Skipped));

        public double Sum(string indicator) => Facts.Where(f => f.Indicator == indicator).Sum(f => f.Value ?? 0);
    }
}
