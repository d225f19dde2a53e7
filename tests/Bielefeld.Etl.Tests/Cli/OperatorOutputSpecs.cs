using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Cli;

/// <summary>
/// What an operator reads in the terminal after the KAF samples were loaded (today, so every 2017 delivery of the
/// other sources is overdue): overdue deliveries once and only where they matter, times in Bielefeld's time,
/// degrees rounded, and <c>report --as-of</c> for a day before anything was loaded.
/// </summary>
public sealed class OperatorOutputSpecs : IDisposable
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private string Connection => $"Data Source={_dir.File("warehouse.db")}";

    private Dictionary<string, string> Environment => new() { ["BIELEFELD_ETL_REPORTS"] = _dir.Folder("reports") };

    /// <summary>Only <c>init</c> creates a warehouse; every other command refuses a path that holds none.</summary>
    private async Task InitAsync()
    {
        var (exit, output) = await CliProcess.RunAsync(null, "init", "--connection", Connection);
        Assert.True(exit == 0, output);
    }

    private async Task<string> RunKafSamplesAsync()
    {
        await InitAsync();
        var kaf = _dir.Folder(Path.Combine("inbox", "kaf"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, "kaf")))
        {
            File.Copy(file, Path.Combine(kaf, Path.GetFileName(file)));
        }

        var (exit, output) = await CliProcess.RunAsync(Environment, "run", "--all", "--inbox", _dir.Folder("inbox"), "--connection", Connection);
        Assert.True(exit == 0, output);
        return output;
    }

    private List<T> Query<T>(string sql)
    {
        using var connection = new SqliteConnection(Connection);
        return connection.Query<T>(sql).ToList();
    }

    [Fact]
    public async Task Run_prints_each_overdue_source_once_in_one_format()
    {
        var output = await RunKafSamplesAsync();

        var late = Query<string>("SELECT DISTINCT quelle FROM rpt_lieferstatus WHERE status = 'ueberfaellig' ORDER BY quelle");
        var warnings = output.Split('\n').Where(l => l.Contains("überfällig", StringComparison.Ordinal) && !l.Contains("Lieferkalender", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(late);
        Assert.Equal(late, warnings.Select(w => Regex.Match(w, "^Warnung: Lieferung überfällig – ([a-z-]+): ").Groups[1].Value));
        Assert.DoesNotContain("[1005]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_decide_prints_no_overdue_warning()
    {
        await RunKafSamplesAsync();
        var id = Query<long>("SELECT abweisung_id FROM rpt_abgewiesene_zeilen WHERE grund_code = 'SUMME_ABWEICHEND'").Single();

        var (exit, output) = await CliProcess.RunAsync(null, "rejects", "decide", id.ToString(CultureInfo.InvariantCulture),
            "--decision", "akzeptiert", "--by", "M. Muster", "--comment", "geklärt", "--connection", Connection);

        Assert.Equal(0, exit);
        Assert.Equal([$"Entscheidung gespeichert: Zeile {id} akzeptiert (M. Muster)."], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Status_shows_when_a_load_began_in_Bielefeld_time_not_UTC()
    {
        await RunKafSamplesAsync();
        var stored = Query<string>("SELECT gestartet_um FROM rpt_ladeprotokoll WHERE datei = 'KAF_FIM_2017.xlsx'").Single();
        var berlin = TimeZoneInfo.ConvertTime(
            DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        var (exit, output) = await CliProcess.RunAsync(null, "status", "--connection", Connection);

        Assert.Equal(0, exit);
        var fim = output.Split('\n').Last(l => l.Contains("KAF_FIM_2017.xlsx", StringComparison.Ordinal));
        Assert.Contains(berlin.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture), fim, StringComparison.Ordinal);
        Assert.DoesNotContain(stored[..16], output, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_prints_the_degree_as_a_percentage_with_one_decimal()
    {
        var output = await RunKafSamplesAsync();

        // REGE-9.1 in June: 37 placements of the annual target 97 (0,381443… as stored) shown as 38,1 %; red against the path of 48,5.
        var rege = output.Split('\n').Single(l => l.Contains("REGE-9.1 ", StringComparison.Ordinal) && l.Contains("2017-06", StringComparison.Ordinal));
        Assert.Matches(@"│ 37 +│ 48,5 +│ 97 +│ 38,1 % +│ rot", rege);
        Assert.DoesNotMatch(@"\d[,.]\d{5,}", output); // no degree with the 28 decimals of a decimal
    }

    [Fact]
    public async Task Report_as_of_a_German_date_before_the_first_load_says_why_it_is_empty_in_a_file_of_its_own()
    {
        await RunKafSamplesAsync();
        var first = Query<string>("SELECT MIN(gestartet_um) FROM rpt_ladeprotokoll").Single();
        var current = Path.Combine(_dir.Folder("reports"), "zielerreichung.html");
        await File.WriteAllTextAsync(current, "der aktuelle Bericht", TestContext.Current.CancellationToken);

        var (exit, output) = await CliProcess.RunAsync(Environment, "report", "--as-of", "31.07.2017", "--connection", Connection);
        var (isoExit, isoOutput) = await CliProcess.RunAsync(Environment, "report", "--as-of", "2017-07-31", "--connection", Connection);

        Assert.Equal((0, 0), (exit, isoExit));
        var page = Path.Combine(_dir.Folder("reports"), "zielerreichung_stand_2017-07-31.html");
        Assert.Contains(page, output, StringComparison.Ordinal);
        Assert.Contains(page, isoOutput, StringComparison.Ordinal);
        Assert.Equal("der aktuelle Bericht", await File.ReadAllTextAsync(current, TestContext.Current.CancellationToken));
        var firstLoad = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(first, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"))
            .ToString("dd.MM.yyyy HH:mm", German);
        var notice = $"Bis zum 31.07.2017 (Ende des Tages, Europe/Berlin) war noch nichts geladen: die erste Ladung für Stadt Bielefeld war am {firstLoad}.";
        Assert.Contains("Hinweis: " + notice, output, StringComparison.Ordinal);
        Assert.Contains(notice, WebUtility.HtmlDecode(await File.ReadAllTextAsync(page, TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_as_of_refuses_a_text_that_is_no_date()
    {
        await InitAsync();
        var (exit, output) = await CliProcess.RunAsync(Environment, "report", "--as-of", "31.13.2017", "--connection", Connection);

        Assert.Equal(2, exit);
        Assert.Contains("Fehler: --as-of '31.13.2017' ist kein Datum; erwartet wird z. B. 31.07.2017 oder 2017-07-31.", output, StringComparison.Ordinal);
    }
}
