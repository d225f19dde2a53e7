using System.Data.Common;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// Configuration is an attack surface: every configurable string that names something (pipeline name, inbox, reader,
/// files pattern) is checked against an allow-list; every other string (catalog texts, area names, Merkmal labels,
/// values read from files) reaches SQL only as a parameter and is stored verbatim. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class ConfigurationInjectionSpecs : IDisposable
{

    protected TemporaryDirectory Dir { get; } = new();

    protected abstract string Tables { get; }

    public virtual void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<WarehouseProvider> WarehouseAsync();

    protected abstract Task<List<string>> TableNamesAsync(DbConnection connection);

    private static string Hostile(string table) => "x'); DROP TABLE " + table + "; --\"$$ ]] \\ ; SELECT 1/0";

    private static string CsvField(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Yaml(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    [Theory]
    [InlineData("name", "kaf'; DROP TABLE load_file; --")]
    [InlineData("inbox", "../../etc")]
    [InlineData("inbox", "kaf; rm -rf /")]
    [InlineData("reader", "kaf-workbook'--")]
    [InlineData("files", "../*.xlsx")]
    [InlineData("files", "/etc/passwd")]
    public void A_hostile_identifier_in_a_pipeline_file_is_refused_at_start_up(string key, string value)
    {
        var text = File.ReadAllLines(Path.Combine(RepositoryPaths.Pipelines, "kaf.yml"))
            .Select(l => l.StartsWith(key + ":", StringComparison.Ordinal) ? $"{key}: {Yaml(value)}" : l);
        var path = Dir.File("kaf.yml");
        File.WriteAllLines(path, text);

        Assert.Throws<PipelineDefinitionException>(() => PipelineFiles.Read(path));
    }

    [Fact]
    public void A_files_pattern_with_SQL_in_it_is_only_a_file_name_pattern()
    {
        var folder = Dir.Folder("kaf");
        File.WriteAllText(Path.Combine(folder, "KAF_A_2017.xlsx"), "x");

        Assert.Empty(InboxFile.Scan(folder, "*'; DROP TABLE load_file; --").Files);
    }

    [Fact]
    public async Task Hostile_catalog_texts_area_names_Merkmal_labels_and_file_values_are_stored_verbatim_and_the_tables_stay()
    {
        var config = Dir.Folder("config");
        var catalog = Directory.CreateDirectory(Path.Combine(config, "plan", "2017", "massnahmen")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.Catalog2017, "*.yml", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(config, "plan", "2017", Path.GetRelativePath(RepositoryPaths.Catalog2017, file)), overwrite: true);
        }

        var measure = Path.Combine(catalog, "REGE-1.yml");
        var lines = File.ReadAllLines(measure).ToList();
        lines[lines.FindIndex(l => l.StartsWith("titel:", StringComparison.Ordinal))] = "titel: " + Yaml(Hostile("dim_massnahme"));
        lines[lines.FindIndex(l => l.StartsWith("  bezeichnung:", StringComparison.Ordinal))] = "  bezeichnung: " + Yaml(Hostile("dim_indikator"));
        File.WriteAllLines(measure, lines);
        var areas = Path.Combine(config, "bereiche.yml");
        File.WriteAllText(areas, File.ReadAllText(RepositoryPaths.Areas).Replace("name: Sieker-Mitte,", $"name: {Yaml(Hostile("dim_bereich"))},", StringComparison.Ordinal));

        const string merkmal = "Arbeitslose Alleinerziehende SGB II";
        var hostileMerkmal = merkmal + Hostile("fact_beobachtung");
        var pipelines = Dir.Folder("pipelines");
        File.WriteAllText(Path.Combine(pipelines, "ba-statistik.yml"), File.ReadAllText(Path.Combine(RepositoryPaths.Pipelines, "ba-statistik.yml"))
            .Replace($"- label: {merkmal}", $"- label: {Yaml(hostileMerkmal)}", StringComparison.Ordinal));
        var inbox = Directory.CreateDirectory(Path.Combine(Dir.Path, "inbox", "ba-statistik")).FullName;
        var sample = File.ReadAllLines(Path.Combine(RepositoryPaths.SampleInbox, "ba-statistik", "BA_SA_Alleinerziehende_20170714.csv"));
        var csv = sample.Select(l => l.Replace(";" + merkmal + ";", ";" + CsvField(hostileMerkmal) + ";", StringComparison.Ordinal)).ToList();
        var hostileRegion = Hostile("rejected_row");
        csv.Add($"201612;13.07.2017;Quartier;{CsvField(hostileRegion)};{CsvField(hostileRegion)};{CsvField(hostileMerkmal)};5");
        File.WriteAllLines(Path.Combine(inbox, "BA_SA_Alleinerziehende_20170714.csv"), csv);

        var warehouse = await WarehouseAsync();
        var run = PipelineRun.Prepare(
            new EtlOptions(Path.Combine(Dir.Path, "inbox"), pipelines, Path.Combine(config, "plan", "2017"), areas, new WarehouseSettings(warehouse.Name, "")),
            warehouse, NullLogger.Instance, TimeProvider.System);
        await run.InitialiseAsync(TestContext.Current.CancellationToken);
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var tablesBefore = await TableNamesAsync(connection);

        var summary = await run.RunAsync(["ba-statistik"], null, TestContext.Current.CancellationToken);

        var loaded = Assert.Single(summary.Files);
        Assert.Equal(FileLoadStatus.Loaded, loaded.Status);
        var reasons = string.Join("; ", (await connection.QueryAsync<string>($"SELECT grund_code || rohwert FROM {Tables}rejected_row")).Take(5));
        Assert.True(loaded.Counts.Rejected == 2, reasons); // the sample's own reject (Sennestadt-Süd) and the hostile region
        Assert.True(loaded.Counts.Loaded > 10);
        Assert.Equal(tablesBefore, await TableNamesAsync(connection));
        Assert.Equal(Hostile("dim_massnahme"), await connection.QuerySingleAsync<string>($"SELECT titel FROM {Tables}dim_massnahme WHERE massnahme_code = 'REGE-1'"));
        Assert.Equal(Hostile("dim_indikator"), await connection.QuerySingleAsync<string>($"SELECT bezeichnung FROM {Tables}dim_indikator WHERE indikator_code = 'REGE-1.1'"));
        Assert.Equal(Hostile("dim_bereich"), await connection.QuerySingleAsync<string>($"SELECT name FROM {Tables}dim_bereich WHERE bereich_code = 'quartier:sieker-mitte'"));
        Assert.Contains(hostileRegion, await connection.QueryAsync<string>($"SELECT rohwert FROM {Tables}rejected_row"));
        Assert.True(await connection.QuerySingleAsync<long>($"SELECT COUNT(*) FROM {Tables}fact_beobachtung") > 10);
        Assert.True(await connection.QuerySingleAsync<long>($"SELECT COUNT(*) FROM {Tables}load_file") >= 1);
    }
}

public sealed class SqliteConfigurationInjectionSpecs : ConfigurationInjectionSpecs
{
    protected override string Tables => "";

    protected override Task<WarehouseProvider> WarehouseAsync() =>
        Task.FromResult<WarehouseProvider>(new SqliteWarehouse($"Data Source={Dir.File("warehouse.db")}", TimeProvider.System));

    protected override async Task<List<string>> TableNamesAsync(DbConnection connection) =>
        (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")).ToList();
}

public sealed class PostgresConfigurationInjectionSpecs(PostgresServer postgres) : ConfigurationInjectionSpecs
{
    private string? _database;

    protected override string Tables => "dwh.";

    protected override async Task<WarehouseProvider> WarehouseAsync()
    {
        _database = await postgres.CreateDatabaseAsync(nameof(PostgresConfigurationInjectionSpecs));
        return new PostgresWarehouse(_database, TimeProvider.System);
    }

    public override void Dispose()
    {
        if (_database is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            postgres.DropDatabaseAsync(_database).GetAwaiter().GetResult();
        }

        base.Dispose();
    }

    protected override async Task<List<string>> TableNamesAsync(DbConnection connection) =>
        (await connection.QueryAsync<string>(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('dwh', 'stg', 'rpt') ORDER BY 1")).ToList();
}
