using System.Diagnostics;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// Nothing outside the inbox is ever read: names that escape are refused by <see cref="InboxPath"/>; links, pipes,
/// devices and empty entries in an inbox folder are refused unopened and recorded with status abgewiesen.
/// </summary>
public sealed class InboxConfinementSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("../KAF_FIM_2017.xlsx")]
    [InlineData("..")]
    [InlineData("sub/KAF_FIM_2017.xlsx")]
    [InlineData("sub\\KAF_FIM_2017.xlsx")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\Windows\\win.ini")]
    [InlineData("KAF_..._2017.xlsx")]
    [InlineData("")]
    [InlineData("KAF_\n_2017.xlsx")]
    public void A_name_that_could_leave_the_inbox_is_refused_with_a_reason(string name)
    {
        var path = InboxPath.TryResolve(_dir.Path, name, out var refusal);

        Assert.Null(path);
        Assert.False(string.IsNullOrWhiteSpace(refusal));
        Assert.Throws<ArgumentException>(() => InboxPath.Resolve(_dir.Path, name));
    }

    [Fact]
    public void A_plain_file_name_resolves_directly_inside_the_inbox()
    {
        var path = InboxPath.Resolve(_dir.Path + "/kaf/", "KAF_FIM_2017.xlsx");

        Assert.Equal(Path.Combine(_dir.Path, "kaf", "KAF_FIM_2017.xlsx"), path.FullPath);
        Assert.Equal("KAF_FIM_2017.xlsx", path.Name);
    }

    [Fact]
    public async Task Links_pipes_devices_and_empty_entries_are_recorded_as_refused_and_never_opened()
    {
        var inbox = _dir.Folder("inbox");
        var kaf = Directory.CreateDirectory(Path.Combine(inbox, "kaf")).FullName;
        var outside = _dir.Folder("outside");
        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "kaf", "KAF_FIM_2017.xlsx"), Path.Combine(kaf, "KAF_FIM_2017.xlsx"));
        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "kaf", "KAF_COACH_2017.xlsx"), Path.Combine(outside, "KAF_COACH_2017.xlsx"));
        File.CreateSymbolicLink(Path.Combine(kaf, "KAF_COACH_2017.xlsx"), Path.Combine(outside, "KAF_COACH_2017.xlsx"));
        File.CreateSymbolicLink(Path.Combine(kaf, "KAF_PASSWD_2017.xlsx"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(kaf, "KAF_DIR_2017.xlsx"), outside);
        File.WriteAllBytes(Path.Combine(kaf, "KAF_LEER_2017.xlsx"), []);
        Run("mkfifo", Path.Combine(kaf, "KAF_FIFO_2017.xlsx"));
        var device = Run("mknod", Path.Combine(kaf, "KAF_NULL_2017.xlsx"), "c", "1", "3");
        Directory.CreateDirectory(Path.Combine(kaf, "archiv"));

        var warehouse = new SqliteWarehouse($"Data Source={_dir.File("warehouse.db")}", TimeProvider.System);
        var run = PipelineRun.Prepare(
            new EtlOptions(inbox, RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings(warehouse.Name, "")),
            warehouse, NullLogger.Instance, TimeProvider.System);

        // A FIFO opened for reading would block until a writer comes: the run must finish without ever opening it.
        var summary = await run.RunAsync(["kaf"], null, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        var expected = new Dictionary<string, string>
        {
            ["KAF_COACH_2017.xlsx"] = "EINGANG_VERKNUEPFUNG",
            ["KAF_DIR_2017.xlsx"] = "EINGANG_VERKNUEPFUNG",
            ["KAF_FIFO_2017.xlsx"] = "EINGANG_LEER",
            ["KAF_LEER_2017.xlsx"] = "EINGANG_LEER",
            ["KAF_PASSWD_2017.xlsx"] = "EINGANG_VERKNUEPFUNG",
        };
        if (device)
        {
            expected["KAF_NULL_2017.xlsx"] = "EINGANG_LEER";
        }

        Assert.Equal(FileLoadStatus.Loaded, Assert.Single(summary.Files, f => f.File.Name == "KAF_FIM_2017.xlsx").Status);
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var refused = (await connection.QueryAsync<(string Datei, string Status, string Grund, long Groesse)>(
            "SELECT datei, status, grund_code, groesse FROM load_file WHERE status <> 'geladen'")).ToList();
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), refused.Select(r => KeyValuePair.Create(r.Datei, r.Grund)).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.All(refused, r => Assert.Equal("abgewiesen", r.Status));
        Assert.All(refused, r => Assert.Equal(0, r.Groesse));
        Assert.Equal(0, await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM fact_beobachtung WHERE serie = 'KAF:COACH'"));

        // The next night the same entries are not recorded again.
        await run.RunAsync(["kaf"], null, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        Assert.Equal(expected.Count, await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM load_file WHERE status = 'abgewiesen'"));
    }

    /// <summary>Runs a tool; false when it cannot (mknod needs root): the test then checks the rest.</summary>
    private static bool Run(string tool, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
