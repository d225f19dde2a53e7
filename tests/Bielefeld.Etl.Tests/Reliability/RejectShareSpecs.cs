using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Tests.Operations;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Reliability;

/// <summary>
/// A pipeline's <c>abweisung_max_anteil</c> refuses a file whose share of rejected rows is implausible: nothing of it is
/// loaded, the protocol says why (ABWEISUNGSANTEIL_ZU_HOCH), the file stays for the steward.
/// </summary>
public sealed class RejectShareSpecs : IDisposable
{
    private static readonly DateTimeOffset Now = new(2017, 7, 6, 3, 30, 0, TimeSpan.Zero);
    private readonly OperationsInbox _inbox = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _inbox.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The shipped pipelines, the KAF one with the key added.</summary>
    private string Pipelines(string value)
    {
        var folder = Directory.CreateDirectory(_inbox.File("pipelines")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.Pipelines, "*.yml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.AppendAllText(Path.Combine(folder, "kaf.yml"), $"\nabweisung_max_anteil: {value}\n");
        return folder;
    }

    [Fact]
    public async Task A_file_with_more_rejected_rows_than_the_pipeline_allows_is_refused_and_nothing_of_it_is_loaded()
    {
        // One valid row and 4,999 rejected ones (duplicate Kennzahl): 99.98 % rejected.
        BigKafWorkbook.Write(_inbox.Kaf, 5_000);
        var settings = new WarehouseSettings("sqlite", $"Data Source={_inbox.File("warehouse.db")}");
        var clock = new FakeTimeProvider(Now);
        var options = _inbox.Options(settings, moveFiles: false) with { Pipelines = Pipelines("0.5") };
        var run = PipelineRun.Prepare(options, new SqliteWarehouse(settings.ConnectionString, clock), OperationsInbox.Logger(), clock);

        var summary = await run.RunAsync([], null, Token);

        Assert.False(summary.HasFailures);
        var refused = Assert.Single(summary.Files, f => f.File.Name == BigKafWorkbook.Name);
        Assert.Equal(FileLoadStatus.Refused, refused.Status);
        Assert.Equal(
            "ABWEISUNGSANTEIL_ZU_HOCH: KAF_THEO_2017.xlsx: 4.999 von 5.000 Datenzeilen abgewiesen (99,98 %), erlaubt sind höchstens 50 % (abweisung_max_anteil); die Datei wird nicht geladen. Die Datei prüfen (verschobene Spalte, falscher Export?) und korrigiert neu liefern.",
            refused.Message);
        // FIM: 1 of its 4 data rows rejected, under the limit; it and the four other samples load as before.
        Assert.Equal(5, summary.Files.Count(f => f.Status == FileLoadStatus.Loaded));
        Assert.True(File.Exists(Path.Combine(_inbox.Kaf, BigKafWorkbook.Name)));
        await using var connection = new SqliteConnection(settings.ConnectionString);
        Assert.Equal(("abgewiesen", "ABWEISUNGSANTEIL_ZU_HOCH", 0L), await connection.QuerySingleAsync<(string, string, long)>(
            "SELECT status, grund_code, zeilen_geladen FROM load_file WHERE datei = @name", new { name = BigKafWorkbook.Name }));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM fact_beobachtung b JOIN load_file f ON f.datei_id = b.datei_id WHERE f.datei = @name", new { name = BigKafWorkbook.Name }));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rejected_row")); // FIM's one
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("zwanzig")]
    public void A_share_outside_0_to_1_is_a_configuration_error(string value)
    {
        var folder = Pipelines(value);

        Assert.Throws<PipelineDefinitionException>(() => PipelineFiles.ReadAll(folder));
    }

    [Fact]
    public void The_share_is_read_from_the_pipeline_file()
    {
        var folder = Pipelines("0.25");

        var kaf = Assert.Single(PipelineFiles.ReadAll(folder), d => d.Name == "kaf");

        Assert.Equal(0.25, kaf.MaxRejectedShare);
        Assert.All(PipelineFiles.ReadAll(RepositoryPaths.Pipelines).Where(d => d.Name != "kaf"), d => Assert.Null(d.MaxRejectedShare));
    }
}
