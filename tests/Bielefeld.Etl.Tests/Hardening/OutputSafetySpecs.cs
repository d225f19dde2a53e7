using System.Text;
using Bielefeld.Etl.Jobs.Reports;
using Bielefeld.Etl.Tests.Cli;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>What the product writes is safe to open: no formula runs in Excel, no secret in an error or a log.</summary>
public sealed class OutputSafetySpecs : IDisposable
{
    private const string Password = "Geheim-Passwort-0815!";

    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void A_cell_that_Excel_would_run_as_a_formula_is_written_as_text_in_the_steward_CSV(string hostile)
    {
        var path = _dir.File("report.csv");
        StewardReport.WriteCsv([new RejectedRowRecord(1, hostile, "kaf", hostile, 2, hostile, hostile, "WERT_KEINE_ZAHL", hostile, new DateTimeOffset(2017, 7, 1, 0, 0, 0, TimeSpan.Zero))], path);

        var text = File.ReadAllText(path, Encoding.UTF8);

        Assert.DoesNotContain(";" + hostile, text, StringComparison.Ordinal);
        Assert.DoesNotContain(";\"" + hostile, text, StringComparison.Ordinal);
        Assert.Contains("'" + hostile.TrimStart('"'), text.Replace("\"\"", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql", "status")]
    [InlineData("postgresql", "run")]
    [InlineData("sqlserver", "status")]
    public async Task A_failed_connection_is_reported_without_the_password_on_the_console_or_in_the_log(string provider, string command)
    {
        var connection = provider == "postgresql"
            ? $"Host=127.0.0.1;Port=1;Database=controlling;Username=etl;Password={Password};Timeout=2"
            : $"Server=127.0.0.1,1;Database=controlling;User Id=etl;Password={Password};Connect Timeout=2;TrustServerCertificate=true";

        var (exit, output) = await CliProcess.RunAsync(null, command, "--provider", provider, "--connection", connection,
            "--inbox", _dir.Folder("inbox"));

        Assert.NotEqual(0, exit);
        Assert.NotEmpty(output);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_given_in_the_environment_never_appears_in_the_output()
    {
        var (exit, output) = await CliProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["BIELEFELD_ETL_WAREHOUSE__PROVIDER"] = "postgresql",
                ["BIELEFELD_ETL_WAREHOUSE__CONNECTIONSTRING"] = $"Host=127.0.0.1;Port=1;Username=etl;Password={Password};Timeout=2",
            },
            "run", "--inbox", _dir.Folder("inbox"));

        Assert.NotEqual(0, exit);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }
}
