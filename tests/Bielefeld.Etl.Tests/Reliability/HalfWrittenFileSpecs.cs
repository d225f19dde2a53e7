using System.Security.Cryptography;
using System.Text;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Files;
using Bielefeld.Etl.Tests.Cli;
using Bielefeld.Etl.Tests.Operations;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Reliability;

/// <summary>
/// What is fingerprinted is exactly what is read: the reader reads a private copy whose hash is the fingerprint, so a
/// writer still appending to the inbox file changes nothing of the load; a file changed between fingerprint and copy is
/// left for the next run with nothing recorded.
/// </summary>
public sealed class HalfWrittenFileSpecs : IDisposable
{
    private const int ValueRows = 50_000;
    private static readonly DateTimeOffset Now = new(2017, 7, 20, 3, 30, 0, TimeSpan.Zero);
    private readonly OperationsInbox _inbox = new(withSamples: false);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _inbox.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Line = "201701;13.07.2017;Quartier;Sennestadt;Sennestadt;Arbeitslose Alleinerziehende SGB II;x\n";

    /// <summary>A BA special evaluation: the sample's rows, then <see cref="ValueRows"/> rows whose value (<c>x</c>) the reader skips.</summary>
    private string WriteSpecialEvaluation()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_inbox.Root, "ba-statistik")).FullName;
        var path = Path.Combine(folder, "BA_SA_Alleinerziehende_20170714.csv");
        var text = new StringBuilder(File.ReadAllText(Path.Combine(RepositoryPaths.SampleInbox, "ba-statistik", "BA_SA_Alleinerziehende_20170714.csv")));
        for (var i = 0; i < ValueRows; i++)
        {
            text.Append(Line);
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        File.SetLastWriteTimeUtc(path, Now.UtcDateTime.AddHours(-1));
        return path;
    }

    [Fact]
    public async Task Rows_appended_while_a_file_is_read_are_not_loaded_and_the_load_is_exactly_the_fingerprinted_bytes()
    {
        var path = WriteSpecialEvaluation();
        var original = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        var appended = 0;
        var progress = new SynchronousProgress<RunProgress>(p =>
        {
            if (!p.Done && p.RowsRead >= 1_000 && Interlocked.Exchange(ref appended, 1) == 0)
            {
                // The writer goes on: 10,000 more rows and a line cut in the middle, as a slow copy leaves it.
                File.AppendAllText(path, string.Concat(Enumerable.Repeat(Line, 10_000)) + "201702;13.07.2017;Quar");
            }
        });
        var database = _inbox.File("warehouse.db");
        var settings = new WarehouseSettings("sqlite", $"Data Source={database}");
        var clock = new FakeTimeProvider(Now);
        var run = PipelineRun.Prepare(_inbox.Options(settings, moveFiles: false), new SqliteWarehouse(settings.ConnectionString, clock), OperationsInbox.Logger(), clock);

        var summary = await run.RunAsync([], progress, Token);

        Assert.Equal(1, appended);
        var load = Assert.Single(summary.Files);
        Assert.Equal(FileLoadStatus.Loaded, load.Status);
        Assert.Equal(original, load.File.Sha256);
        await using var connection = new SqliteConnection(settings.ConnectionString);
        var row = await connection.QuerySingleAsync<(string Sha, long Size, long Read, long Loaded, long Rejected)>(
            "SELECT sha256, groesse, zeilen_gelesen, zeilen_geladen, zeilen_abgewiesen FROM load_file");
        // The sample's 23 rows and the 50,000 with a value the reader skips, as counted in the file as fingerprinted.
        Assert.Equal((original, new FileInfo(path).Length - (10_000L * Line.Length) - "201702;13.07.2017;Quar".Length, 24L + ValueRows, 21L, 1L), row);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rejected_row WHERE rohwert LIKE '%Quar%' OR zeile > @last", new { last = 24 + ValueRows }));
    }

    [Fact]
    public async Task A_file_changed_between_fingerprint_and_copy_is_not_copied_and_leaves_nothing()
    {
        // A name no other test uses: other tests take snapshots in the same temp folder at the same time.
        var path = Path.Combine(Path.GetDirectoryName(WriteSpecialEvaluation())!, $"BA_SA_Alleinerziehende_20170714_{Guid.NewGuid():N}.csv");
        File.Move(Path.Combine(Path.GetDirectoryName(path)!, "BA_SA_Alleinerziehende_20170714.csv"), path);
        var fingerprint = await InboxFile.FingerprintAsync("ba-statistik", path, Token);
        File.AppendAllText(path, Line);

        var refused = Assert.Throws<FileNotReadyException>(() => InboxSnapshot.Take(fingerprint));

        Assert.Equal($"hat sich seit dem Fingerabdruck geändert ({fingerprint.Size} Byte, beim Lesen {fingerprint.Size + Line.Length} Byte; wird noch geschrieben), nichts davon wurde geladen", refused.Message);
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "bielefeld-etl-*"), d => File.Exists(Path.Combine(d, Path.GetFileName(path))));
    }

    [Fact]
    public async Task Run_waits_ten_seconds_by_default_before_it_takes_a_file_that_was_just_written()
    {
        var path = WriteSpecialEvaluation();
        // Dated a minute ahead: the program's start on a busy machine must not outlast the window it is tested for.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var environment = new Dictionary<string, string> { ["BIELEFELD_ETL_FILES__STABLEFOR"] = "", ["BIELEFELD_ETL_REPORTS"] = _inbox.File("berichte") };
        var (initExit, initOutput) = await CliProcess.RunAsync(null, "init", "--connection", $"Data Source={_inbox.File("warehouse.db")}");
        Assert.True(initExit == 0, initOutput);

        var (exit, output) = await CliProcess.RunAsync(environment,
            "run", "--all", "--inbox", _inbox.Root, "--connection", $"Data Source={_inbox.File("warehouse.db")}");

        Assert.Equal(0, exit);
        Assert.Contains("BA_SA_Alleinerziehende_20170714.csv: noch nicht übernommen, zuletzt vor 0 s geändert, wird erst nach 10 s ohne Änderung übernommen.", output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={_inbox.File("warehouse.db")}");
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM load_file"));
    }
}
